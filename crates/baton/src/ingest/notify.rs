//! orchestrator.sh's `webhook_notify` events (`{event, executionId, projectId, data, timestamp}`),
//! read into a [`Report`]. Senders are inconsistent: ids come at the top level or inside `data`,
//! any of them may be missing, and no optional field is ever a reason to refuse an event. See
//! shared/reference/legacy-orchestrator.md.

use serde_json::{Map, Value, json};

use super::report::{
    Change, LogLine, ProjectHint, Rejected, Report, RunKey, Source, TaskKey, agent_match_key, excerpt,
};
use crate::domain::{
    execution::{ExecutionStatus, TaskStatus},
    timestamp::Timestamp,
};

const EXCERPT_CHARS: usize = 4_000;

/// Reads one event received at `received` (used when it carries no usable `timestamp`).
pub fn parse(body: &Value, received: Timestamp) -> Result<Report, Rejected> {
    let Value::Object(top) = body else {
        return Err(Rejected::new("body", "must be a JSON object with an `event`"));
    };
    let event = top
        .get("event")
        .and_then(Value::as_str)
        .filter(|e| !e.is_empty())
        .ok_or_else(|| Rejected::new("event", "is required (e.g. \"agent:started\")"))?;
    let empty = Map::new();
    let data = top.get("data").and_then(Value::as_object).unwrap_or(&empty);
    // The first of `names` that holds a string or number, at the top level or in `data`.
    let field = |names: &[&str]| -> Option<String> {
        names.iter().flat_map(|n| [top.get(*n), data.get(*n)]).flatten().find_map(|v| match v {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    };
    let project = field(&["projectId", "project_id", "project"]);
    let execution = field(&["executionId", "execution_id"]);
    // The badge already says "orchestrator.sh": the name says which project and run.
    let name = match (&project, &execution) {
        (Some(project), Some(execution)) => format!("{project} · {execution}"),
        (Some(only), None) | (None, Some(only)) => only.clone(),
        (None, None) => "Orchestrator run".to_owned(),
    };
    let run = RunKey {
        source: Source::Notify,
        external_id: execution,
        name,
        project: project.map_or(ProjectHint::None, ProjectHint::Named),
    };
    let at = top
        .get("timestamp")
        .and_then(Value::as_str)
        .and_then(|t| Timestamp::from_db(t).ok())
        .unwrap_or(received);
    Ok(Report { run, at, changes: changes(event, data, body) })
}

fn changes(event: &str, data: &Map<String, Value>, body: &Value) -> Vec<Change> {
    let text = |name: &str| data.get(name).and_then(Value::as_str).filter(|s| !s.is_empty());
    let log = |task: Option<TaskKey>, level: &'static str, message: String, metadata: Value| {
        Change::Log(LogLine { task, level, kind: "system", message, metadata: Some(metadata) })
    };
    let task = || {
        let agent = text("agentName").or_else(|| text("agent")).unwrap_or("agent");
        let task_id = text("taskId").or_else(|| text("task_id"));
        TaskKey {
            key: agent_match_key(agent),
            agent: agent.to_owned(),
            task_id: task_id.unwrap_or(agent).to_owned(),
            parent: None,
        }
    };
    match event {
        "execution:started" => {
            let plan = data.get("plan").or_else(|| data.get("project")).cloned().unwrap_or(Value::Null);
            vec![
                Change::RunStarted,
                log(None, "info", "Orchestration started".into(), json!({ "event": event, "plan": plan })),
            ]
        }
        "execution:progress" => {
            let mut changes = vec![Change::RunStarted];
            let progress = data.get("progress").and_then(number);
            if let Some(progress) = progress {
                changes.push(Change::Metric { name: "progress".into(), value: progress.clamp(0.0, 100.0) });
            }
            let current = text("currentAgent");
            let message = match (progress, current) {
                (Some(p), Some(agent)) => format!("Progress {p:.0}% · running {agent}"),
                (Some(p), None) => format!("Progress {p:.0}%"),
                (None, Some(agent)) => format!("Running {agent}"),
                (None, None) => "Progress".into(),
            };
            changes.push(log(
                None,
                "info",
                message,
                json!({ "event": event, "data": Value::Object(data.clone()) }),
            ));
            changes
        }
        "execution:completed" => {
            let status = text("status").unwrap_or("completed");
            let failed = matches!(status, "failed" | "failure" | "error");
            let summary = data.get("summary").map(value_text).unwrap_or_default();
            vec![
                log(
                    None,
                    if failed { "error" } else { "info" },
                    format!("Orchestration {status}{}", suffix(&summary)),
                    json!({ "event": event, "status": status, "summary": data.get("summary") }),
                ),
                Change::RunEnded {
                    status: if failed { ExecutionStatus::Failed } else { ExecutionStatus::Completed },
                    error: failed.then(|| summary.clone()).filter(|s| !s.is_empty()),
                },
            ]
        }
        "execution:failed" => {
            let error = data
                .get("error")
                .map(value_text)
                .unwrap_or_else(|| "the orchestrator reported a failure".into());
            vec![
                log(None, "error", format!("Orchestration failed: {error}"), json!({ "event": event })),
                Change::RunEnded { status: ExecutionStatus::Failed, error: Some(error) },
            ]
        }
        "agent:started" => {
            let task = task();
            let prompt = data.get("input").filter(|i| !is_empty(i)).map(value_text);
            vec![
                Change::RunStarted,
                Change::TaskStarted { task: task.clone(), prompt },
                log(Some(task.clone()), "info", format!("{} started", task.agent), json!({ "event": event })),
            ]
        }
        "agent:completed" => {
            let task = task();
            let status = text("status").unwrap_or("completed");
            let failed = matches!(status, "failed" | "failure" | "error");
            let output = data.get("output").filter(|o| !o.is_null());
            let output_text = output.map(value_text);
            vec![
                log(
                    Some(task.clone()),
                    if failed { "error" } else { "info" },
                    format!("{} {status}", task.agent),
                    json!({ "event": event, "status": status }),
                ),
                Change::TaskUpdated {
                    task,
                    status: if failed { TaskStatus::Failed } else { TaskStatus::Completed },
                    output: output_text.as_ref().map(|o| json!({ "result": o })),
                    error: failed.then(|| output_text.unwrap_or_else(|| status.to_owned())),
                },
            ]
        }
        "agent:log" => {
            let task = text("agentName").map(|_| task());
            let level = match text("level").map(str::to_ascii_lowercase).as_deref() {
                Some("error" | "fatal" | "critical") => "error",
                Some("warn" | "warning") => "warn",
                _ => "info",
            };
            let message = data.get("message").map(value_text).unwrap_or_default();
            vec![Change::Log(LogLine {
                task,
                level,
                kind: "stdout",
                message: excerpt(&message, EXCERPT_CHARS),
                metadata: data.get("metadata").filter(|m| !m.is_null()).cloned(),
            })]
        }
        "metric:update" => {
            let name = text("metricName").or_else(|| text("name")).unwrap_or("metric").to_owned();
            match data.get("metricValue").or_else(|| data.get("value")).and_then(number) {
                Some(value) => vec![Change::Metric { name, value }],
                None => vec![log(
                    None,
                    "warn",
                    format!("metric:update {name} without a numeric value"),
                    json!({ "event": event, "raw": body }),
                )],
            }
        }
        _ => vec![log(None, "info", event.to_owned(), json!({ "event": event, "raw": body }))],
    }
}

/// A number, or a string holding one ("42", "87.5").
fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().trim_end_matches('%').parse().ok(),
        _ => None,
    }
    .filter(|v: &f64| v.is_finite())
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Object(map) => map.is_empty(),
        Value::String(s) => s.is_empty(),
        _ => false,
    }
}

