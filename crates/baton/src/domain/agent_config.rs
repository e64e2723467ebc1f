//! How an agent runs: which runner, which command, which model, limits.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::field_errors::FieldErrors;

/// The kind of process a task of this agent becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RunnerKind {
    /// `claude -p <prompt> --output-format stream-json --verbose`, output parsed as stream-json.
    #[default]
    Claude,
    /// Any command; `{prompt}`, `{task_id}`, `{execution_id}`, `{project_dir}`, `{agent}` are
    /// replaced in each argument (no shell unless the command calls one).
    Command,
    /// A legacy `orchestrator.sh`, given `WEBHOOK_URL`, `EXECUTION_ID` and `PROJECT_ID`.
    Orchestrator,
}

/// An agent's configuration, as stored and as the API takes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgentConfig {
    #[serde(default)]
    pub runner: RunnerKind,
    /// The argv template. For `claude`: the executable and leading arguments to use instead of
    /// `claude` (e.g. a wrapper script); for `command` and `orchestrator`: the whole command.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub command: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Extra environment for the agent's process.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub env: BTreeMap<String, String>,
    /// Default timeout of this agent's tasks, in seconds (a plan's task timeout wins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1)]
    pub timeout_s: Option<u64>,
    /// The most one task of this agent may cost; passing it fails the task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(exclusive_minimum = 0)]
    pub max_cost_usd: Option<f64>,
    /// Appended to the agent's system prompt (`--append-system-prompt`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_prompt: Option<String>,
    /// Tools the agent may use (`--allowedTools`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_tools: Vec<String>,
}

const PLACEHOLDERS: [&str; 5] = ["prompt", "task_id", "execution_id", "project_dir", "agent"];

impl AgentConfig {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if matches!(self.runner, RunnerKind::Command | RunnerKind::Orchestrator) && self.command.is_empty() {
            errors.add("command", "is required for the command and orchestrator runners");
        }
        if self.command.first().is_some_and(|program| program.trim().is_empty()) {
            errors.add("command", "the program (first element) must not be empty");
        }
        for (i, arg) in self.command.iter().enumerate() {
            for name in placeholders(arg) {
                if !PLACEHOLDERS.contains(&name.as_str()) {
                    errors.add(
                        format!("command[{i}]"),
                        format!("unknown placeholder {{{name}}} (known: {})", PLACEHOLDERS.join(", ")),
                    );
                }
            }
        }
        for key in self.env.keys() {
            if key.is_empty() || key.contains('=') || key.contains('\0') {
                errors.add(format!("env.{key}"), "is not a valid environment variable name");
            }
        }
        if self.timeout_s == Some(0) {
            errors.add("timeout_s", "must be at least 1 second");
        }
        if let Some(cost) = self.max_cost_usd
            && !(cost.is_finite() && cost > 0.0)
        {
            errors.add("max_cost_usd", "must be a positive number of dollars");
        }
        errors.into_result()
    }
}

/// `{name}` placeholders of one argument.
fn placeholders(arg: &str) -> Vec<String> {
    arg.split('{').skip(1).filter_map(|rest| rest.split_once('}')).map(|(name, _)| name.to_owned()).collect()
}

/// Replaces the placeholders of every argument; unknown text is left as written.
pub fn substitute(template: &[String], values: &[(&str, &str)]) -> Vec<String> {
    template
        .iter()
        .map(|arg| {
            values.iter().fold(arg.clone(), |arg, (name, value)| arg.replace(&format!("{{{name}}}"), value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_replaced_per_argument_without_a_shell() {
        let argv = substitute(
            &["aider".into(), "--message".into(), "{prompt}".into(), "--id={task_id}".into()],
            &[("prompt", "fix it; rm -rf /"), ("task_id", "api")],
        );
        assert_eq!(argv, ["aider", "--message", "fix it; rm -rf /", "--id=api"]);
    }

    #[test]
    fn bad_configurations_are_named() {
        let command_without_argv = AgentConfig { runner: RunnerKind::Command, ..Default::default() };
        assert!(command_without_argv.validate().expect_err("invalid").to_map().contains_key("command"));
        let unknown = AgentConfig {
            runner: RunnerKind::Command,
            command: vec!["x".into(), "{nope}".into()],
            ..Default::default()
        };
        assert!(unknown.validate().expect_err("invalid").to_map()["command[1]"].contains("{nope}"));
        assert!(AgentConfig::default().validate().is_ok());
    }
}
