//! Claude Code hook events (the JSON body of an http hook, or a command hook's stdin), read into
//! a [`Report`]. Every event is kept: known ones become structured changes, others a raw `hook`
//! log entry. See shared/reference/claude-code.md §2.

use serde_json::{Map, Value, json};

use super::report::{Change, LogLine, ProjectHint, Rejected, Report, RunKey, Source, TaskKey, excerpt};
use crate::domain::{
    execution::{ExecutionStatus, TaskStatus},
    timestamp::Timestamp,
};

/// The main agent of a session: the task that subagents hang under.
pub const SESSION_TASK: &str = "session";
/// Tool responses and prompts kept in a log line, at most.
const EXCERPT_CHARS: usize = 4_000;

/// Reads one hook event received at `at`.
pub fn parse(body: &Value, at: Timestamp) -> Result<Report, Rejected> {
    let Value::Object(event) = body else {
        return Err(Rejected::new("body", "must be a JSON object (a Claude Code hook event)"));
    };
    let session = text(event, "session_id")
        .filter(|s| !s.is_empty())
        .ok_or_else(|| Rejected::new("session_id", "is required"))?;
    let name = text(event, "hook_event_name")
        .filter(|s| !s.is_empty())
        .ok_or_else(|| Rejected::new("hook_event_name", "is required"))?;
    let cwd = text(event, "cwd").filter(|c| !c.is_empty());
    let run = RunKey {
        source: Source::Hooks,
        external_id: Some(session.to_owned()),
        project: cwd.map_or(ProjectHint::None, |c| ProjectHint::Cwd(c.to_owned())),
        // The badge already says "Claude Code session": the name says where, and which.
        name: match cwd {
            Some(cwd) => format!("{} · {}", folder_name(cwd), short(session)),
            None => format!("Session {}", short(session)),
        },
    };
    let task = subagent(event);
    let changes = changes(name, event, task);
    Ok(Report { run, at, changes })
}

/// The task an event comes from: the subagent named by `agent_id`, or the session itself.
fn subagent(event: &Map<String, Value>) -> TaskKey {
    match text(event, "agent_id").filter(|id| !id.is_empty()) {
        Some(id) => {
            let agent = text(event, "agent_type").filter(|t| !t.is_empty()).unwrap_or("subagent");
            let short: String = id.chars().filter(char::is_ascii_alphanumeric).take(6).collect();
            TaskKey {
                key: id.to_owned(),
                agent: agent.to_owned(),
                task_id: format!("{agent}-{short}"),
                parent: Some(SESSION_TASK.to_owned()),
            }
        }
        None => session_task(),
    }
}

pub fn session_task() -> TaskKey {
    TaskKey { key: SESSION_TASK.into(), agent: "claude".into(), task_id: SESSION_TASK.into(), parent: None }
}

