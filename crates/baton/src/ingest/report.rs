//! The one shape every outside source is read into: which run it is about, and what changed.
//! The parsers produce reports; `external::apply` stores them.

use serde_json::Value;

use crate::domain::{
    execution::{ExecutionStatus, TaskStatus},
    timestamp::Timestamp,
};

/// Who reported a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Claude Code hooks (`POST /api/hooks/claude`, `baton hook`).
    Hooks,
    /// orchestrator.sh's `webhook_notify` (`POST /api/webhooks/notify`).
    Notify,
    /// orchestrator.sh's files in `~/.claude/agent-workspaces`.
    Workspace,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hooks => "hooks",
            Self::Notify => "notify",
            Self::Workspace => "workspace",
        }
    }

    /// The execution kind runs of this source get.
    pub fn kind(self) -> &'static str {
        match self {
            Self::Hooks => "session",
            Self::Notify | Self::Workspace => "orchestrator",
        }
    }
}

/// How to find the project of a new run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectHint {
    None,
    /// The project whose workspace directory holds this directory.
    Cwd(String),
    /// A project id or name as the sender knows it.
    Named(String),
}

/// The run a report is about.
#[derive(Debug, Clone, PartialEq)]
pub struct RunKey {
    pub source: Source,
    /// The sender's id for the run; `None`: the newest unfinished run of this source (and
    /// project), or a new one.
    pub external_id: Option<String>,
    pub project: ProjectHint,
    /// The name a new run gets.
    pub name: String,
}

/// A task of a run, as the sender names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskKey {
    /// The sender's id for the task: unique within the run.
    pub key: String,
    pub agent: String,
    /// The task id shown (a plan-like id).
    pub task_id: String,
    /// The key of the task that started this one.
    pub parent: Option<String>,
}

/// One thing that happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// The run is (again) running.
    RunStarted,
    RunEnded {
        status: ExecutionStatus,
        error: Option<String>,
    },
    TaskStarted {
        task: TaskKey,
        prompt: Option<String>,
    },
    /// A task's state changed (ended, or reported as still running with new facts).
    TaskUpdated {
        task: TaskKey,
        status: TaskStatus,
        output: Option<Value>,
        error: Option<String>,
    },
    ToolStarted {
        task: Option<TaskKey>,
        tool_use_id: String,
        tool: String,
        input: Value,
    },
    ToolEnded {
        task: Option<TaskKey>,
        tool_use_id: String,
        tool: String,
        error: Option<String>,
        response: String,
    },
    Log(LogLine),
    Metric {
        name: String,
        value: f64,
    },
    /// Something a person should know about (a permission request, a notification).
    Notify {
        title: String,
        body: String,
    },
}

/// A log entry of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct LogLine {
    pub task: Option<TaskKey>,
    /// `info`, `warn` or `error`.
    pub level: &'static str,
    /// A log kind: `stdout`, `system`, `prompt`, `hook`, ...
    pub kind: &'static str,
    pub message: String,
    pub metadata: Option<Value>,
}

/// What one event says.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub run: RunKey,
    pub at: Timestamp,
    pub changes: Vec<Change>,
}

/// The input is not an event at all (not an object, or without the field that names it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub field: &'static str,
    pub problem: String,
}

impl Rejected {
    pub fn new(field: &'static str, problem: impl Into<String>) -> Self {
        Self { field, problem: problem.into() }
    }
}

/// `text` cut to at most `max` characters, with an ellipsis when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// A short, one-line view of a tool's input for a log line (the whole input goes in metadata).
pub fn tool_summary(input: &Value) -> String {
    let text = match input {
        Value::Object(map) => ["command", "file_path", "pattern", "description", "prompt", "url"]
            .iter()
            .find_map(|key| map.get(*key).and_then(Value::as_str))
            .map(str::to_owned)
            .unwrap_or_else(|| input.to_string()),
        other => other.to_string(),
    };
    excerpt(&text, 160)
}

/// Lower-cased, letters and digits only: how agent names from file names and events are matched
/// (`Agent-Backend_Expert.md`, `backend-expert` and `backendexpert` are one agent).
pub fn agent_match_key(name: &str) -> String {
    name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_cut_on_characters() {
        assert_eq!(excerpt("héllo", 2), "hé…");
        assert_eq!(excerpt("hi", 2), "hi");
    }

    #[test]
    fn agent_names_match_across_spellings() {
        for name in ["backend-expert", "Backend_Expert", "backendexpert", "BACKEND EXPERT"] {
            assert_eq!(agent_match_key(name), "backendexpert");
        }
    }
}
