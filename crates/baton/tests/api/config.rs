//! Global and project configuration: validation by path, versions, diff and revert, settings
//! that apply without a restart, secrets that never leave sealed, export and import.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    engine::wait_until_ended,
    helpers::{TestApp, error_of, spawn_app, spawn_app_in},
};

async fn put_global(app: &TestApp, config: Value) -> reqwest::Response {
    app.put_json("/api/config/global", &json!({ "config": config })).await
}

async fn json_of(response: reqwest::Response) -> Value {
    let status = response.status();
    let body: Value = response.json().await.expect("json");
    assert!(status.is_success(), "{status}: {body}");
    body
}

#[tokio::test]
async fn bad_values_and_unknown_keys_are_refused_by_path() {
    let app = spawn_app().await;
    let cases = [
        (json!({"limits": {"max_agents": 0}}), "limits.max_agents", "must be ≥ 1"),
        (json!({"limits": {"max_agnets": 2}}), "limits.max_agnets", "unknown key `max_agnets`"),
        (json!({"bogus": true}), "bogus", "unknown key `bogus`"),
        (json!({"runner": {"kill_grace": "soon"}}), "runner.kill_grace", "is not a duration"),
        (json!({"limits": {"max_agents": "many"}}), "limits.max_agents", "invalid type"),
        (json!({"runner": {"env": {"KEY": {"secret": "********"}}}}), "runner.env.KEY", "is masked"),
    ];
    for (config, field, message) in cases {
        let (status, code, fields) = error_of(put_global(&app, config.clone()).await).await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
            "{config}"
        );
        let said = fields[field].as_str().unwrap_or_else(|| panic!("{field} in {fields}"));
        assert!(said.contains(message), "{field}: {said}");
    }
    let schema = json_of(app.get("/api/config/schema").await).await;
    assert_eq!(schema["additionalProperties"], false);
    assert!(schema.to_string().contains("max_agents"), "{schema}");
    let view = json_of(app.get("/api/config/global").await).await;
    assert_eq!(view["version"], 0, "nothing was saved: {view}");
    assert_eq!(view["origins"]["runner.claude_bin"], "flag");
    assert_eq!(view["origins"]["limits.max_agents"], "default");
    assert_eq!(view["origins"]["logs.retention_days"], "default");
}