fn changes(name: &str, event: &Map<String, Value>, task: TaskKey) -> Vec<Change> {
    let log = |kind: &'static str, level: &'static str, message: String, metadata: Value| {
        Change::Log(LogLine { task: Some(task.clone()), level, kind, message, metadata: Some(metadata) })
    };
    let raw = || json!({ "event": name, "raw": Value::Object(event.clone()) });
    let tool_use_id = text(event, "tool_use_id").unwrap_or_default().to_owned();
    let tool = text(event, "tool_name").unwrap_or("tool").to_owned();
    match name {
        "SessionStart" => {
            let source = text(event, "source").unwrap_or("startup");
            let model = text(event, "model");
            vec![
                Change::RunStarted,
                Change::TaskStarted { task: session_task(), prompt: None },
                log(
                    "system",
                    "info",
                    format!(
                        "Session started ({source}{})",
                        model.map(|m| format!(", {m}")).unwrap_or_default()
                    ),
                    json!({ "event": name, "source": source, "model": model,
                            "transcript_path": text(event, "transcript_path"),
                            "permission_mode": text(event, "permission_mode") }),
                ),
            ]
        }
        "UserPromptSubmit" => {
            let prompt = text(event, "prompt").unwrap_or_default();
            vec![
                Change::RunStarted,
                Change::TaskStarted { task: session_task(), prompt: Some(prompt.to_owned()) },
                log("prompt", "info", excerpt(prompt, EXCERPT_CHARS), json!({ "event": name })),
            ]
        }
        "PreToolUse" => vec![Change::ToolStarted {
            task: Some(task),
            tool_use_id,
            tool,
            input: event.get("tool_input").cloned().unwrap_or(Value::Null),
        }],
        "PostToolUse" => {
            let response = event.get("tool_response").unwrap_or(&Value::Null);
            vec![Change::ToolEnded {
                task: Some(task),
                tool_use_id,
                tool,
                error: response_error(response),
                response: excerpt(&response_text(response), EXCERPT_CHARS),
            }]
        }
        "PostToolUseFailure" => {
            let error = text(event, "error").unwrap_or("the tool failed").to_owned();
            let interrupted = event.get("is_interrupt").and_then(Value::as_bool).unwrap_or(false);
            let error = if interrupted { format!("{error} (interrupted)") } else { error };
            vec![Change::ToolEnded {
                task: Some(task),
                tool_use_id,
                tool,
                response: error.clone(),
                error: Some(error),
            }]
        }
        "PermissionRequest" => {
            let body = format!("Claude Code asks to use {tool}");
            vec![
                log("hook", "warn", format!("PermissionRequest: {tool}"), raw()),
                Change::Notify { title: "Permission requested".into(), body },
            ]
        }
        "Notification" => {
            let message = text(event, "message").unwrap_or("Claude Code needs your attention").to_owned();
            let title = text(event, "title").unwrap_or("Claude Code").to_owned();
            vec![
                log("hook", "warn", format!("Notification: {message}"), raw()),
                Change::Notify { title, body: message },
            ]
        }
        "Stop" => vec![
            log("hook", "info", "Stop: the session finished responding".into(), raw()),
            Change::TaskUpdated {
                task: session_task(),
                status: TaskStatus::Completed,
                output: None,
                error: None,
            },
            Change::RunEnded { status: ExecutionStatus::Completed, error: None },
        ],
        "StopFailure" => {
            let error = format!("stopped on an error: {}", text(event, "error_type").unwrap_or("unknown"));
            vec![
                log(
                    "hook",
                    "error",
                    format!("StopFailure: {}", text(event, "error_type").unwrap_or("unknown")),
                    raw(),
                ),
                Change::TaskUpdated {
                    task: session_task(),
                    status: TaskStatus::Failed,
                    output: None,
                    error: Some(error.clone()),
                },
                Change::RunEnded { status: ExecutionStatus::Failed, error: Some(error) },
            ]
        }
        "SessionEnd" => {
            let reason = text(event, "reason").unwrap_or("other");
            vec![
                log("hook", "info", format!("SessionEnd ({reason})"), raw()),
                Change::TaskUpdated {
                    task: session_task(),
                    status: TaskStatus::Completed,
                    output: None,
                    error: None,
                },
                Change::RunEnded { status: ExecutionStatus::Completed, error: None },
            ]
        }
        "SubagentStart" => vec![
            Change::TaskStarted { task: task.clone(), prompt: None },
            log("hook", "info", format!("SubagentStart: {}", task.agent), raw()),
        ],
        "SubagentStop" => {
            let output = text(event, "last_assistant_message").map(|m| json!({ "result": m }));
            vec![
                log("hook", "info", format!("SubagentStop: {}", task.agent), raw()),
                Change::TaskUpdated { task, status: TaskStatus::Completed, output, error: None },
            ]
        }
        "PreCompact" | "PostCompact" => {
            let trigger = text(event, "trigger").unwrap_or("auto");
            vec![log("hook", "info", format!("{name} ({trigger})"), raw())]
        }
        _ => vec![log("hook", "info", name.to_owned(), raw())],
    }
}

/// A failure a successful-looking PostToolUse still reports (`success: false`, `is_error`).
fn response_error(response: &Value) -> Option<String> {
    let failed = response.get("success").and_then(Value::as_bool) == Some(false)
        || response.get("is_error").and_then(Value::as_bool) == Some(true);
    failed.then(|| {
        ["error", "stderr", "message"]
            .iter()
            .find_map(|f| response.get(*f).and_then(Value::as_str).filter(|s| !s.is_empty()))
            .unwrap_or("the tool reported a failure")
            .to_owned()
    })
}

/// What a tool answered, as text: Bash's stdout (and stderr), a string as is, else compact JSON.
fn response_text(response: &Value) -> String {
    match response {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        Value::Object(map) if map.contains_key("stdout") => {
            let out = map.get("stdout").and_then(Value::as_str).unwrap_or_default();
            match map.get("stderr").and_then(Value::as_str).filter(|e| !e.is_empty()) {
                Some(err) => format!("{out}\n{err}"),
                None => out.to_owned(),
            }
        }
        other => other.to_string(),
    }
}

