//! Baton's configuration at run time: the built-in defaults, the command-line flags, the stored
//! global document and each project's, merged. A save takes effect at once: whoever needs a
//! setting reads [`Settings::current`] when it acts, or subscribes to changes.

use std::{collections::BTreeMap, path::PathBuf, sync::Arc, time::Duration};

use serde_json::{Value, json};
use tokio::sync::watch;

use crate::domain::plan::parse_duration;

/// The documents people edit, and their validation.
pub mod document;
/// Deleting logs past `logs.retention_days`.
pub mod retention;
/// Merging, origins and diffs of JSON trees.
pub mod tree;

pub use document::{GlobalConfig, ProjectConfig};

/// The flags that give settings their starting values.
#[derive(Debug, Clone)]
pub struct Flags {
    pub claude_bin: String,
    pub kill_grace: Duration,
    pub max_agents: u32,
    pub agents_dirs: Vec<PathBuf>,
    pub workspaces_dirs: Vec<PathBuf>,
}

impl Default for Flags {
    fn default() -> Self {
        Self {
            claude_bin: "claude".into(),
            kill_grace: Duration::from_secs(10),
            max_agents: 8,
            agents_dirs: Vec::new(),
            workspaces_dirs: Vec::new(),
        }
    }
}

/// Every setting with its value in force.
#[derive(Debug, Clone)]
pub struct Settings {
    pub runner: RunnerSettings,
    pub limits: LimitSettings,
    pub logs: LogSettings,
    pub watch: WatchSettings,
    pub mcp: McpSettings,
    pub webhooks: WebhookSettings,
    pub notifications: NotificationRules,
}

#[derive(Debug, Clone)]
pub struct RunnerSettings {
    pub claude_bin: String,
    pub kill_grace: Duration,
    /// Environment of every agent, secrets still sealed (`vault::tree::open` when spawning).
    pub env: Value,
}

#[derive(Debug, Clone, Copy)]
pub struct LimitSettings {
    pub max_agents: usize,
    pub default_budget_usd: Option<f64>,
}

#[derive(Debug, Clone, Copy)]
pub struct LogSettings {
    /// Zero keeps logs forever.
    pub retention_days: u32,
}

#[derive(Debug, Clone)]
pub struct WatchSettings {
    pub agents_dirs: Vec<PathBuf>,
    pub workspaces_dirs: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy)]
pub struct McpSettings {
    /// Zero: no periodic checks.
    pub check_interval: Duration,
    pub check_timeout: Duration,
}

#[derive(Debug, Clone, Copy)]
pub struct WebhookSettings {
    pub timeout: Duration,
    pub max_attempts: u32,
}

/// Which kinds of notification people get.
#[derive(Debug, Clone, Copy)]
pub struct NotificationRules {
    pub execution_completed: bool,
    pub execution_failed: bool,
    pub task_retried: bool,
    pub budget_exceeded: bool,
    pub mcp_status: bool,
}

impl NotificationRules {
    /// Whether notifications of `kind` (as stored: `execution_failed`, `mcp_status`, ...) go out.
    pub fn allows(&self, kind: &str) -> bool {
        match kind {
            "execution_completed" => self.execution_completed,
            "execution_failed" | "execution_interrupted" | "execution_cancelled" => self.execution_failed,
            "task_retried" => self.task_retried,
            "budget_exceeded" => self.budget_exceeded,
            "mcp_status" => self.mcp_status,
            _ => true,
        }
    }
}

/// The built-in defaults as a document.
fn builtin() -> Value {
    json!({
        "runner": {"claude_bin": "claude", "kill_grace": "10s", "env": {}},
        "limits": {"max_agents": 8, "default_budget_usd": null},
        "logs": {"retention_days": 0},
        "watch": {"agents_dirs": [], "workspaces_dirs": []},
        "mcp": {"check_interval": "5m", "check_timeout": "10s"},
        "webhooks": {"timeout": "10s", "max_attempts": 10},
        "notifications": {
            "execution_completed": true, "execution_failed": true, "task_retried": true,
            "budget_exceeded": true, "mcp_status": true
        }
    })
}

/// What the flags set differently from the built-in defaults, as a document.
fn from_flags(flags: &Flags) -> Value {
    let defaults = Flags::default();
    let mut layer = serde_json::Map::new();
    let mut set = |section: &str, key: &str, value: Value| {
        if let Value::Object(entries) = layer.entry(section).or_insert_with(|| json!({})) {
            entries.insert(key.to_owned(), value);
        }
    };
    if flags.claude_bin != defaults.claude_bin {
        set("runner", "claude_bin", json!(flags.claude_bin));
    }
    if flags.kill_grace != defaults.kill_grace {
        set("runner", "kill_grace", json!(format!("{}s", flags.kill_grace.as_secs().max(1))));
    }
    if flags.max_agents != defaults.max_agents {
        set("limits", "max_agents", json!(flags.max_agents));
    }
    let paths = |dirs: &[PathBuf]| json!(dirs.iter().map(|d| d.to_string_lossy()).collect::<Vec<_>>());
    if !flags.agents_dirs.is_empty() {
        set("watch", "agents_dirs", paths(&flags.agents_dirs));
    }
    if !flags.workspaces_dirs.is_empty() {
        set("watch", "workspaces_dirs", paths(&flags.workspaces_dirs));
    }
    Value::Object(layer)
}

/// The project's `settings` laid out like the global document.
pub fn project_layer(project: &Value) -> Value {
    project.get("settings").cloned().unwrap_or(Value::Null)
}

/// Live settings: the value in force, and a channel for those who react to changes.
#[derive(Debug)]
pub struct SettingsHub {
    flags: Value,
    sender: watch::Sender<Arc<Settings>>,
    /// The stored global document (secrets sealed).
    global: std::sync::RwLock<Value>,
}

