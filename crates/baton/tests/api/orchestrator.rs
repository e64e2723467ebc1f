//! orchestrator.sh's two channels: `POST /api/webhooks/notify` and its workspace files.

use std::{
    path::Path,
    time::{Duration, Instant},
};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app, spawn_app_with};

async fn notify(app: &TestApp, token: &str, body: Value) {
    // Scripts post with curl, often without a JSON content type.
    let response = app
        .client
        .post(app.url("/api/webhooks/notify"))
        .bearer_auth(token)
        .body(body.to_string())
        .send()
        .await
        .expect("as arranged");
    assert_eq!(response.status(), StatusCode::NO_CONTENT, "{body}");
}

async fn newest(app: &TestApp, kind: &str) -> Value {
    let list: Value = app.get("/api/executions?limit=20").await.json().await.expect("as arranged");
    let item = list["items"]
        .as_array()
        .expect("as arranged")
        .iter()
        .find(|e| e["kind"] == kind)
        .cloned()
        .expect(kind);
    app.get(&format!("/api/executions/{}", item["id"].as_str().expect("as arranged")))
        .await
        .json()
        .await
        .expect("as arranged")
}

#[tokio::test]
async fn notify_events_in_every_shape_build_one_orchestrator_run() {
    let app = spawn_app().await;
    let project = app.create_project("shop").await;
    let token = app.api_token("ingest").await;
    let at = "2025-08-01T10:00:00Z";
    notify(&app, &token, json!({"event": "execution:started", "executionId": "exec-42", "projectId": "shop", "data": {"plan": {"phases": ["Implementation"]}}, "timestamp": at})).await;
    notify(&app, &token, json!({"event": "agent:started", "data": {"executionId": "exec-42", "agentName": "backend-expert", "taskId": "BE-20250801-0001", "input": {}}})).await;
    notify(&app, &token, json!({"event": "agent:log", "executionId": "exec-42", "data": {"level": "warning", "agentName": "backend-expert", "message": "slow query", "metadata": {"ms": 900}}})).await;
    notify(&app, &token, json!({"event": "execution:progress", "executionId": "exec-42", "data": {"progress": 50, "currentAgent": "backend-expert", "completedAgents": []}})).await;
    notify(&app, &token, json!({"event": "metric:update", "executionId": "exec-42", "data": {"metricName": "tokens", "metricValue": 1200}})).await;
    notify(&app, &token, json!({"event": "agent:completed", "executionId": "exec-42", "data": {"agentName": "backend-expert", "taskId": "BE-20250801-0001", "status": "completed", "output": "API ready"}})).await;
    notify(&app, &token, json!({"event": "execution:completed", "executionId": "exec-42", "data": {"status": "completed", "summary": "1 agent"}})).await;

    let run = newest(&app, "orchestrator").await;
    assert_eq!((run["source"].as_str(), run["status"].as_str()), (Some("notify"), Some("completed")));
    assert_eq!(run["project_id"], project["id"], "projectId names the project");
    assert_eq!(run["started_at"], "2025-08-01T10:00:00.000Z");
    let task = &run["tasks"][0];
    assert_eq!(
        (task["task_id"].as_str(), task["agent"].as_str(), task["status"].as_str()),
        (Some("BE-20250801-0001"), Some("backend-expert"), Some("completed"))
    );
    assert_eq!(task["output"], "API ready");
    let id = run["id"].as_str().expect("as arranged");
    let logs: Value =
        app.get(&format!("/api/executions/{id}/logs?limit=100")).await.json().await.expect("as arranged");
    let warn = logs["items"]
        .as_array()
        .expect("as arranged")
        .iter()
        .find(|l| l["message"] == "slow query")
        .expect("the agent's log line");
    assert_eq!((warn["level"].as_str(), warn["metadata"]["ms"].as_i64()), (Some("warn"), Some(900)));
    let metrics: Value =
        app.get(&format!("/api/executions/{id}/metrics")).await.json().await.expect("as arranged");
    let names: Vec<&str> = metrics["metrics"]
        .as_array()
        .expect("as arranged")
        .iter()
        .filter_map(|m| m["metric_name"].as_str())
        .collect();
    assert!(names.contains(&"progress") && names.contains(&"tokens"), "{names:?}");

    // The design's own snippet: no ids, no timestamp; then a bare event with no data at all.
    notify(&app, &token, json!({"event": "execution:started", "data": {"project": "Untitled Project"}}))
        .await;
    notify(&app, &token, json!({"event": "agent:started", "projectId": "Untitled Project", "data": {"agentName": "qa-test-engineer"}})).await;
    let bare = newest(&app, "orchestrator").await;
    assert_eq!(
        (bare["project_name"].as_str(), bare["status"].as_str()),
        (Some("Unassigned"), Some("running"))
    );
    assert_eq!(bare["tasks"][0]["agent"], "qa-test-engineer", "events without an id join the open run");
    let response = app
        .client
        .post(app.url("/api/webhooks/notify"))
        .bearer_auth(&token)
        .body(r#"{"data": {}}"#)
        .send()
        .await
        .expect("as arranged");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

fn append(path: &Path, text: &str) {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .expect("as arranged")
        .write_all(text.as_bytes())
        .expect("as arranged");
}

async fn log_messages(app: &TestApp, want: usize) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let list: Value = app.get("/api/executions?limit=20").await.json().await.expect("as arranged");
        let mut messages = Vec::new();
        for run in
            list["items"].as_array().expect("as arranged").iter().filter(|e| e["source"] == "workspace")
        {
            let logs: Value = app
                .get(&format!("/api/executions/{}/logs?limit=1000", run["id"].as_str().expect("as arranged")))
                .await
                .json()
                .await
                .expect("as arranged");
            messages.extend(
                logs["items"]
                    .as_array()
                    .expect("as arranged")
                    .iter()
                    .filter(|l| l["kind"] == "stdout")
                    .filter_map(|l| l["message"].as_str().map(str::to_owned)),
            );
        }
        if messages.len() >= want || Instant::now() > deadline {
            return messages;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn workspace_lines_are_read_once_across_a_restart_and_reports_update_tasks() {
    let root = tempfile::tempdir().expect("as arranged");
    let workspace = root.path().join("agent-workspaces");
    std::fs::create_dir_all(&workspace).expect("as arranged");
    let data = root.path().join("data");
    let with_workspace = |args: &mut baton::config::ServeArgs| args.workspaces_dirs = vec![workspace.clone()];
    std::fs::write(workspace.join("Agent-orchestration.md"), "# Orchestration Agent Workspace\n- **Name**: shop\n- **Level**: 3\n- **Started**: 2025-08-01 10:00:00\n").expect("as arranged");
    let log = workspace.join("orchestration.log");
    append(
        &log,
        "[2025-08-01 10:00:00] \x1b[0;36m🤖 Running backend-expert...\x1b[0m\n[2025-08-01 10:00:01] plain line\n",
    );

    let app = spawn_app_with(&data, with_workspace).await;
    let messages = log_messages(&app, 2).await;
    assert_eq!(messages, ["🤖 Running backend-expert...", "plain line"], "ANSI stripped, emoji kept");
    let report = json!({"agent": "backend-expert", "taskId": "BE-20250801-0001", "timestamp": "2025-08-01T10:05:00Z",
        "status": "completed", "initiator": "orchestration-agent", "summary": "API done"});
    std::fs::write(
        workspace.join("Agent-Backend_Expert.md"),
        format!("## Task: Implementation\n```json\n{report}\n```\n"),
    )
    .expect("as arranged");
    let deadline = Instant::now() + Duration::from_secs(20);
    let run = loop {
        let run = newest(&app, "orchestrator").await;
        if run["tasks"][0]["status"] == "completed" || Instant::now() > deadline {
            break run;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(run["name"], "shop · 2025-08-01 10:00:00");
    assert_eq!(
        run["tasks"].as_array().expect("as arranged").len(),
        1,
        "the file's agent matches the log's after normalising"
    );
    let task = &run["tasks"][0];
    assert_eq!(
        (task["task_id"].as_str(), task["status"].as_str(), task["output"].as_str()),
        (Some("BE-20250801-0001"), Some("completed"), Some("API done"))
    );
    app.stop().await;

    // Written while Baton is down: read once when it is back, and nothing read twice.
    append(&log, "[2025-08-01 10:06:00] ✅ backend-expert completed\n");
    let app = spawn_app_with(&data, with_workspace).await;
    let messages = log_messages(&app, 3).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let messages_later = log_messages(&app, 3).await;
    assert_eq!(messages, ["🤖 Running backend-expert...", "plain line", "✅ backend-expert completed"]);
    assert_eq!(messages_later, messages);

    // A truncated file is read from its start.
    std::fs::write(&log, "[2025-08-01 11:00:00] fresh start\n").expect("as arranged");
    let messages = log_messages(&app, 4).await;
    assert_eq!(messages.last().map(String::as_str), Some("fresh start"));
    app.stop().await;
}

#[tokio::test]
async fn the_drop_in_script_reports_to_baton() {
    let app = spawn_app().await;
    let token = app.api_token("ingest").await;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/webhook_notify.sh");
    let url = app.url("/api/webhooks/notify");
    let run = |event: &'static str, data: &'static str| {
        let (url, token) = (url.clone(), token.clone());
        tokio::task::spawn_blocking(move || {
            std::process::Command::new("bash")
                .args([script, event, data])
                .env("WEBHOOK_URL", url)
                .env("BATON_TOKEN", token)
                .env("EXECUTION_ID", "script-1")
                .env("PROJECT_ID", "Demo \"quoted\"")
                .output()
                .expect("bash runs")
        })
    };
    let output = run("agent:started", r#"{"agentName": "backend-expert", "taskId": "BE-20250801-0001"}"#)
        .await
        .expect("joins");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let run_detail = newest(&app, "orchestrator").await;
    assert_eq!(run_detail["tasks"][0]["task_id"], "BE-20250801-0001");
    assert_eq!(run_detail["name"], "Demo \"quoted\" · script-1");
}

#[tokio::test]
async fn a_script_baton_launches_reports_on_its_own_execution_through_webhook_url() {
    let app = spawn_app().await;
    // orchestrator.sh as it is: posts to $WEBHOOK_URL with no token of its own.
    let script = r#"curl -sS -X POST -d "{\"event\":\"agent:started\",\"executionId\":\"$EXECUTION_ID\",\"data\":{\"agentName\":\"backend-expert\",\"taskId\":\"BE-20250801-0001\"}}" "$WEBHOOK_URL" &&
curl -sS -X POST -d "{\"event\":\"agent:completed\",\"executionId\":\"$EXECUTION_ID\",\"data\":{\"agentName\":\"backend-expert\",\"taskId\":\"BE-20250801-0001\",\"status\":\"completed\"}}" "$WEBHOOK_URL""#;
    let path = app.data_dir.join("orchestrator.sh");
    std::fs::write(&path, script).expect("script written");
    let saved = app
        .put_json("/api/agents/legacy/config", &json!({"runner": "orchestrator", "command": ["bash", path]}))
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let id = crate::engine::start_plan(
        &app,
        json!({"name": "legacy run", "tasks": [{"id": "orchestrate", "agent": "legacy", "prompt": "go"}]}),
    )
    .await;
    let done = crate::engine::wait_until_ended(&app, &id).await;
    assert_eq!(done["status"], "completed", "{done}");
    let tasks = done["tasks"].as_array().expect("tasks");
    let reported = tasks
        .iter()
        .find(|t| t["agent"] == "backend-expert")
        .expect("the script's agent is a task of the same execution");
    assert_eq!(
        (reported["task_id"].as_str(), reported["status"].as_str()),
        (Some("BE-20250801-0001"), Some("completed"))
    );
    assert_eq!(done["source"], "baton", "the engine still owns the execution");
}
