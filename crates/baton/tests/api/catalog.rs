//! The agent catalog: definition files in the user's, a project's and extra directories,
//! registries beside them, watched live.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    helpers::{TestApp, error_of, spawn_app_with},
    realtime::connect,
};

async fn agents(app: &TestApp, query: &str) -> Value {
    let response = app.get(&format!("/api/agents{query}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("as arranged")
}

fn names(list: &Value) -> Vec<&str> {
    list["items"].as_array().expect("as arranged").iter().filter_map(|a| a["name"].as_str()).collect()
}

#[tokio::test]
async fn agents_come_from_files_registries_configuration_and_work_seen_and_changes_show_live() {
    let root = tempfile::tempdir().expect("as arranged");
    let extra = root.path().join("extra-agents");
    std::fs::create_dir_all(&extra).expect("as arranged");
    std::fs::write(extra.join("backend-expert.md"),
        "---\nname: backend-expert\ndescription: Server work.\\n<example>user: add an API</example>\ntools: Read, Write, Bash\nmodel: sonnet\ncolor: green\nmaxTurns: 12\n---\nYou are a backend engineer.\n").expect("as arranged");
    std::fs::write(extra.join("broken.md"), "---\nname: broken\ntools: [Read\n---\nbody")
        .expect("as arranged");
    std::fs::write(extra.join("agent-registry.json"), json!({"agents": [
        {"name": "backend-expert", "category": "engineering", "expertise": ["api design"], "collaborates_with": ["frontend-expert"]},
        {"name": "frontend-expert", "category": "design"}]}).to_string()).expect("as arranged");
    let dir = extra.clone();
    let app = spawn_app_with(&root.path().join("data"), move |args| args.agents_dirs = vec![dir]).await;
    app.put_json(
        "/api/agents/release-bot/config",
        &json!({"runner": "command", "command": ["echo", "{prompt}"]}),
    )
    .await;

    let list = agents(&app, "").await;
    assert_eq!(names(&list), ["backend-expert", "broken", "frontend-expert", "release-bot"]);
    assert_eq!(list["categories"], json!(["design", "engineering"]));
    let backend = &list["items"][0];
    assert_eq!(backend["description"], "Server work.\n<example>user: add an API</example>");
    assert_eq!(backend["tools"], json!(["Read", "Write", "Bash"]));
    assert_eq!((backend["model"].as_str(), backend["color"].as_str()), (Some("sonnet"), Some("green")));
    assert_eq!(backend["origins"], json!(["file", "registry"]));
    assert_eq!(backend["definition"]["scope"], "extra");
    assert_eq!(backend["status"], "idle");
    let broken = &list["items"][1];
    assert!(broken["error"].as_str().expect("as arranged").contains("not valid YAML"), "{broken}");
    assert_eq!(list["items"][3]["origins"], json!(["configured"]));

    assert_eq!(names(&agents(&app, "?category=engineering").await), ["backend-expert"]);
    assert_eq!(names(&agents(&app, "?q=API%20DESIGN").await), ["backend-expert"]);
    assert_eq!(names(&agents(&app, "?status=running").await), Vec::<&str>::new());
    let (status, _, fields) = error_of(app.get("/api/agents?status=busy").await).await;
    assert_eq!(
        (status, fields["status"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("must be idle or running"))
    );

    let detail: Value = app.get("/api/agents/backend-expert").await.json().await.expect("as arranged");
    assert_eq!(detail["prompt"], "You are a backend engineer.");
    assert_eq!(detail["extra"]["maxTurns"], 12);
    assert_eq!(detail["config"]["source"], "builtin");
    assert_eq!(detail["recent"], json!([]));
    assert_eq!(app.get("/api/agents/nobody").await.status(), StatusCode::NOT_FOUND);
    let metrics: Value =
        app.get("/api/agents/backend-expert/metrics?range=7d").await.json().await.expect("as arranged");
    assert_eq!(
        (metrics["buckets"].as_array().expect("as arranged").len(), metrics["totals"]["tasks"].as_i64()),
        (28, Some(0))
    );
    let status: Value = app.get("/api/agents/backend-expert/status").await.json().await.expect("as arranged");
    assert_eq!(status["status"], "idle");
    let schema: Value = app.get("/api/schemas/agent-config").await.json().await.expect("as arranged");
    assert_eq!(schema["additionalProperties"], false);
    let plan_schema: Value = app.get("/api/schemas/plan").await.json().await.expect("as arranged");
    assert_eq!(plan_schema["title"], "PlanInput");
    assert_eq!(app.get("/api/schemas/nothing").await.status(), StatusCode::NOT_FOUND);

    // A new file shows up live, announced on the socket.
    let mut socket = connect(&app, Some(&app.token)).await.expect("connects");
    assert_eq!(socket.ask("subscribe:global", json!({})).await["ok"], true);
    std::fs::write(extra.join("qa.md"), "---\nname: qa-test-engineer\ndescription: Tests.\n---\n")
        .expect("as arranged");
    let seen = socket
        .until(|name, payload| {
            name == "agent:catalog"
                && payload["changed"].as_array().is_some_and(|c| c.contains(&json!("qa-test-engineer")))
        })
        .await;
    assert!(!seen.is_empty());
    assert!(names(&agents(&app, "").await).contains(&"qa-test-engineer"));
    std::fs::remove_file(extra.join("qa.md")).expect("as arranged");
    let deadline = Instant::now() + Duration::from_secs(10);
    while names(&agents(&app, "").await).contains(&"qa-test-engineer") {
        assert!(Instant::now() < deadline, "a deleted file's agent goes away");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_projects_own_file_wins_and_the_user_directory_is_read() {
    let root = tempfile::tempdir().expect("as arranged");
    let data = root.path().join("data");
    let user_agents = data.join("claude/agents");
    std::fs::create_dir_all(&user_agents).expect("as arranged");
    std::fs::write(
        user_agents.join("reviewer.md"),
        "---\nname: reviewer\ndescription: The user's reviewer.\n---\n",
    )
    .expect("as arranged");
    let app = spawn_app_with(&data, |_| {}).await;
    let project = app.create_project("Shop").await;
    let project_agents =
        std::path::Path::new(project["workspace_dir"].as_str().expect("as arranged")).join(".claude/agents");
    std::fs::create_dir_all(&project_agents).expect("as arranged");
    std::fs::write(
        project_agents.join("reviewer.md"),
        "---\nname: reviewer\ndescription: Shop's reviewer.\n---\n",
    )
    .expect("as arranged");
    let id = project["id"].as_str().expect("as arranged");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let detail: Value = app
            .get(&format!("/api/agents/reviewer?project_id={id}"))
            .await
            .json()
            .await
            .expect("as arranged");
        if detail["description"] == "Shop's reviewer." {
            assert_eq!(detail["definition"]["scope"], "project");
            assert_eq!(detail["shadowed"][0]["scope"], "user");
            break;
        }
        assert!(Instant::now() < deadline, "the project's file is found: {detail}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let overall: Value = app.get("/api/agents/reviewer").await.json().await.expect("as arranged");
    assert_eq!(overall["definition"]["scope"], "project", "a project's file beats the user's");
}
