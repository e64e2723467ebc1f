//! The configuration documents people edit: sparse (only what was set), validated with errors
//! that name the path, described by JSON Schemas generated from these types.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::domain::{agent_config::AgentConfig, field_errors::FieldErrors, plan::parse_duration};

/// Baton's own settings. Every key is optional: what is left out comes from the command-line
/// flags or the built-in defaults, and changes here apply without a restart.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GlobalConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runner: Option<RunnerSection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<LimitsSection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logs: Option<LogsSection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub watch: Option<WatchSection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mcp: Option<McpSection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhooks: Option<WebhooksSection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notifications: Option<NotificationsSection>,
}

/// How agents' processes start and stop.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RunnerSection {
    /// The Claude Code executable for agents with no command of their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(min_length = 1)]
    pub claude_bin: Option<String>,
    /// Time a cancelled or timed-out agent gets between SIGTERM and SIGKILL (`10s`, `1m`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(pattern = r"^(\d+[smhd])+$|^\d+$")]
    pub kill_grace: Option<String>,
    /// Environment every agent process gets; a value may be `{secret: "..."}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env: Option<BTreeMap<String, EnvValue>>,
}

/// An environment value: plain text, or a secret stored encrypted and shown masked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum EnvValue {
    Plain(String),
    Secret {
        /// The value; the API shows `********`, and writing that back keeps the stored one.
        secret: String,
    },
}

/// Limits across every execution.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LimitsSection {
    /// Agent processes running at once, across all executions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1, maximum = 1024)]
    pub max_agents: Option<u32>,
    /// Budget in dollars of plans that set none; passing it stops the execution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(exclusive_minimum = 0)]
    pub default_budget_usd: Option<f64>,
}

/// How long logs are kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LogsSection {
    /// Days execution logs are kept; 0 keeps them forever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 0, maximum = 3650)]
    pub retention_days: Option<u32>,
}

/// Directories watched for agent definitions and orchestrator.sh workspaces, besides those
/// given on the command line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WatchSection {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agents_dirs: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspaces_dirs: Option<Vec<String>>,
}

/// Health checks of MCP servers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct McpSection {
    /// Time between checks of every server (`5m`); `0` turns periodic checks off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_interval: Option<String>,
    /// How long one check may take (`10s`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_timeout: Option<String>,
}

/// Outbound webhook deliveries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhooksSection {
    /// How long one delivery attempt may take (`10s`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<String>,
    /// Attempts before a delivery is marked dead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1, maximum = 30)]
    pub max_attempts: Option<u32>,
}

/// Which events notify people (in the bell and on the socket).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationsSection {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execution_completed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execution_failed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_retried: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_exceeded: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mcp_status: Option<bool>,
}

/// A project's overrides: settings, environment for its agents, and its agents' configurations.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<ProjectSettings>,
    /// Environment of this project's agent processes; a value may be `{secret: "..."}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env: Option<BTreeMap<String, EnvValue>>,
    /// How each agent runs in this project (overrides the agent's own configuration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agents: Option<BTreeMap<String, AgentConfig>>,
}

/// The settings a project may override.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runner: Option<ProjectRunner>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<ProjectLimits>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectRunner {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(min_length = 1)]
    pub claude_bin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kill_grace: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectLimits {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(exclusive_minimum = 0)]
    pub default_budget_usd: Option<f64>,
}

/// Reads `value` as a `T`, naming the path of the first problem (`limits.max_agents`).
pub fn parse<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, FieldErrors> {
    serde_path_to_error::deserialize(value.clone()).map_err(|error| {
        let path = error.path().to_string();
        let message = error.into_inner().to_string();
        let unknown = message.strip_prefix("unknown field `").and_then(|rest| rest.split('`').next());
        let field = match (path.as_str(), unknown) {
            ("." | "", Some(name)) => name.to_owned(),
            ("." | "", None) => "config".to_owned(),
            _ => path,
        };
        let message = match unknown {
            Some(name) => format!(
                "unknown key `{name}`{}",
                message
                    .split_once(", expected")
                    .map_or(String::new(), |(_, rest)| format!(" (expected{rest})"))
            ),
            None => message,
        };
        FieldErrors::one(field, message)
    })
}