fn suffix(summary: &str) -> String {
    if summary.is_empty() { String::new() } else { format!(": {}", excerpt(summary, 200)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(body: Value) -> Report {
        parse(&body, Timestamp::from_unix_seconds(1_000)).expect("parses")
    }

    #[test]
    fn ids_come_from_the_top_level_or_from_data_or_not_at_all() {
        let top = report(json!({"event": "agent:started", "executionId": "exec-42", "projectId": "shop",
            "data": {"agentName": "backend-expert", "taskId": "BE-20250801-0001", "input": {}},
            "timestamp": "2025-08-01T10:00:00Z"}));
        assert_eq!(top.run.external_id.as_deref(), Some("exec-42"));
        assert_eq!(top.run.project, ProjectHint::Named("shop".into()));
        assert_eq!(top.run.name, "shop · exec-42");
        assert_eq!(top.at.to_rfc3339(), "2025-08-01T10:00:00.000Z");
        let inside = report(
            json!({"event": "execution:started", "data": {"executionId": "exec-7", "projectId": "shop", "plan": {"phases": []}}}),
        );
        assert_eq!(inside.run.external_id.as_deref(), Some("exec-7"));
        // The design's own snippet: neither id, no timestamp.
        let bare = report(json!({"event": "execution:started", "data": {"project": "Untitled Project"}}));
        assert_eq!(bare.run.external_id, None);
        assert_eq!(bare.run.project, ProjectHint::Named("Untitled Project".into()));
        assert_eq!(bare.at, Timestamp::from_unix_seconds(1_000));
        let numeric = report(json!({"event": "execution:started", "executionId": 42}));
        assert_eq!(numeric.run.external_id.as_deref(), Some("42"));
        let null_on_top =
            report(json!({"event": "agent:log", "executionId": null, "data": {"executionId": "exec-9"}}));
        assert_eq!(null_on_top.run.external_id.as_deref(), Some("exec-9"));
    }

    #[test]
    fn agents_start_and_complete_as_tasks_keyed_by_their_name() {
        let started = report(
            json!({"event": "agent:started", "data": {"agentName": "backend-expert", "taskId": "BE-20250801-0001", "input": {"phase": "Implementation"}}}),
        );
        let Some(Change::TaskStarted { task, prompt }) = started.changes.get(1) else {
            panic!("{:?}", started.changes)
        };
        assert_eq!((task.key.as_str(), task.task_id.as_str()), ("backendexpert", "BE-20250801-0001"));
        assert_eq!(prompt.as_deref(), Some(r#"{"phase":"Implementation"}"#));
        let completed = report(
            json!({"event": "agent:completed", "data": {"agentName": "backend-expert", "taskId": "BE-20250801-0001", "status": "completed", "output": "API ready"}}),
        );
        assert!(completed.changes.iter().any(|c| matches!(c, Change::TaskUpdated { status: TaskStatus::Completed, output: Some(o), .. } if o["result"] == "API ready")));
        let failed =
            report(json!({"event": "agent:completed", "data": {"agentName": "qa", "status": "failed"}}));
        assert!(failed.changes.iter().any(|c| matches!(c, Change::TaskUpdated { status: TaskStatus::Failed, error: Some(e), .. } if e == "failed")));
    }

    #[test]
    fn progress_metrics_logs_and_endings() {
        let progress = report(
            json!({"event": "execution:progress", "data": {"progress": 40, "currentAgent": "frontend-expert", "completedAgents": ["backend-expert"]}}),
        );
        assert!(progress.changes.contains(&Change::Metric { name: "progress".into(), value: 40.0 }));
        let metric = report(
            json!({"event": "metric:update", "data": {"metricName": "tokens", "metricValue": "1200"}}),
        );
        assert_eq!(metric.changes, vec![Change::Metric { name: "tokens".into(), value: 1200.0 }]);
        let log = report(
            json!({"event": "agent:log", "data": {"level": "WARNING", "agentName": "qa", "message": "flaky test", "metadata": {"file": "a.rs"}}}),
        );
        let Change::Log(line) = &log.changes[0] else { panic!() };
        assert_eq!(
            (line.level, line.message.as_str(), line.task.as_ref().map(|t| t.agent.as_str())),
            ("warn", "flaky test", Some("qa"))
        );
        let done = report(
            json!({"event": "execution:completed", "data": {"status": "completed", "summary": "10 agents"}}),
        );
        assert!(done.changes.contains(&Change::RunEnded { status: ExecutionStatus::Completed, error: None }));
        let failed = report(json!({"event": "execution:failed", "data": {"error": "timeout"}}));
        assert!(
            failed.changes.contains(&Change::RunEnded {
                status: ExecutionStatus::Failed,
                error: Some("timeout".into())
            })
        );
    }

    #[test]
    fn unknown_events_are_kept_and_non_events_refused() {
        let unknown = report(json!({"event": "phase:started", "data": {"phase": "Testing"}}));
        let Change::Log(line) = &unknown.changes[0] else { panic!() };
        assert_eq!(line.metadata.as_ref().expect("as arranged")["raw"]["data"]["phase"], "Testing");
        let no_value = report(json!({"event": "metric:update", "data": {"metricName": "x"}}));
        assert!(matches!(&no_value.changes[0], Change::Log(l) if l.level == "warn"));
        assert_eq!(parse(&json!({"data": {}}), Timestamp::now()).expect_err("fails").field, "event");
        assert_eq!(parse(&json!("agent:started"), Timestamp::now()).expect_err("fails").field, "body");
    }
}