#[tokio::test]
async fn every_save_is_a_version_with_its_changes_and_reverting_restores_one() {
    let app = spawn_app().await;
    let first = json_of(put_global(&app, json!({"limits": {"max_agents": 3}})).await).await;
    assert_eq!(first["version"], 1);
    assert_eq!(first["effective"]["limits"]["max_agents"], 3);
    assert_eq!(first["origins"]["limits.max_agents"], "global");
    assert_eq!(app.state.settings.current().limits.max_agents, 3, "in force at once");
    let second =
        json_of(put_global(&app, json!({"limits": {"max_agents": 5}, "logs": {"retention_days": 7}})).await)
            .await;
    assert_eq!(second["version"], 2);
    // Saving the same document again is not a new version.
    let same =
        json_of(put_global(&app, json!({"limits": {"max_agents": 5}, "logs": {"retention_days": 7}})).await)
            .await;
    assert_eq!(same["version"], 2);

    let versions = json_of(app.get("/api/config/global/versions").await).await;
    let list = versions["versions"].as_array().expect("versions");
    assert_eq!(list.len(), 2);
    assert_eq!((list[0]["version"].as_i64(), list[0]["author"].as_str()), (Some(2), Some("admin")));
    assert_eq!(
        list[0]["changes"],
        json!([
            {"path": "limits.max_agents", "before": 3, "after": 5},
            {"path": "logs.retention_days", "before": null, "after": 7}
        ])
    );
    let diff = json_of(app.get("/api/config/global/diff?from=0&to=2").await).await;
    assert_eq!(diff["changes"].as_array().map(Vec::len), Some(2), "{diff}");
    let diff = json_of(app.get("/api/config/global/diff?from=1").await).await;
    assert_eq!(diff["to"], 2);

    // A save on top of an old version is refused.
    let stale = app.put_json("/api/config/global", &json!({"config": {}, "base_version": 1})).await;
    assert_eq!(error_of(stale).await.0, StatusCode::CONFLICT);

    let reverted = json_of(app.post_json("/api/config/global/revert", &json!({"version": 1})).await).await;
    assert_eq!(
        (reverted["version"].as_i64(), reverted["config"].clone()),
        (Some(3), json!({"limits": {"max_agents": 3}}))
    );
    assert_eq!(app.state.settings.current().limits.max_agents, 3);
    let versions = json_of(app.get("/api/config/global/versions").await).await;
    assert_eq!(versions["versions"][0]["reverted_from"], 1);
    assert_eq!(
        error_of(app.post_json("/api/config/global/revert", &json!({"version": 99})).await).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(error_of(app.get("/api/config/global/versions/99").await).await.0, StatusCode::NOT_FOUND);
    let old = json_of(app.get("/api/config/global/versions/2").await).await;
    assert_eq!(old["config"]["logs"]["retention_days"], 7);

    // Viewers read; only admins change.
    let viewer = app.user_token("vera", "viewer").await;
    let read = app.client.get(app.url("/api/config/global")).bearer_auth(&viewer).send().await.expect("get");
    assert_eq!(read.status(), StatusCode::OK);
    let write = app
        .client
        .put(app.url("/api/config/global"))
        .bearer_auth(&viewer)
        .json(&json!({"config": {}}))
        .send()
        .await
        .expect("put");
    assert_eq!(write.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn changed_settings_apply_to_the_next_task_without_a_restart() {
    let app = spawn_app().await;
    let project = app.create_project("live settings").await;
    let run = |name: &'static str| {
        let project = project.clone();
        let app = &app;
        async move {
            let plan = json!({"name": name, "tasks": [{"id": "only", "agent": "writer", "prompt": "hello"}]});
            let response =
                app.post_json("/api/executions", &json!({"project_id": project["id"], "plan": plan})).await;
            let id = json_of(response).await["id"].as_str().expect("id").to_owned();
            wait_until_ended(app, &id).await
        }
    };
    let before = run("before").await;
    assert_eq!(before["status"], "completed", "{before}");
    json_of(put_global(&app, json!({"runner": {"claude_bin": "/nonexistent/claude"}})).await).await;
    let failed = run("after").await;
    assert_eq!(failed["status"], "failed", "{failed}");
    let error = failed["tasks"][0]["error"].as_str().unwrap_or_default();
    assert!(error.contains("/nonexistent/claude"), "{error}");
    // A project's override wins over the global setting; a default budget reaches new runs.
    let id = project["id"].as_str().expect("id");
    let bin = crate::helpers::fake_claude(&app.data_dir);
    let config = json!({"settings": {"runner": {"claude_bin": bin}, "limits": {"default_budget_usd": 4.5}}});
    let view =
        json_of(app.put_json(&format!("/api/config/projects/{id}"), &json!({"config": config})).await).await;
    assert_eq!(view["origins"]["settings.runner.claude_bin"], "project");
    assert_eq!(view["origins"]["settings.limits.max_agents"], "default");
    let done = run("project override").await;
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!(done["plan"]["budget_usd"], 4.5, "{done}");
}

#[tokio::test]
async fn project_secrets_are_masked_kept_and_reach_the_agents_process() {
    let app = spawn_app().await;
    let project = app.create_project("secrets").await;
    let id = project["id"].as_str().expect("id");
    let path = format!("/api/config/projects/{id}");
    let config = json!({
        "env": {"API_KEY": {"secret": "sk-live-abc"}, "REGION": "eu"},
        "agents": {"printer": {"runner": "command", "command": ["sh", "-c", "echo key=$API_KEY region=$REGION"]}}
    });
    let view = json_of(app.put_json(&path, &json!({"config": config})).await).await;
    assert_eq!(view["config"]["env"]["API_KEY"], json!({"secret": "********"}));
    assert_eq!(view["effective"]["env"]["REGION"], "eu");
    assert_eq!(view["origins"]["env.API_KEY"], "project");
    assert!(!view.to_string().contains("sk-live-abc"));
    // A project's .mcp.json server is part of what its agents get, with its scope as origin.
    let workspace = project["workspace_dir"].as_str().expect("workspace");
    std::fs::write(
        std::path::Path::new(workspace).join(".mcp.json"),
        r#"{"mcpServers": {"files": {"command": "npx", "args": ["-y", "fs"], "env": {"TOKEN": "plain"}}}}"#,
    )
    .expect("write .mcp.json");
    let view = json_of(app.get(&path).await).await;
    assert_eq!(
        view["effective"]["mcp_servers"]["files"],
        json!({"type": "stdio", "command": "npx"}),
        "{view}"
    );
    assert_eq!(view["origins"]["mcp_servers.files"], "project");
    // The agent's configuration is the project's row of agent configurations.
    let agent = json_of(app.get(&format!("/api/agents/printer/config?project_id={id}")).await).await;
    assert_eq!(agent["source"], "project");

    // Written back masked, the secret keeps its value; the process gets it.
    let mut masked = view["config"].clone();
    masked["env"]["REGION"] = json!("us");
    let again = json_of(app.put_json(&path, &json!({"config": masked, "base_version": 1})).await).await;
    assert_eq!(again["version"], 2);
    let versions = json_of(app.get(&format!("{path}/versions")).await).await;
    assert_eq!(
        versions["versions"][0]["changes"],
        json!([{"path": "env.REGION", "before": "eu", "after": "us"}])
    );
    let plan = json!({"name": "print", "tasks": [{"id": "p", "agent": "printer", "prompt": "x"}]});
    let started =
        json_of(app.post_json("/api/executions", &json!({"project_id": id, "plan": plan})).await).await;
    let execution_id = started["id"].as_str().expect("id");
    assert_eq!(wait_until_ended(&app, execution_id).await["status"], "completed");
    let logs = json_of(app.get(&format!("/api/executions/{execution_id}/logs")).await).await;
    assert!(logs.to_string().contains("key=sk-live-abc region=us"), "{logs}");

    let (status, _, fields) =
        error_of(app.put_json(&path, &json!({"config": {"env": {"1X": "y"}}})).await).await;
    assert_eq!((status, fields["env.1X"].is_string()), (StatusCode::UNPROCESSABLE_ENTITY, true));
    let (status, _, fields) =
        error_of(app.put_json(&path, &json!({"config": {"agents": {"a": {"runner": "command"}}}})).await)
            .await;
    assert_eq!((status, fields["agents.a.command"].is_string()), (StatusCode::UNPROCESSABLE_ENTITY, true));
    assert_eq!(error_of(app.get("/api/config/projects/nope").await).await.0, StatusCode::NOT_FOUND);
}

/// Every file of the data directory (the database, its WAL, logs) as bytes.
fn data_files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in walk(dir) {
        files.push((entry.display().to_string(), std::fs::read(&entry).unwrap_or_default()));
    }
    files
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() { found.extend(walk(&path)) } else { found.push(path) }
    }
    found
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle.as_bytes())
}