/// The first 8 characters of a session id: enough to tell sessions of one folder apart.
fn short(session: &str) -> &str {
    session.char_indices().nth(8).map_or(session, |(end, _)| &session[..end])
}

fn folder_name(path: &str) -> &str {
    path.trim_end_matches('/').rsplit('/').next().filter(|n| !n.is_empty()).unwrap_or(path)
}

fn text<'a>(event: &'a Map<String, Value>, field: &str) -> Option<&'a str> {
    event.get(field).and_then(Value::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SESSION: &str = "8c35adc1-0d1f-4b7e-9a55-3f2d7b0c9e11";

    fn event(name: &str, extra: Value) -> Value {
        let mut body = json!({"session_id": SESSION,
            "transcript_path": format!("/home/u/.claude/projects/-home-u-shop/{SESSION}.jsonl"),
            "cwd": "/home/u/shop", "hook_event_name": name, "permission_mode": "default"});
        body.as_object_mut().expect("as arranged").extend(extra.as_object().expect("as arranged").clone());
        body
    }

    fn changes_of(name: &str, extra: Value) -> Vec<Change> {
        parse(&event(name, extra), Timestamp::now()).expect("parses").changes
    }

    fn log_of(changes: &[Change]) -> &LogLine {
        changes
            .iter()
            .find_map(|c| if let Change::Log(line) = c { Some(line) } else { None })
            .expect("a log line")
    }

    #[test]
    fn the_session_is_the_run_and_its_cwd_the_project_hint() {
        let report = parse(
            &event("SessionStart", json!({"source": "startup", "model": "claude-sonnet-4-5"})),
            Timestamp::now(),
        )
        .expect("parses");
        assert_eq!(report.run.external_id.as_deref(), Some(SESSION));
        assert_eq!(report.run.project, ProjectHint::Cwd("/home/u/shop".into()));
        assert_eq!(report.run.name, "shop · 8c35adc1");
        assert_eq!(report.changes[0], Change::RunStarted);
        assert!(log_of(&report.changes).message.contains("startup, claude-sonnet-4-5"));
    }

    #[test]
    fn a_prompt_is_logged_and_opens_the_session_task() {
        let changes = changes_of("UserPromptSubmit", json!({"prompt": "Add a health endpoint"}));
        assert!(changes.contains(&Change::TaskStarted {
            task: session_task(),
            prompt: Some("Add a health endpoint".into())
        }));
        let line = log_of(&changes);
        assert_eq!((line.kind, line.message.as_str()), ("prompt", "Add a health endpoint"));
    }

    #[test]
    fn tool_calls_start_and_end_with_their_id() {
        let input = json!({"file_path": "/home/u/shop/x.txt", "content": "hi"});
        let pre = changes_of(
            "PreToolUse",
            json!({"tool_name": "Write", "tool_use_id": "toolu_01DU", "tool_input": input}),
        );
        assert_eq!(
            pre,
            vec![Change::ToolStarted {
                task: Some(session_task()),
                tool_use_id: "toolu_01DU".into(),
                tool: "Write".into(),
                input: input.clone()
            }]
        );
        let post = changes_of(
            "PostToolUse",
            json!({"tool_name": "Bash", "tool_use_id": "toolu_02", "tool_input": {"command": "ls"},
            "tool_response": {"stdout": "a.rs\nb.rs", "stderr": "", "interrupted": false}}),
        );
        let Change::ToolEnded { response, error, .. } = &post[0] else { panic!("{post:?}") };
        assert_eq!((response.as_str(), error), ("a.rs\nb.rs", &None));
        let failed_write = changes_of(
            "PostToolUse",
            json!({"tool_name": "Write", "tool_use_id": "toolu_03",
            "tool_response": {"success": false, "error": "EACCES"}}),
        );
        assert!(matches!(&failed_write[0], Change::ToolEnded { error: Some(e), .. } if e == "EACCES"));
        let failure = changes_of(
            "PostToolUseFailure",
            json!({"tool_name": "Bash", "tool_use_id": "toolu_04",
            "tool_input": {"command": "false"}, "error": "exit code 1", "is_interrupt": true}),
        );
        assert!(
            matches!(&failure[0], Change::ToolEnded { error: Some(e), .. } if e == "exit code 1 (interrupted)")
        );
    }

    #[test]
    fn subagent_events_belong_to_their_own_task_under_the_session() {
        let start =
            changes_of("SubagentStart", json!({"agent_id": "a1b2c3d4e5", "agent_type": "code-reviewer"}));
        let Change::TaskStarted { task, .. } = &start[0] else { panic!("{start:?}") };
        assert_eq!(task.key, "a1b2c3d4e5");
        assert_eq!(task.agent, "code-reviewer");
        assert_eq!(task.task_id, "code-reviewer-a1b2c3");
        assert_eq!(task.parent.as_deref(), Some(SESSION_TASK));
        let tool = changes_of(
            "PreToolUse",
            json!({"agent_id": "a1b2c3d4e5", "agent_type": "code-reviewer",
            "tool_name": "Read", "tool_use_id": "toolu_9", "tool_input": {"file_path": "a.rs"}}),
        );
        assert!(matches!(&tool[0], Change::ToolStarted { task: Some(t), .. } if t.key == "a1b2c3d4e5"));
        let stop = changes_of(
            "SubagentStop",
            json!({"agent_id": "a1b2c3d4e5", "agent_type": "code-reviewer",
            "stop_hook_active": false, "agent_transcript_path": "/t.jsonl", "last_assistant_message": "Looks good."}),
        );
        assert!(
            stop.iter().any(
                |c| matches!(c, Change::TaskUpdated { status: TaskStatus::Completed, output: Some(o), .. }
            if o["result"] == "Looks good.")
            )
        );
    }

    #[test]
    fn stop_and_session_end_end_the_run_and_stop_failure_fails_it() {
        for name in ["Stop", "SessionEnd"] {
            let changes = changes_of(name, json!({"stop_hook_active": false, "reason": "logout"}));
            assert!(
                changes.contains(&Change::RunEnded { status: ExecutionStatus::Completed, error: None }),
                "{name}"
            );
        }
        let failed = changes_of("StopFailure", json!({"error_type": "rate_limit"}));
        assert!(
            failed
                .iter()
                .any(|c| matches!(c, Change::RunEnded { status: ExecutionStatus::Failed, error: Some(e) }
            if e.contains("rate_limit")))
        );
    }

    #[test]
    fn notifications_and_permission_requests_tell_people() {
        let notification = changes_of(
            "Notification",
            json!({"message": "Claude needs your permission to use Bash",
            "title": "Permission", "notification_type": "permission_prompt"}),
        );
        assert!(notification.contains(&Change::Notify {
            title: "Permission".into(),
            body: "Claude needs your permission to use Bash".into()
        }));
        let request = changes_of(
            "PermissionRequest",
            json!({"tool_name": "Bash", "tool_input": {"command": "rm -rf build"},
            "permission_suggestions": []}),
        );
        assert!(request.iter().any(|c| matches!(c, Change::Notify { body, .. } if body.contains("Bash"))));
        assert_eq!(log_of(&request).level, "warn");
    }

    #[test]
    fn compaction_and_unknown_events_are_kept_raw() {
        let compact =
            changes_of("PreCompact", json!({"trigger": "manual", "custom_instructions": "keep tests"}));
        let line = log_of(&compact);
        assert_eq!((line.kind, line.message.as_str()), ("hook", "PreCompact (manual)"));
        assert_eq!(line.metadata.as_ref().expect("as arranged")["raw"]["custom_instructions"], "keep tests");
        let unknown = changes_of("TeammateIdle", json!({"teammate": "x", "nested": {"deep": [1, 2]}}));
        let line = log_of(&unknown);
        assert_eq!(line.message, "TeammateIdle");
        assert_eq!(line.metadata.as_ref().expect("as arranged")["raw"]["nested"]["deep"][1], 2);
        assert!(changes_of("PostCompact", json!({"trigger": "auto"})).len() == 1);
    }

    #[test]
    fn what_is_not_an_event_is_refused_with_the_field() {
        let at = Timestamp::now();
        assert_eq!(parse(&json!([1]), at).expect_err("fails").field, "body");
        assert_eq!(parse(&json!({"hook_event_name": "Stop"}), at).expect_err("fails").field, "session_id");
        assert_eq!(parse(&json!({"session_id": "s"}), at).expect_err("fails").field, "hook_event_name");
        let no_cwd = parse(&json!({"session_id": "s", "hook_event_name": "Stop"}), at).expect("parses");
        assert_eq!((no_cwd.run.project, no_cwd.run.name.as_str()), (ProjectHint::None, "Session s"));
    }
}
