//! Claude Code hooks through `POST /api/hooks/claude`, `baton hook` and `baton hooks install`.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    cli::baton,
    helpers::{TestApp, error_of, spawn_app},
    realtime::connect,
};

const SESSION: &str = "8c35adc1-0d1f-4b7e-9a55-3f2d7b0c9e11";

/// Posts a hook event as Claude Code's http hook does; asserts 204 with an empty body.
async fn hook(app: &TestApp, token: &str, event: &str, cwd: &str, extra: Value) {
    let mut body = json!({"session_id": SESSION, "cwd": cwd, "hook_event_name": event, "permission_mode": "default",
        "transcript_path": format!("/home/u/.claude/projects/x/{SESSION}.jsonl")});
    body.as_object_mut().expect("as arranged").extend(extra.as_object().expect("as arranged").clone());
    let response = app
        .client
        .post(app.url("/api/hooks/claude"))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::NO_CONTENT, "{event}");
    assert!(
        response.text().await.expect("as arranged").is_empty(),
        "a JSON body would be read as a decision"
    );
}

async fn all_logs(app: &TestApp, id: &str) -> Vec<Value> {
    let page: Value =
        app.get(&format!("/api/executions/{id}/logs?limit=1000")).await.json().await.expect("as arranged");
    page["items"].as_array().cloned().unwrap_or_default()
}

