//! Turns a task and its agent's configuration into the argv and environment of its process.

use crate::domain::{
    agent_config::{AgentConfig, RunnerKind, substitute},
    plan::Task,
};

/// What to start.
#[derive(Debug, Clone, PartialEq)]
pub struct Launch {
    pub argv: Vec<String>,
    pub env: Vec<(String, String)>,
    /// Whether stdout is Claude Code stream-json.
    pub stream_json: bool,
}

/// Where a task runs.
#[derive(Debug, Clone)]
pub struct Place<'a> {
    pub execution_id: &'a str,
    pub project_id: &'a str,
    pub project_dir: &'a str,
    /// Where orchestrator scripts post their events.
    pub webhook_url: &'a str,
}

pub fn build(claude_bin: &str, config: &AgentConfig, task: &Task, place: &Place<'_>) -> Launch {
    let values = [
        ("prompt", task.prompt.as_str()),
        ("task_id", task.id.as_str()),
        ("execution_id", place.execution_id),
        ("project_dir", place.project_dir),
        ("agent", task.agent.as_str()),
    ];
    let mut env: Vec<(String, String)> = config.env.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    env.extend([
        ("BATON_EXECUTION_ID".to_owned(), place.execution_id.to_owned()),
        ("BATON_TASK_ID".to_owned(), task.id.clone()),
        ("BATON_PROJECT_ID".to_owned(), place.project_id.to_owned()),
    ]);
    match config.runner {
        RunnerKind::Claude => {
            let mut argv = if config.command.is_empty() {
                vec![claude_bin.to_owned()]
            } else {
                substitute(&config.command, &values)
            };
            argv.extend([
                "-p".into(),
                task.prompt.clone(),
                "--output-format".into(),
                "stream-json".into(),
                "--verbose".into(),
            ]);
            if let Some(model) = &config.model {
                argv.extend(["--model".into(), model.clone()]);
            }
            if let Some(prompt) = &config.system_prompt {
                argv.extend(["--append-system-prompt".into(), prompt.clone()]);
            }
            if !config.allowed_tools.is_empty() {
                argv.extend(["--allowedTools".into(), config.allowed_tools.join(",")]);
            }
            Launch { argv, env, stream_json: true }
        }
        RunnerKind::Command => Launch { argv: substitute(&config.command, &values), env, stream_json: false },
        RunnerKind::Orchestrator => {
            env.extend([
                ("WEBHOOK_URL".to_owned(), place.webhook_url.to_owned()),
                ("EXECUTION_ID".to_owned(), place.execution_id.to_owned()),
                ("PROJECT_ID".to_owned(), place.project_id.to_owned()),
            ]);
            Launch { argv: substitute(&config.command, &values), env, stream_json: false }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task() -> Task {
        Task {
            id: "api".into(),
            agent: "backend-expert".into(),
            prompt: "Build it".into(),
            depends_on: vec![],
            timeout_s: None,
            retries: 0,
            phase: None,
        }
    }

    const PLACE: Place<'static> = Place {
        execution_id: "e1",
        project_id: "p1",
        project_dir: "/w",
        webhook_url: "http://127.0.0.1:3001/api/webhooks/notify",
    };

    #[test]
    fn the_claude_runner_passes_the_real_cli_flags() {
        let config = AgentConfig {
            model: Some("opus".into()),
            allowed_tools: vec!["Read".into(), "Bash".into()],
            ..Default::default()
        };
        let launch = build("claude", &config, &task(), &PLACE);
        assert_eq!(
            launch.argv,
            [
                "claude",
                "-p",
                "Build it",
                "--output-format",
                "stream-json",
                "--verbose",
                "--model",
                "opus",
                "--allowedTools",
                "Read,Bash"
            ]
        );
        assert!(launch.stream_json);
        assert!(launch.env.contains(&("BATON_TASK_ID".into(), "api".into())));
    }

    #[test]
    fn command_and_orchestrator_runners_substitute_and_set_the_legacy_environment() {
        let command = AgentConfig {
            runner: RunnerKind::Command,
            command: vec!["run".into(), "{agent}:{task_id}".into(), "{prompt}".into()],
            ..Default::default()
        };
        assert_eq!(
            build("claude", &command, &task(), &PLACE).argv,
            ["run", "backend-expert:api", "Build it"]
        );
        let orchestrator = AgentConfig {
            runner: RunnerKind::Orchestrator,
            command: vec!["./orchestrator.sh".into(), "Shop".into(), "3".into()],
            ..Default::default()
        };
        let launch = build("claude", &orchestrator, &task(), &PLACE);
        assert!(launch.env.contains(&("EXECUTION_ID".into(), "e1".into())));
        assert!(launch.env.contains(&("WEBHOOK_URL".into(), PLACE.webhook_url.into())));
        assert!(!launch.stream_json);
    }
}