impl SettingsHub {
    pub fn new(flags: &Flags) -> Self {
        let flags = from_flags(flags);
        let settings = resolve(&tree::merge(&builtin(), &flags));
        let (sender, _) = watch::channel(Arc::new(settings));
        Self { flags, sender, global: std::sync::RwLock::new(json!({})) }
    }

    /// The settings in force now.
    pub fn current(&self) -> Arc<Settings> {
        self.sender.borrow().clone()
    }

    /// Changes from now on.
    pub fn subscribe(&self) -> watch::Receiver<Arc<Settings>> {
        self.sender.subscribe()
    }

    /// Puts a newly stored global document in force.
    pub fn set_global(&self, stored: Value) {
        let effective = self.effective(&stored, &Value::Null);
        *self.global.write().unwrap_or_else(|e| e.into_inner()) = stored;
        self.sender.send_replace(Arc::new(resolve(&effective)));
    }

    /// The stored global document (secrets sealed).
    pub fn global(&self) -> Value {
        self.global.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Defaults, flags, `global` and the project's settings `project` merged (secrets sealed).
    pub fn effective(&self, global: &Value, project: &Value) -> Value {
        let merged = tree::merge(&tree::merge(&builtin(), &self.flags), global);
        tree::merge(&merged, project)
    }

    /// Where each value of [`Self::effective`] comes from.
    pub fn origins(&self, global: &Value, project: &Value) -> BTreeMap<String, &'static str> {
        let mut origins = BTreeMap::new();
        tree::record_origins(&builtin(), "default", "", &mut origins);
        tree::record_origins(&self.flags, "flag", "", &mut origins);
        tree::record_origins(global, "global", "", &mut origins);
        tree::record_origins(project, "project", "", &mut origins);
        origins
    }

    /// The settings for a project's agents: the global ones with its overrides.
    pub fn for_project(&self, project: &Value) -> Settings {
        resolve(&self.effective(&self.global(), &project_layer(project)))
    }
}

/// Typed settings from a complete, validated document. Values that cannot be read (only
/// possible if the database was edited by hand) fall back to the built-in defaults.
fn resolve(document: &Value) -> Settings {
    let text = |path: &str| document.pointer(path).and_then(Value::as_str).map(str::to_owned);
    let number = |path: &str| document.pointer(path).and_then(Value::as_u64);
    let flag = |path: &str| document.pointer(path).and_then(Value::as_bool).unwrap_or(true);
    let duration = |path: &str, fallback: u64| {
        text(path).and_then(|t| parse_duration(&t).ok()).unwrap_or(Duration::from_secs(fallback))
    };
    let dirs = |path: &str| -> Vec<PathBuf> {
        document
            .pointer(path)
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(Value::as_str).map(PathBuf::from).collect())
            .unwrap_or_default()
    };
    let interval = match text("/mcp/check_interval").as_deref().map(str::trim) {
        Some("0") => Duration::ZERO,
        _ => duration("/mcp/check_interval", 300),
    };
    Settings {
        runner: RunnerSettings {
            claude_bin: text("/runner/claude_bin").unwrap_or_else(|| "claude".into()),
            kill_grace: duration("/runner/kill_grace", 10),
            env: document.pointer("/runner/env").cloned().unwrap_or_else(|| json!({})),
        },
        limits: LimitSettings {
            max_agents: number("/limits/max_agents").map_or(8, |n| n.clamp(1, 1024) as usize),
            default_budget_usd: document.pointer("/limits/default_budget_usd").and_then(Value::as_f64),
        },
        logs: LogSettings {
            retention_days: number("/logs/retention_days").map_or(0, |n| n.min(3650) as u32),
        },
        watch: WatchSettings {
            agents_dirs: dirs("/watch/agents_dirs"),
            workspaces_dirs: dirs("/watch/workspaces_dirs"),
        },
        mcp: McpSettings { check_interval: interval, check_timeout: duration("/mcp/check_timeout", 10) },
        webhooks: WebhookSettings {
            timeout: duration("/webhooks/timeout", 10),
            max_attempts: number("/webhooks/max_attempts").map_or(10, |n| n.clamp(1, 30) as u32),
        },
        notifications: NotificationRules {
            execution_completed: flag("/notifications/execution_completed"),
            execution_failed: flag("/notifications/execution_failed"),
            task_retried: flag("/notifications/task_retried"),
            budget_exceeded: flag("/notifications/budget_exceeded"),
            mcp_status: flag("/notifications/mcp_status"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_then_global_then_project_win() {
        let hub =
            SettingsHub::new(&Flags { max_agents: 4, claude_bin: "/opt/claude".into(), ..Flags::default() });
        assert_eq!(hub.current().limits.max_agents, 4);
        let changes = hub.subscribe();
        hub.set_global(json!({"limits": {"max_agents": 2}, "mcp": {"check_interval": "0"}}));
        assert!(changes.has_changed().expect("works"));
        let now = hub.current();
        assert_eq!((now.limits.max_agents, now.runner.claude_bin.as_str()), (2, "/opt/claude"));
        assert_eq!(now.mcp.check_interval, Duration::ZERO);
        let project = hub.for_project(&json!({"settings": {"runner": {"kill_grace": "1m"}}}));
        assert_eq!(project.runner.kill_grace, Duration::from_secs(60));
        let origins = hub.origins(&hub.global(), &json!({"runner": {"kill_grace": "1m"}}));
        assert_eq!(
            (
                origins["limits.max_agents"],
                origins["runner.claude_bin"],
                origins["runner.kill_grace"],
                origins["logs.retention_days"]
            ),
            ("global", "flag", "project", "default")
        );
    }
}