impl GlobalConfig {
    /// Ranges and formats, every problem by path.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if let Some(runner) = &self.runner {
            check_claude_bin(&mut errors, "runner.claude_bin", runner.claude_bin.as_deref());
            check_duration(&mut errors, "runner.kill_grace", runner.kill_grace.as_deref(), false);
            check_env(&mut errors, "runner.env", runner.env.as_ref());
        }
        if let Some(limits) = &self.limits {
            if let Some(max) = limits.max_agents
                && !(1..=1024).contains(&max)
            {
                errors.add("limits.max_agents", if max < 1 { "must be ≥ 1" } else { "must be ≤ 1024" });
            }
            check_budget(&mut errors, "limits.default_budget_usd", limits.default_budget_usd);
        }
        if let Some(days) = self.logs.as_ref().and_then(|l| l.retention_days)
            && days > 3650
        {
            errors.add("logs.retention_days", "must be ≤ 3650 (ten years); 0 keeps logs forever");
        }
        if let Some(watch) = &self.watch {
            for (name, dirs) in
                [("agents_dirs", &watch.agents_dirs), ("workspaces_dirs", &watch.workspaces_dirs)]
            {
                for (i, dir) in dirs.iter().flatten().enumerate() {
                    if !std::path::Path::new(dir).is_absolute() {
                        errors.add(format!("watch.{name}[{i}]"), "must be an absolute path");
                    }
                }
            }
        }
        if let Some(mcp) = &self.mcp {
            check_duration(&mut errors, "mcp.check_interval", mcp.check_interval.as_deref(), true);
            check_duration(&mut errors, "mcp.check_timeout", mcp.check_timeout.as_deref(), false);
        }
        if let Some(webhooks) = &self.webhooks {
            check_duration(&mut errors, "webhooks.timeout", webhooks.timeout.as_deref(), false);
            if let Some(attempts) = webhooks.max_attempts
                && !(1..=30).contains(&attempts)
            {
                errors.add("webhooks.max_attempts", "must be between 1 and 30");
            }
        }
        errors.into_result()
    }
}

impl ProjectConfig {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if let Some(settings) = &self.settings {
            if let Some(runner) = &settings.runner {
                check_claude_bin(&mut errors, "settings.runner.claude_bin", runner.claude_bin.as_deref());
                check_duration(
                    &mut errors,
                    "settings.runner.kill_grace",
                    runner.kill_grace.as_deref(),
                    false,
                );
            }
            let budget = settings.limits.as_ref().and_then(|l| l.default_budget_usd);
            check_budget(&mut errors, "settings.limits.default_budget_usd", budget);
        }
        check_env(&mut errors, "env", self.env.as_ref());
        for (name, config) in self.agents.iter().flatten() {
            if name.trim().is_empty() {
                errors.add("agents", "an agent name must not be empty");
            }
            if let Err(agent_errors) = config.validate() {
                for (field, message) in agent_errors.to_map() {
                    errors.add(format!("agents.{name}.{field}"), message);
                }
            }
        }
        errors.into_result()
    }
}

fn check_claude_bin(errors: &mut FieldErrors, path: &str, value: Option<&str>) {
    if value.is_some_and(|bin| bin.trim().is_empty()) {
        errors.add(path, "must not be empty");
    }
}

fn check_budget(errors: &mut FieldErrors, path: &str, value: Option<f64>) {
    if value.is_some_and(|budget| !(budget.is_finite() && budget > 0.0)) {
        errors.add(path, "must be a positive number of dollars");
    }
}

/// A duration like `90s`, `5m`, `1h30m`; `0` too when `zero_is_off`.
fn check_duration(errors: &mut FieldErrors, path: &str, value: Option<&str>, zero_is_off: bool) {
    let Some(text) = value else { return };
    if zero_is_off && text.trim() == "0" {
        return;
    }
    if let Err(message) = parse_duration(text) {
        errors.add(path, if zero_is_off { format!("{message}, or 0 for off") } else { message });
    }
}

fn check_env(errors: &mut FieldErrors, path: &str, env: Option<&BTreeMap<String, EnvValue>>) {
    for key in env.into_iter().flat_map(BTreeMap::keys) {
        let valid = !key.is_empty()
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !key.starts_with(|c: char| c.is_ascii_digit());
        if !valid {
            errors.add(
                format!("{path}.{key}"),
                "is not a valid environment variable name (letters, digits, _)",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn errors_of(value: Value) -> std::collections::BTreeMap<String, String> {
        match parse::<GlobalConfig>(&value) {
            Ok(config) => config.validate().err().map(|e| e.to_map()).unwrap_or_default(),
            Err(errors) => errors.to_map(),
        }
    }

    #[test]
    fn problems_are_named_by_path() {
        assert_eq!(errors_of(json!({"limits": {"max_agents": 0}}))["limits.max_agents"], "must be ≥ 1");
        let unknown = errors_of(json!({"limits": {"max_agnets": 2}}));
        assert!(unknown["limits.max_agnets"].starts_with("unknown key `max_agnets`"), "{unknown:?}");
        assert!(errors_of(json!({"bogus": 1}))["bogus"].starts_with("unknown key"));
        assert!(errors_of(json!({"limits": {"max_agents": "many"}})).contains_key("limits.max_agents"));
        assert!(errors_of(json!({"runner": {"kill_grace": "soon"}})).contains_key("runner.kill_grace"));
        assert!(errors_of(json!({"mcp": {"check_interval": "0"}})).is_empty());
        assert!(errors_of(json!({"watch": {"agents_dirs": ["rel"]}})).contains_key("watch.agents_dirs[0]"));
        assert!(errors_of(json!({"runner": {"env": {"1BAD": "x"}}})).contains_key("runner.env.1BAD"));
        assert!(
            errors_of(json!({"runner": {"env": {"KEY": {"secret": "x"}}}, "limits": {"max_agents": 4}}))
                .is_empty()
        );
    }

    #[test]
    fn project_documents_check_their_agents() {
        let config: ProjectConfig =
            parse(&json!({"agents": {"builder": {"runner": "command"}}, "env": {"A": "b"}})).expect("works");
        assert!(config.validate().expect_err("fails").to_map().contains_key("agents.builder.command"));
    }
}
