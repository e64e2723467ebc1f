//! The execution engine on real child processes (`baton fake-claude` standing in for the model).

use std::{
    collections::HashMap,
    time::{Duration, Instant},
};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_of, processes_of, spawn_app, spawn_app_with};

/// Starts an inline plan in a new project and waits until it ends; returns the execution.
async fn run_plan(app: &TestApp, plan: Value) -> Value {
    let id = start_plan(app, plan).await;
    wait_until_ended(app, &id).await
}

pub async fn start_plan(app: &TestApp, plan: Value) -> String {
    let project = app.create_project(&format!("engine {}", uuid_like())).await;
    let response =
        app.post_json("/api/executions", &json!({"project_id": project["id"], "plan": plan})).await;
    let status = response.status();
    let body: Value = response.json().await.expect("json");
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_str().expect("id").to_owned()
}

fn uuid_like() -> String {
    format!("{:?}", Instant::now()).chars().filter(char::is_ascii_alphanumeric).collect()
}

async fn execution(app: &TestApp, id: &str) -> Value {
    app.get(&format!("/api/executions/{id}")).await.json().await.expect("json")
}

pub async fn wait_until_ended(app: &TestApp, id: &str) -> Value {
    let started = Instant::now();
    loop {
        let execution = execution(app, id).await;
        let status = execution["status"].as_str().unwrap_or_default().to_owned();
        if !["queued", "running"].contains(&status.as_str()) {
            return execution;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "execution {id} still {status}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The latest attempt of each task.
fn tasks(execution: &Value) -> HashMap<String, Value> {
    let mut latest: HashMap<String, Value> = HashMap::new();
    for task in execution["tasks"].as_array().expect("tasks") {
        let id = task["task_id"].as_str().expect("task id").to_owned();
        if latest.get(&id).is_none_or(|t| t["attempt"].as_i64() < task["attempt"].as_i64()) {
            latest.insert(id, task.clone());
        }
    }
    latest
}

fn time(task: &Value, field: &str) -> String {
    task[field].as_str().unwrap_or_else(|| panic!("{field} of {task}")).to_owned()
}

fn task(id: &str, depends_on: &[&str], prompt: &str) -> Value {
    json!({"id": id, "agent": "backend-expert", "prompt": prompt, "depends_on": depends_on})
}

#[tokio::test]
async fn a_diamond_plan_runs_in_dependency_order_and_its_branches_overlap() {
    let app = spawn_app().await;
    let plan = json!({"name": "diamond", "tasks": [
        task("a", &[], "first"), task("b", &["a"], "left [fake:delay=150]"),
        task("c", &["a"], "right [fake:delay=150]"), task("d", &["b", "c"], "last")]});

    let execution = run_plan(&app, plan).await;

    assert_eq!(execution["status"], "completed", "{execution}");
    let tasks = tasks(&execution);
    let (a, b, c, d) = (&tasks["a"], &tasks["b"], &tasks["c"], &tasks["d"]);
    for branch in [b, c] {
        assert!(time(branch, "started_at") >= time(a, "completed_at"), "a branch started before a ended");
        assert!(time(d, "started_at") >= time(branch, "completed_at"), "d started before a branch ended");
    }
    assert!(
        time(b, "started_at") < time(c, "completed_at") && time(c, "started_at") < time(b, "completed_at"),
        "b and c overlap"
    );
    assert_eq!(execution["totals"]["completed"], 4);
    assert!(execution["cost_usd"].as_f64().expect("cost") > 0.0);
    assert!(execution["input_tokens"].as_i64().expect("tokens") > 0);
}

#[tokio::test]
async fn max_parallel_is_never_exceeded() {
    let app = spawn_app().await;
    let plan = json!({"name": "wide", "max_parallel": 2,
        "tasks": (0..6).map(|i| task(&format!("t{i}"), &[], "[fake:delay=60]")).collect::<Vec<_>>()});

    let execution = run_plan(&app, plan).await;

    assert_eq!(execution["status"], "completed");
    let mut events: Vec<(String, i32)> = Vec::new();
    for task in tasks(&execution).values() {
        events.push((time(task, "started_at"), 1));
        events.push((time(task, "completed_at"), -1));
    }
    events.sort();
    let mut running = 0;
    let mut most = 0;
    for (_, change) in events {
        running += change;
        most = most.max(running);
    }
    assert!(most <= 2, "{most} tasks ran at once");
    assert_eq!(most, 2, "the plan should use its parallelism");
}

#[tokio::test]
async fn a_failed_task_skips_its_dependents_while_other_branches_finish() {
    let app = spawn_app().await;
    let plan = json!({"name": "partial", "on_failure": "continue", "tasks": [
        task("broken", &[], "[fake:fail]"), task("after-broken", &["broken"], "never runs"),
        task("independent", &[], "fine [fake:delay=100]")]});

    let execution = run_plan(&app, plan).await;

    let tasks = tasks(&execution);
    assert_eq!(execution["status"], "failed");
    assert_eq!(tasks["broken"]["status"], "failed");
    assert_eq!(tasks["broken"]["exit_code"], 1);
    assert_eq!(tasks["after-broken"]["status"], "skipped");
    assert_eq!(tasks["independent"]["status"], "completed");
}

#[tokio::test]
async fn fail_fast_cancels_the_other_branches() {
    let app = spawn_app().await;
    let plan = json!({"name": "strict", "on_failure": "fail_fast", "tasks": [
        task("broken", &[], "[fake:fail]"), task("slow", &[], "[fake:hang]")]});

    let execution = run_plan(&app, plan).await;

    let tasks = tasks(&execution);
    assert_eq!(execution["status"], "failed");
    assert_eq!(tasks["slow"]["status"], "cancelled");
}

#[tokio::test]
async fn a_failing_task_is_retried_and_keeps_every_attempt_and_a_slow_one_times_out() {
    let app = spawn_app().await;
    let plan = json!({"name": "retry", "tasks": [
        {"id": "flaky", "agent": "qa-test-engineer", "prompt": "[fake:fail]", "retries": 1},
        {"id": "slow", "agent": "qa-test-engineer", "prompt": "[fake:hang]", "timeout": "1s"}]});

    let execution = run_plan(&app, plan).await;

    let attempts: Vec<&Value> =
        execution["tasks"].as_array().expect("tasks").iter().filter(|t| t["task_id"] == "flaky").collect();
    assert_eq!(attempts.len(), 2, "{execution}");
    assert!(attempts.iter().all(|a| a["status"] == "failed"));
    assert_eq!(tasks(&execution)["slow"]["status"], "timed_out");
    assert!(tasks(&execution)["slow"]["error"].as_str().expect("error").contains("timed out after 1 s"));
}

#[tokio::test]
async fn cancel_ends_grandchildren_and_a_child_that_ignores_sigterm() {
    let temp = tempfile::tempdir().expect("temp");
    let app =
        spawn_app_with(&temp.path().join("data"), |args| args.kill_grace = Duration::from_secs(1)).await;
    let id = start_plan(
        &app,
        json!({"name": "stubborn", "tasks": [
        task("parent", &[], "[fake:grandchildren]"), task("deaf", &[], "[fake:ignore-term]")]}),
    )
    .await;
    let started = Instant::now();
    while processes_of(&id).len() < 4 {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "processes never started: {:?}",
            processes_of(&id)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let cancelled = app.post_json(&format!("/api/executions/{id}/cancel"), &json!({})).await;
    assert_eq!(cancelled.status(), StatusCode::ACCEPTED);
    let execution = wait_until_ended(&app, &id).await;

    assert_eq!(execution["status"], "cancelled");
    assert!(execution["error"].as_str().expect("error").contains("cancelled by admin"));
    assert!(processes_of(&id).is_empty(), "left behind: {:?}", processes_of(&id));
    let (status, code, _) =
        error_of(app.post_json(&format!("/api/executions/{id}/cancel"), &json!({})).await).await;
    assert_eq!((status, code.as_str()), (StatusCode::CONFLICT, "conflict"));
}

#[tokio::test]
async fn a_budget_that_is_exceeded_cancels_the_execution() {
    let app = spawn_app().await;
    let plan = json!({"name": "pricey", "budget_usd": 0.05, "tasks": [
        task("first", &[], "[fake:cost=0.10]"), task("second", &["first"], "[fake:cost=0.10]")]});

    let execution = run_plan(&app, plan).await;

    assert_eq!(execution["status"], "cancelled");
    assert!(execution["error"].as_str().expect("error").starts_with("budget exceeded"), "{execution}");
    assert_eq!(tasks(&execution)["second"]["status"], "cancelled");
}

#[tokio::test]
async fn a_huge_line_is_cut_and_the_run_goes_on() {
    let app = spawn_app().await;
    let id = start_plan(
        &app,
        json!({"name": "noisy", "tasks": [task("big", &[], "[fake:huge-line=5000000,delay=0]")]}),
    )
    .await;
    let execution = wait_until_ended(&app, &id).await;

    assert_eq!(execution["status"], "completed");
    let logs: Value = app
        .get(&format!("/api/executions/{id}/logs?q=line%20cut&limit=10"))
        .await
        .json()
        .await
        .expect("json");
    let cut = &logs["items"][0]["message"];
    assert!(cut.as_str().expect("message").len() < 70 * 1024, "the line is cut to 64 KiB");
}

#[tokio::test]
async fn stream_json_becomes_structured_logs_that_page_and_filter() {
    let app = spawn_app().await;
    let id = start_plan(
        &app,
        json!({"name": "chatty", "tasks": [task("only", &[], "List the files [fake:delay=0]")]}),
    )
    .await;
    wait_until_ended(&app, &id).await;

    let all: Value = app.get(&format!("/api/executions/{id}/logs")).await.json().await.expect("json");
    let kinds: Vec<&str> =
        all["items"].as_array().expect("items").iter().map(|e| e["kind"].as_str().expect("kind")).collect();
    for kind in ["system", "assistant", "tool_use", "tool_result", "result"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    let tool = all["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|e| e["kind"] == "tool_use")
        .expect("a tool call");
    assert_eq!(tool["metadata"]["tool"], "Bash");
    let subagent = all["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|e| e["metadata"]["parent_tool_use_id"] == "toolu_task");
    assert!(subagent.is_some(), "the subagent's message keeps its parent");

    let first_two: Value =
        app.get(&format!("/api/executions/{id}/logs?limit=2")).await.json().await.expect("json");
    let rest: Value = app
        .get(&format!("/api/executions/{id}/logs?after_seq={}", first_two["last_seq"]))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        first_two["items"].as_array().expect("items").len() + rest["items"].as_array().expect("items").len(),
        all["items"].as_array().expect("items").len()
    );
}

#[tokio::test]
async fn rerun_of_failed_tasks_runs_only_them_and_their_dependents() {
    let app = spawn_app().await;
    let id = start_plan(&app, json!({"name": "again", "tasks": [
        task("ok", &[], "fine [fake:delay=0]"), task("bad", &[], "[fake:fail,delay=0]"), task("after", &["bad", "ok"], "[fake:delay=0]")]})).await;
    wait_until_ended(&app, &id).await;

    let rerun: Value = app
        .post_json(&format!("/api/executions/{id}/rerun"), &json!({"failed_only": true}))
        .await
        .json()
        .await
        .expect("json");
    let rerun_id = rerun["id"].as_str().expect("id").to_owned();
    let again = wait_until_ended(&app, &rerun_id).await;

    let ids: Vec<&str> = again["plan"]["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| t["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["bad", "after"]);
    assert_eq!(again["rerun_of"], id.as_str());
}

#[tokio::test]
async fn rerun_from_a_task_runs_it_and_everything_downstream() {
    let app = spawn_app().await;
    let id = start_plan(
        &app,
        json!({"name": "chain", "tasks": [
        task("plan", &[], "[fake:delay=0]"), task("build", &["plan"], "[fake:delay=0]"),
        task("test", &["build"], "[fake:delay=0]"), task("docs", &["plan"], "[fake:delay=0]")]}),
    )
    .await;
    wait_until_ended(&app, &id).await;
    let path = format!("/api/executions/{id}/rerun");

    let unknown = app.post_json(&path, &json!({"from_task": "nope"})).await;
    let both = app.post_json(&path, &json!({"from_task": "build", "failed_only": true})).await;
    let rerun: Value = app.post_json(&path, &json!({"from_task": "build"})).await.json().await.expect("json");
    let again = wait_until_ended(&app, rerun["id"].as_str().expect("id")).await;

    let (status, _, fields) = error_of(unknown).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields["from_task"], "the plan has no task \"nope\"");
    let (status, _, fields) = error_of(both).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fields["from_task"].as_str().expect("message").contains("not both"), "{fields}");
    let plan: Vec<(&str, &Value)> = again["plan"]["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| (t["id"].as_str().expect("id"), &t["depends_on"]))
        .collect();
    assert_eq!(plan, [("build", &json!([])), ("test", &json!(["build"]))]);
    assert_eq!(again["status"], "completed");
    assert_eq!(again["rerun_of"], id.as_str());
}

#[tokio::test]
async fn collaboration_counts_handoffs_from_the_plans_of_recent_executions() {
    let app = spawn_app().await;
    let plan = json!({"name": "team", "tasks": [
        {"id": "api", "agent": "backend", "prompt": "[fake:delay=0]"},
        {"id": "ui", "agent": "frontend", "prompt": "[fake:delay=0]", "depends_on": ["api"]},
        {"id": "qa", "agent": "tester", "prompt": "[fake:delay=0]", "depends_on": ["ui", "api"]}]});
    let first = start_plan(&app, plan.clone()).await;
    let second = start_plan(&app, plan).await;
    wait_until_ended(&app, &first).await;
    wait_until_ended(&app, &second).await;
    let project = execution(&app, &first).await["project_id"].as_str().expect("project").to_owned();

    let all: Value = app.get("/api/collaboration?range=24h").await.json().await.expect("json");
    let one: Value =
        app.get(&format!("/api/collaboration?project_id={project}")).await.json().await.expect("json");
    let bad_range = app.get("/api/collaboration?range=1y").await;
    let no_project = app.get("/api/collaboration?project_id=missing").await;

    assert_eq!(all["range"], "24h");
    assert_eq!(
        all["agents"],
        json!([
        {"agent": "backend", "tasks": 2, "executions": 2},
        {"agent": "frontend", "tasks": 2, "executions": 2},
        {"agent": "tester", "tasks": 2, "executions": 2}])
    );
    assert_eq!(
        all["edges"],
        json!([
        {"from": "backend", "to": "frontend", "count": 2, "executions": 2},
        {"from": "backend", "to": "tester", "count": 2, "executions": 2},
        {"from": "frontend", "to": "tester", "count": 2, "executions": 2}])
    );
    assert_eq!(one["range"], "30d");
    assert_eq!(one["edges"][0]["count"], 1);
    assert_eq!(error_of(bad_range).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_of(no_project).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn plans_are_saved_in_yaml_validated_and_started_as_the_project_default() {
    let app = spawn_app().await;
    let project = app.create_project("Planned").await;
    let pid = project["id"].as_str().expect("id");
    let yaml = "name: tiny\ntasks:\n  - {id: one, agent: backend-expert, prompt: \"go [fake:delay=0]\"}\n";
    let cycle = "name: loop\ntasks:\n  - {id: a, agent: x, depends_on: [b]}\n  - {id: b, agent: x, depends_on: [a]}\n";

    let saved =
        app.post_raw(&format!("/api/projects/{pid}/plans?default=true"), "application/yaml", yaml).await;
    let refused = app.post_raw(&format!("/api/projects/{pid}/plans"), "application/yaml", cycle).await;
    let started = app.post_json(&format!("/api/projects/{pid}/start"), &json!({})).await;

    assert_eq!(saved.status(), StatusCode::CREATED);
    let (status, _, fields) = error_of(refused).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fields["tasks"].as_str().expect("message").contains("dependency cycle: a → b → a"), "{fields}");
    assert_eq!(started.status(), StatusCode::CREATED);
    let id = started.json::<Value>().await.expect("json")["id"].as_str().expect("id").to_owned();
    assert_eq!(wait_until_ended(&app, &id).await["status"], "completed");
}

#[tokio::test]
async fn a_missing_agent_executable_fails_the_task_with_a_clear_reason() {
    let temp = tempfile::tempdir().expect("temp");
    let app =
        spawn_app_with(&temp.path().join("data"), |args| args.claude_bin = "/nonexistent/claude".into())
            .await;

    let execution = run_plan(&app, json!({"name": "nothing", "tasks": [task("t", &[], "hi")]})).await;

    assert_eq!(execution["status"], "failed");
    assert!(tasks(&execution)["t"]["error"].as_str().expect("error").contains("not found"), "{execution}");
}

#[tokio::test]
async fn logs_stream_as_server_sent_events_until_the_execution_ends() {
    let app = spawn_app().await;
    let id = start_plan(
        &app,
        json!({"name": "streamed", "tasks": [task("only", &[], "stream me [fake:delay=100]")]}),
    )
    .await;

    // Opened while the task runs; the stream ends by itself once the execution has ended.
    let response = app
        .client
        .get(app.url(&format!("/api/executions/{id}/logs")))
        .bearer_auth(&app.token)
        .header("accept", "text/event-stream")
        .send()
        .await
        .expect("request");
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    let body = tokio::time::timeout(Duration::from_secs(30), response.text())
        .await
        .expect("the stream ends")
        .expect("body");

    let seqs: Vec<i64> =
        body.lines().filter_map(|l| l.strip_prefix("id: ")).map(|s| s.parse().expect("seq")).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "increasing, no duplicates: {seqs:?}");
    let stored: Value = app.get(&format!("/api/executions/{id}/logs")).await.json().await.expect("json");
    assert_eq!(seqs.len(), stored["items"].as_array().expect("items").len(), "every stored entry was sent");
    assert!(body.contains("event: end"));
}