#[tokio::test]
async fn a_whole_session_with_two_subagents_becomes_an_execution_tree_with_timed_tool_calls() {
    let app = spawn_app().await;
    let project = app.create_project("Shop").await;
    let cwd = format!("{}/src", project["workspace_dir"].as_str().expect("as arranged"));
    let token = app.api_token("ingest").await;
    let mut socket = connect(&app, Some(&app.token)).await.expect("connects");
    assert_eq!(socket.ask("subscribe:global", json!({})).await["ok"], true);

    hook(&app, &token, "SessionStart", &cwd, json!({"source": "startup", "model": "claude-sonnet-4-5"}))
        .await;
    hook(&app, &token, "UserPromptSubmit", &cwd, json!({"prompt": "Review the API and run the tests"})).await;
    hook(
        &app,
        &token,
        "PreToolUse",
        &cwd,
        json!({"tool_name": "Bash", "tool_use_id": "toolu_01", "tool_input": {"command": "cargo build"}}),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(40)).await;
    hook(
        &app,
        &token,
        "PostToolUse",
        &cwd,
        json!({"tool_name": "Bash", "tool_use_id": "toolu_01", "tool_input": {"command": "cargo build"},
        "tool_response": {"stdout": "Finished", "stderr": "", "interrupted": false}}),
    )
    .await;
    let reviewer = json!({"agent_id": "a1b2c3d4", "agent_type": "code-reviewer"});
    let tester = json!({"agent_id": "f9e8d7c6", "agent_type": "test-runner"});
    hook(&app, &token, "SubagentStart", &cwd, reviewer.clone()).await;
    hook(&app, &token, "SubagentStart", &cwd, tester.clone()).await;
    let mut read = reviewer.clone();
    read.as_object_mut().expect("as arranged").extend(
        json!({"tool_name": "Read", "tool_use_id": "toolu_02", "tool_input": {"file_path": "src/api.rs"}})
            .as_object()
            .expect("as arranged")
            .clone(),
    );
    hook(&app, &token, "PreToolUse", &cwd, read.clone()).await;
    read.as_object_mut().expect("as arranged").extend(
        json!({"error": "file not found", "is_interrupt": false}).as_object().expect("as arranged").clone(),
    );
    hook(&app, &token, "PostToolUseFailure", &cwd, read).await;
    let mut stop_tester = tester.clone();
    stop_tester.as_object_mut().expect("as arranged").extend(
        json!({"stop_hook_active": false, "last_assistant_message": "All 42 tests pass."})
            .as_object()
            .expect("as arranged")
            .clone(),
    );
    hook(&app, &token, "SubagentStop", &cwd, stop_tester).await;
    let mut stop_reviewer = reviewer.clone();
    stop_reviewer.as_object_mut().expect("as arranged").extend(
        json!({"stop_hook_active": false, "last_assistant_message": "Two issues."})
            .as_object()
            .expect("as arranged")
            .clone(),
    );
    hook(&app, &token, "SubagentStop", &cwd, stop_reviewer).await;
    hook(&app, &token, "Notification", &cwd, json!({"message": "Claude needs your permission to use Bash", "title": "Permission needed", "notification_type": "permission_prompt"})).await;
    hook(&app, &token, "TeammateIdle", &cwd, json!({"teammate_name": "ops"})).await;
    hook(&app, &token, "Stop", &cwd, json!({"stop_hook_active": false})).await;

    // The live events, in order: the session starts, its tasks move, lines arrive, it ends.
    let seen = socket
        .until(|name, payload| name == "execution:completed" && payload["execution"]["kind"] == "session")
        .await;
    let names: Vec<&str> = seen.iter().map(|(n, _)| n.as_str()).collect();
    let started = names.iter().position(|n| *n == "execution:started").expect("started");
    let progress = names.iter().position(|n| *n == "execution:progress").expect("progress");
    assert!(started < progress, "{names:?}");
    assert!(names.contains(&"notification") && names.contains(&"agent:status"), "{names:?}");
    let id = seen[started].1["execution"]["id"].as_str().expect("as arranged").to_owned();
    assert_eq!(seen[started].1["execution"]["source"], "hooks");

    let detail: Value = app.get(&format!("/api/executions/{id}")).await.json().await.expect("as arranged");
    let execution = &detail;
    assert_eq!(
        (execution["kind"].as_str(), execution["status"].as_str()),
        (Some("session"), Some("completed"))
    );
    assert_eq!(execution["project_id"], project["id"], "the project whose directory holds the cwd");
    assert_eq!(execution["name"], "src · 8c35adc1");
    let tasks = detail["tasks"].as_array().expect("as arranged");
    assert_eq!(tasks.len(), 3, "{tasks:#?}");
    let session = tasks.iter().find(|t| t["task_id"] == "session").expect("the session task");
    assert_eq!(
        (session["agent"].as_str(), session["prompt"].as_str()),
        (Some("claude"), Some("Review the API and run the tests"))
    );
    for (agent, task_id, output) in [
        ("code-reviewer", "code-reviewer-a1b2c3", "Two issues."),
        ("test-runner", "test-runner-f9e8d7", "All 42 tests pass."),
    ] {
        let task = tasks.iter().find(|t| t["agent"] == agent).expect(agent);
        assert_eq!(task["task_id"], task_id);
        assert_eq!(task["status"], "completed");
        assert_eq!(task["parent_id"], session["id"], "{agent} hangs under the session");
        assert_eq!(task["output"], output);
    }

    let logs = all_logs(&app, &id).await;
    let result = |tool_use_id: &str| {
        logs.iter()
            .find(|l| l["kind"] == "tool_result" && l["metadata"]["tool_use_id"] == tool_use_id)
            .cloned()
            .expect(tool_use_id)
    };
    let build = result("toolu_01");
    assert!(build["metadata"]["duration_ms"].as_i64().expect("as arranged") >= 40, "{build}");
    assert_eq!(
        (build["metadata"]["is_error"].as_bool(), build["message"].as_str()),
        (Some(false), Some("Finished"))
    );
    let failed = result("toolu_02");
    assert_eq!(
        (failed["level"].as_str(), failed["metadata"]["error"].as_str()),
        (Some("error"), Some("file not found"))
    );
    assert_eq!(failed["task_id"], "code-reviewer-a1b2c3");
    assert!(logs.iter().any(|l| l["kind"] == "prompt" && l["message"] == "Review the API and run the tests"));
    let raw = logs.iter().find(|l| l["message"] == "TeammateIdle").expect("the unknown event, kept");
    assert_eq!(raw["metadata"]["raw"]["teammate_name"], "ops");

    let notifications: Value = app.get("/api/notifications").await.json().await.expect("as arranged");
    let titles: Vec<&str> = notifications["items"]
        .as_array()
        .expect("as arranged")
        .iter()
        .filter_map(|n| n["title"].as_str())
        .collect();
    assert!(titles.contains(&"Permission needed"), "{titles:?}");
    assert!(
        !titles.iter().any(|t| t.ends_with("completed")),
        "a session's routine stop is not news: {titles:?}"
    );

    // A new prompt in the same session runs it again.
    hook(&app, &token, "UserPromptSubmit", &cwd, json!({"prompt": "Now fix them"})).await;
    let detail: Value = app.get(&format!("/api/executions/{id}")).await.json().await.expect("as arranged");
    assert_eq!(detail["status"], "running");
}