#[tokio::test]
async fn a_planted_secret_is_in_no_file_log_or_plain_export() {
    const PLANTED: &str = "planted-secret-7f3a9c";
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let log_file = dir.path().join("baton.log");
    let log = std::fs::File::create(&log_file).expect("log file");
    // The real binary, logging at debug level to a file.
    let port = free_port();
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["serve", "--port", &port.to_string(), "--no-example", "--log", "debug"])
        .arg("--data-dir")
        .arg(&data)
        .arg("--claude-dir")
        .arg(dir.path().join("claude"))
        .env("BATON_ADMIN_PASSWORD", crate::helpers::ADMIN_PASSWORD)
        .env("BATON_CLAUDE_JSON", dir.path().join("claude.json"))
        .stdout(log.try_clone().expect("log"))
        .stderr(log)
        .spawn()
        .expect("baton starts");
    let address = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let token = wait_for_login(&client, &address).await;
    let put = |path: String, body: Value| {
        client.put(format!("{address}{path}")).bearer_auth(&token).json(&body).send()
    };
    let post = |path: &str, body: Value| {
        client.post(format!("{address}{path}")).bearer_auth(&token).json(&body).send()
    };
    let saved = put(
        "/api/config/global".into(),
        json!({"config": {"runner": {"env": {"TOKEN": {"secret": PLANTED}}}}}),
    )
    .await
    .expect("put");
    assert_eq!(saved.status(), StatusCode::OK);
    let project: Value =
        post("/api/projects", json!({"name": "p"})).await.expect("post").json().await.expect("json");
    let id = project["id"].as_str().expect("id");
    let saved =
        put(format!("/api/config/projects/{id}"), json!({"config": {"env": {"K": {"secret": PLANTED}}}}))
            .await
            .expect("put");
    assert_eq!(saved.status(), StatusCode::OK);
    // An MCP server's header and a webhook's signing secret and header are secrets too.
    let mcp_server = json!({"name": "planted", "type": "http", "url": "http://127.0.0.1:9/mcp", "headers": {"Authorization": {"secret": PLANTED}}});
    assert_eq!(post("/api/mcp-servers", mcp_server).await.expect("post").status(), StatusCode::CREATED);
    let hook = json!({"url": "https://hooks.example.com/x", "secret": PLANTED, "headers": {"X-Key": {"secret": PLANTED}}});
    assert_eq!(post("/api/webhooks", hook).await.expect("post").status(), StatusCode::CREATED);
    // A bad save whose body holds the secret: its error must not repeat it.
    let refused = put(
        "/api/config/global".into(),
        json!({"config": {"runner": {"env": {"1BAD": {"secret": PLANTED}}}}}),
    )
    .await
    .expect("put");
    let refused = refused.text().await.expect("text");
    assert!(!refused.contains(PLANTED), "{refused}");
    let project_path = format!("/api/config/projects/{id}");
    let reads = [
        "/api/config/global",
        project_path.as_str(),
        "/api/config/global/versions",
        "/api/audit",
        "/api/mcp-servers",
        "/api/webhooks",
    ];
    for path in reads {
        let response = client.get(format!("{address}{path}")).bearer_auth(&token).send().await.expect("get");
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let view = response.text().await.expect("text");
        assert!(!view.contains(PLANTED), "{path}: {view}");
    }
    let plain = post("/api/config/export", json!({"format": "yaml"}))
        .await
        .expect("export")
        .text()
        .await
        .expect("text");
    assert!(plain.contains("********") && !plain.contains(PLANTED), "{plain}");
    let sealed = post("/api/config/export", json!({"format": "json", "passphrase": "correct horse battery"}))
        .await
        .expect("export")
        .text()
        .await
        .expect("text");
    assert!(sealed.contains("\"encrypted\"") && !sealed.contains(PLANTED), "{sealed}");
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(server.id() as i32), nix::sys::signal::Signal::SIGTERM)
        .expect("stop");
    server.wait().expect("stopped");

    for (path, bytes) in data_files(&data) {
        assert!(!contains(&bytes, PLANTED), "the planted secret is in {path}");
    }
    let logged = std::fs::read(&log_file).expect("log");
    assert!(!logged.is_empty() && !contains(&logged, PLANTED), "the planted secret is in the log");
    // The encrypted export carries it: imported elsewhere with the passphrase, it comes back.
    let other = spawn_app().await;
    let report = json_of(
        other
            .post_json(
                "/api/config/import",
                &json!({"bundle": sealed, "passphrase": "correct horse battery"}),
            )
            .await,
    )
    .await;
    assert_eq!(report["applied"], true, "{report}");
    let opened = baton::vault::tree::open(&other.state.settings.global(), &other.state.vault).expect("open");
    assert_eq!(opened["runner"]["env"]["TOKEN"], PLANTED);
    let wrong = other
        .post_json(
            "/api/config/import?dry_run=true",
            &json!({"bundle": sealed, "passphrase": "wrong passphrase"}),
        )
        .await;
    let (status, _, fields) = error_of(wrong).await;
    assert_eq!(
        (status, fields["global.runner.env.TOKEN"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("cannot be decrypted: wrong passphrase?"))
    );
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

async fn wait_for_login(client: &reqwest::Client, address: &str) -> String {
    for _ in 0..200 {
        let response = client
            .post(format!("{address}/api/auth/login"))
            .json(&json!({"username": "admin", "password": crate::helpers::ADMIN_PASSWORD}))
            .send()
            .await;
        if let Ok(response) = response
            && response.status() == StatusCode::OK
        {
            return response.json::<Value>().await.expect("json")["access_token"]
                .as_str()
                .expect("token")
                .to_owned();
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("baton did not start on {address}");
}

/// A configured Baton: global settings, a project with configuration and two plans, an agent's
/// default configuration.
async fn arrange(app: &TestApp) -> String {
    json_of(put_global(app, json!({"limits": {"max_agents": 4}, "logs": {"retention_days": 30}})).await)
        .await;
    let project = app.create_project("shop").await;
    let id = project["id"].as_str().expect("id").to_owned();
    let config = json!({"env": {"REGION": "eu"}, "settings": {"limits": {"default_budget_usd": 2.0}}});
    json_of(app.put_json(&format!("/api/config/projects/{id}"), &json!({"config": config})).await).await;
    for name in ["build", "ship"] {
        let plan = json!({"name": name, "tasks": [{"id": "a", "agent": "writer", "prompt": "go"}, {"id": "b", "agent": "checker", "prompt": "check", "depends_on": ["a"], "timeout": "5m"}]});
        json_of(app.post_json(&format!("/api/projects/{id}/plans"), &plan).await).await;
    }
    json_of(app.put_json("/api/agents/writer/config", &json!({"runner": "claude", "model": "sonnet"})).await)
        .await;
    let server = json!({"name": "docs", "project_id": id, "type": "http", "url": "https://mcp.example.com/mcp", "headers": {"Authorization": {"secret": "Bearer abc"}}});
    json_of(app.post_json("/api/mcp-servers", &server).await).await;
    let webhook = json!({"name": "ci", "url": "https://hooks.example.com/baton", "events": ["execution:*"], "headers": {"X-Team": "shop"}});
    json_of(app.post_json("/api/webhooks", &webhook).await).await;
    id
}

async fn export(app: &TestApp) -> String {
    let response = app.post_json("/api/config/export", &json!({"format": "yaml"})).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-disposition"].to_str().expect("header").contains("baton-config.yaml")
    );
    response.text().await.expect("text")
}

/// The bundle without the line that differs between two exports.
fn comparable(bundle: &str) -> String {
    bundle.lines().filter(|line| !line.starts_with("exported_at:")).collect::<Vec<_>>().join("\n")
}

#[tokio::test]
async fn an_export_imported_into_a_fresh_baton_reproduces_the_configuration() {
    let app = spawn_app().await;
    arrange(&app).await;
    let bundle = export(&app).await;
    assert!(
        bundle.contains("baton_bundle: 1") && bundle.contains("name: shop") && bundle.contains("name: ship"),
        "{bundle}"
    );
    // Without a passphrase the secrets are left out, and a fresh Baton has none to keep.
    let fresh = spawn_app().await;
    let (status, _, fields) =
        error_of(fresh.post_json("/api/config/import?dry_run=true", &json!({"bundle": bundle})).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        fields["mcp_servers[0].headers.Authorization"].as_str().is_some_and(|m| m.contains("passphrase")),
        "{fields}"
    );
    let options = json!({"format": "yaml", "passphrase": "a long passphrase"});
    let sealed = app.post_json("/api/config/export", &options).await.text().await.expect("text");
    let imported = json!({"bundle": sealed, "passphrase": "a long passphrase"});

    let preview = json_of(fresh.post_json("/api/config/import?dry_run=true", &imported).await).await;
    assert_eq!((preview["dry_run"].as_bool(), preview["applied"].as_bool()), (Some(true), Some(false)));
    assert_eq!(
        preview["summary"],
        json!({"created": 8, "updated": 0, "deleted": 0, "unchanged": 0}),
        "{preview}"
    );
    assert_eq!(
        json_of(fresh.get("/api/config/global").await).await["version"],
        0,
        "a dry run changes nothing"
    );

    let applied = json_of(fresh.post_json("/api/config/import", &imported).await).await;
    assert_eq!(applied["applied"], true);
    assert_eq!(comparable(&export(&fresh).await), comparable(&bundle));
    assert_eq!(fresh.state.settings.current().limits.max_agents, 4);
    // Importing the same bundle again changes nothing.
    let again = json_of(fresh.post_json("/api/config/import", &json!({"bundle": bundle})).await).await;
    assert_eq!(again["summary"]["unchanged"], 8, "masked secrets keep the imported ones: {again}");
    let stored = baton::store::mcp::list(&fresh.state.db.reader).await.expect("servers");
    let headers = serde_json::to_value(&stored[0].config.headers).expect("json");
    let opened = baton::vault::tree::open(&headers, &fresh.state.vault).expect("open");
    assert_eq!(opened["Authorization"], "Bearer abc", "the secret came through the passphrase");
    assert_eq!(again["applied"], false);
}

#[tokio::test]
async fn a_dry_run_lists_field_diffs_and_a_bad_item_changes_nothing() {
    let app = spawn_app().await;
    let project_id = arrange(&app).await;
    let bundle = export(&app).await;
    let changed = bundle.replace("max_agents: 4", "max_agents: 6").replace("REGION: eu", "REGION: us");
    let mut value: Value = serde_norway::from_str(&changed).expect("yaml");
    value["projects"][0]["plans"].as_array_mut().expect("plans").retain(|plan| plan["name"] != "ship");
    value["projects"].as_array_mut().expect("projects").push(json!({"name": "new one", "plans": []}));
    let text = serde_json::to_string(&value).expect("json");

    let preview =
        json_of(app.post_json("/api/config/import?dry_run=true&prune=true", &json!({"bundle": text})).await)
            .await;
    let item = |kind: &str, key: &str| {
        preview["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["kind"] == kind && i["key"] == key)
            .cloned()
            .unwrap_or_else(|| panic!("{kind} {key} in {preview}"))
    };
    let global = item("global", "global");
    assert_eq!(
        (global["action"].as_str(), global["changes"].clone()),
        (Some("update"), json!([{"path": "limits.max_agents", "before": 4, "after": 6}]))
    );
    assert_eq!(
        item("project_config", "shop")["changes"],
        json!([{"path": "env.REGION", "before": "eu", "after": "us"}])
    );
    assert_eq!(item("plan", "shop / ship")["action"], "delete");
    assert_eq!(item("plan", "shop / build")["action"], "unchanged");
    assert_eq!(item("project", "new one")["action"], "create");
    assert_eq!(preview["summary"]["deleted"], 1);

    // One bad plan: the whole import is refused, naming it, and nothing changes.
    value["projects"][0]["plans"][0]["tasks"][1]["depends_on"] = json!(["missing"]);
    let bad = serde_json::to_string(&value).expect("json");
    let (status, _, fields) =
        error_of(app.post_json("/api/config/import?prune=true", &json!({"bundle": bad})).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        fields.as_object().expect("fields").keys().any(|k| k.starts_with("projects[0].plans[0]")),
        "{fields}"
    );
    assert_eq!(app.state.settings.current().limits.max_agents, 4);
    let plans = json_of(app.get(&format!("/api/projects/{project_id}/plans")).await).await;
    assert_eq!(plans["items"].as_array().map(Vec::len), Some(2), "{plans}");
    let projects = json_of(app.get("/api/projects").await).await;
    assert!(!projects.to_string().contains("new one"));

    // The good bundle applies all of it.
    let applied =
        json_of(app.post_json("/api/config/import?prune=true", &json!({"bundle": text})).await).await;
    assert_eq!(applied["applied"], true);
    assert_eq!(app.state.settings.current().limits.max_agents, 6);
    let plans = json_of(app.get(&format!("/api/projects/{project_id}/plans")).await).await;
    assert_eq!(plans["items"].as_array().map(Vec::len), Some(1));

    for (bundle, field) in
        [("{", "bundle"), ("baton_bundle: 2", "baton_bundle"), ("baton_bundle: 1\nextra: 1", "extra")]
    {
        let (status, _, fields) =
            error_of(app.post_json("/api/config/import?dry_run=true", &json!({"bundle": bundle})).await)
                .await;
        assert_eq!(
            (status, fields[field].is_string()),
            (StatusCode::UNPROCESSABLE_ENTITY, true),
            "{bundle}: {fields}"
        );
    }
}

#[tokio::test]
async fn the_cli_exports_and_imports_the_same_bundles() {
    let dir = tempfile::tempdir().expect("temp");
    let source = dir.path().join("source");
    let app = spawn_app_in(&source).await;
    arrange(&app).await;
    app.stop().await;
    let file = dir.path().join("bundle.yaml");
    let data = source.to_string_lossy().into_owned();
    let path = file.to_string_lossy().into_owned();
    let (code, _, stderr) = crate::cli::baton(
        &["export", "--data-dir", &data, "-o", &path, "--passphrase-stdin"],
        "a long passphrase\n",
    );
    assert_eq!(code, Some(0), "{stderr}");
    let target = dir.path().join("target").to_string_lossy().into_owned();
    let import = |extra: &[&str], stdin: &str| {
        let mut args = vec!["import", path.as_str(), "--data-dir", target.as_str()];
        args.extend(extra);
        crate::cli::baton(&args, stdin)
    };
    let (code, _, stderr) = import(&["--dry-run"], "");
    assert_eq!(code, Some(1), "without the passphrase the secrets cannot be read");
    assert!(stderr.contains("import with the export's passphrase"), "{stderr}");
    let (code, stdout, stderr) = import(&["--dry-run", "--passphrase-stdin"], "a long passphrase\n");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("would change: 8 created"), "{stdout}");
    assert!(stdout.contains("limits.max_agents: - → 4"), "{stdout}");
    let (code, stdout, _) = import(&["--passphrase-stdin"], "a long passphrase\n");
    assert_eq!((code, stdout.contains("changed: 8 created")), (Some(0), true), "{stdout}");
    std::fs::write(&file, "baton_bundle: 1\nglobal: {limits: {max_agents: 0}}\n").expect("write");
    let (code, _, stderr) =
        crate::cli::baton(&["import", &file.to_string_lossy(), "--data-dir", &target], "");
    assert_eq!(code, Some(1));
    assert!(stderr.contains("global.limits.max_agents: must be ≥ 1"), "{stderr}");
}

#[tokio::test]
async fn log_retention_deletes_old_runs_logs_when_it_is_set() {
    let app = spawn_app().await;
    let old = crate::engine::start_plan(
        &app,
        json!({"name": "old", "tasks": [{"id": "a", "agent": "w", "prompt": "x"}]}),
    )
    .await;
    wait_until_ended(&app, &old).await;
    let recent = crate::engine::start_plan(
        &app,
        json!({"name": "recent", "tasks": [{"id": "a", "agent": "w", "prompt": "x"}]}),
    )
    .await;
    wait_until_ended(&app, &recent).await;
    app.state.engine.flush_logs().await;
    sqlx::query("UPDATE agent_executions SET completed_at = '2020-01-01T00:00:00.000Z' WHERE id = ?")
        .bind(&old)
        .execute(app.db())
        .await
        .expect("backdate");
    let db = app.db().clone();
    let count = |id: String| {
        let db = db.clone();
        async move {
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM agent_logs WHERE execution_id = ?")
                .bind(id)
                .fetch_one(&db)
                .await
                .expect("count");
            n
        }
    };
    assert!(count(old.clone()).await > 0);
    json_of(put_global(&app, json!({"logs": {"retention_days": 30}})).await).await;
    for _ in 0..100 {
        if count(old.clone()).await == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(count(old).await, 0, "the old run's logs are gone");
    assert!(count(recent).await > 0, "the recent run keeps its logs");
}