#[tokio::test]
async fn bad_hook_posts_get_a_clear_4xx_and_senders_without_headers_use_the_query() {
    let app = spawn_app().await;
    let ingest = app.api_token("ingest").await;
    let viewer = app.api_token("viewer").await;
    let post = |token: Option<&str>, body: &'static str| {
        let mut request = app
            .client
            .post(app.url("/api/hooks/claude"))
            .header("content-type", "application/json")
            .body(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    assert_eq!(post(None, "{}").await.expect("as arranged").status(), StatusCode::UNAUTHORIZED);
    assert_eq!(post(Some(&viewer), "{}").await.expect("as arranged").status(), StatusCode::FORBIDDEN);
    let (status, code, _) = error_of(post(Some(&ingest), "{not json").await.expect("as arranged")).await;
    assert_eq!((status, code.as_str()), (StatusCode::BAD_REQUEST, "malformed_json"));
    let (status, _, fields) =
        error_of(post(Some(&ingest), r#"{"hook_event_name": "Stop"}"#).await.expect("as arranged")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields["session_id"], "is required");
    let (_, _, fields) = error_of(post(Some(&ingest), "[1, 2]").await.expect("as arranged")).await;
    assert!(fields["body"].as_str().expect("as arranged").contains("JSON object"));

    let by_query = app
        .client
        .post(app.url(&format!("/api/hooks/claude?token={ingest}")))
        .body(r#"{"session_id": "s-1", "hook_event_name": "SessionStart", "cwd": "/nowhere"}"#)
        .send()
        .await
        .expect("as arranged");
    assert_eq!(by_query.status(), StatusCode::NO_CONTENT);
    let list: Value = app.get("/api/executions?limit=5").await.json().await.expect("as arranged");
    let run = &list["items"][0];
    assert_eq!((run["kind"].as_str(), run["project_name"].as_str()), (Some("session"), Some("Unassigned")));
}

#[tokio::test]
async fn baton_hook_posts_stdin_and_exits_0_even_when_baton_is_down() {
    let app = spawn_app().await;
    let token = app.api_token("ingest").await;
    let event = json!({"session_id": "cli-1", "hook_event_name": "SessionStart", "cwd": "/tmp"}).to_string();
    let url = app.address.clone();
    let (code, out, err) = tokio::task::spawn_blocking(move || {
        baton_with_env(&["hook", "--url", &url], &event, &[("BATON_TOKEN", &token)])
    })
    .await
    .expect("as arranged");
    assert_eq!((code, out.as_str()), (Some(0), ""), "{err}");
    let list: Value = app.get("/api/executions?limit=5").await.json().await.expect("as arranged");
    assert_eq!(list["items"][0]["kind"], "session");

    let (code, out, err) = baton(&["hook", "--url", "http://127.0.0.1:9", "--timeout", "0.5"], "{}");
    assert_eq!((code, out.as_str()), (Some(0), ""));
    assert!(err.contains("not recorded"), "{err}");
}

fn baton_with_env(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> (Option<i32>, String, String) {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(args)
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("baton runs");
    let _ = child.stdin.take().expect("as arranged").write_all(stdin.as_bytes());
    let output = child.wait_with_output().expect("as arranged");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn hooks_install_keeps_what_the_settings_file_already_has() {
    let project = tempfile::tempdir().expect("as arranged");
    let settings = project.path().join(".claude/settings.json");
    std::fs::create_dir_all(settings.parent().expect("as arranged")).expect("as arranged");
    let before = json!({
        "model": "opus",
        "permissions": {"allow": ["Bash(npm test)"]},
        "hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "./guard.sh"}]}]}
    });
    std::fs::write(&settings, serde_json::to_string_pretty(&before).expect("as arranged"))
        .expect("as arranged");
    let dir = project.path().to_str().expect("as arranged");
    let (code, _, err) = baton(&["hooks", "install", "--project", dir, "--url", "http://127.0.0.1:3001"], "");
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("added") && err.contains("PreToolUse") && err.contains("wrote"), "{err}");
    let after: Value =
        serde_json::from_str(&std::fs::read_to_string(&settings).expect("as arranged")).expect("as arranged");
    assert_eq!(after["model"], "opus");
    assert_eq!(after["permissions"], before["permissions"]);
    let pre = after["hooks"]["PreToolUse"].as_array().expect("as arranged");
    assert_eq!(pre[0], before["hooks"]["PreToolUse"][0], "the user's own hook is first and untouched");
    assert_eq!(pre[1]["hooks"][0]["url"], "http://127.0.0.1:3001/api/hooks/claude");
    assert_eq!(after["hooks"]["SubagentStop"][0]["hooks"][0]["type"], "http");
    let keys: Vec<&String> = after.as_object().expect("as arranged").keys().collect();
    assert_eq!(keys, ["model", "permissions", "hooks"], "the file's order is kept");

    let (code, _, err) = baton(&["hooks", "install", "--project", dir, "--url", "http://127.0.0.1:3001"], "");
    assert_eq!(code, Some(0));
    assert!(err.contains("already has Baton's hooks"), "{err}");
    std::fs::write(&settings, "{broken").expect("as arranged");
    let (code, _, err) = baton(&["hooks", "install", "--project", dir], "");
    assert_eq!(code, Some(1));
    assert!(err.contains("not valid JSON") && err.contains("nothing was changed"), "{err}");
    assert_eq!(std::fs::read_to_string(&settings).expect("as arranged"), "{broken");
}
