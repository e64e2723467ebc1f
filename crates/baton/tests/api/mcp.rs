//! MCP servers: discovery from Claude Code's files, real checks against the reference server
//! (`@modelcontextprotocol/server-everything`, installed under web/node_modules) over stdio and
//! streamable HTTP, broken servers, history, status changes, and Baton's own servers.

use std::{
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::process::{Child, Command};

use crate::{
    helpers::{TestApp, error_of, processes_of, spawn_app},
    realtime::connect,
};

/// The reference server's executable (a node script).
fn everything() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../web/node_modules/.bin/mcp-server-everything");
    let path = path.canonicalize().expect("mcp-server-everything is installed (npm ci in web/)");
    path.to_string_lossy().into_owned()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

/// `mcp-server-everything streamableHttp` on a free port, once it listens.
async fn http_server() -> (Child, u16) {
    serve_everything("streamableHttp").await
}

/// `mcp-server-everything <mode>` on a free port, once it listens.
async fn serve_everything(mode: &str) -> (Child, u16) {
    let port = free_port();
    let child = Command::new(everything())
        .arg(mode)
        .env("PORT", port.to_string())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("start the reference server");
    wait_for_port(port).await;
    (child, port)
}

async fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        assert!(Instant::now() < deadline, "nothing listens on {port}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn json_of(response: reqwest::Response) -> Value {
    response.json().await.expect("json")
}

/// Adds a server in Baton and returns its JSON.
async fn add(app: &TestApp, body: Value) -> Value {
    let response = app.post_json("/api/mcp-servers", &body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "adding {body}");
    json_of(response).await
}

async fn status(app: &TestApp, name: &str) -> Value {
    let response = app.get(&format!("/api/mcp-servers/{name}/status")).await;
    assert_eq!(response.status(), StatusCode::OK, "checking {name}");
    json_of(response).await
}

fn claude_json(app: &TestApp) -> PathBuf {
    app.data_dir.join("claude.json")
}

#[tokio::test]
async fn servers_are_discovered_from_claude_json_and_mcp_json_with_local_over_project_over_user() {
    let app = spawn_app().await;
    let project = app.create_project("Discovery").await;
    let (id, dir) = (project["id"].as_str().expect("id"), project["workspace_dir"].as_str().expect("dir"));
    std::fs::write(
        claude_json(&app),
        json!({
            "mcpServers": {
                "shared": {"command": "user-command"},
                "remote": {"type": "http", "url": "https://mcp.example.com/mcp",
                           "headers": {"Authorization": "Bearer ${BATON_TEST_TOKEN}", "X-Key": "plain-key-123"}}
            },
            "projects": {
                dir: {"mcpServers": {
                    "shared": {"command": "local-command-that-does-not-exist"},
                    "everything": {"command": format!("${{BATON_MCP_TEST_SURELY_UNSET:-{}}}", everything())}
                }},
                "/some/other/project": {"mcpServers": {"elsewhere": {"command": "x"}}}
            }
        })
        .to_string(),
    )
    .expect("write claude.json");
    std::fs::write(
        Path::new(dir).join(".mcp.json"),
        json!({"mcpServers": {"shared": {"command": "project-command"}, "team": {"command": "team-command"}}}).to_string(),
    )
    .expect("write .mcp.json");

    let listed = json_of(app.get(&format!("/api/mcp-servers?project_id={id}")).await).await;
    let servers = listed["servers"].as_array().expect("servers");
    let row = |name: &str, scope: &str| -> &Value {
        servers
            .iter()
            .find(|s| s["name"] == name && s["scope"] == scope)
            .unwrap_or_else(|| panic!("{name}/{scope} in {listed}"))
    };
    assert_eq!(servers.len(), 6, "{listed}");
    assert!(row("shared", "local")["overridden_by"].is_null());
    assert_eq!(row("shared", "project")["overridden_by"], "local");
    assert_eq!(row("shared", "user")["overridden_by"], "local");
    assert_eq!(row("shared", "local")["project_id"], id);
    assert!(row("shared", "user")["project_id"].is_null());
    assert_eq!(row("team", "project")["command"], "team-command");
    assert_eq!(row("remote", "user")["transport"], "http");
    assert_eq!(row("everything", "local")["status"], "unknown");
    // References are shown as written; a plain value in Claude Code's files may be a key.
    let headers = &row("remote", "user")["headers"];
    assert_eq!(headers["Authorization"], "Bearer ${BATON_TEST_TOKEN}");
    assert_eq!(headers["X-Key"], json!({"secret": "********"}));
    assert!(!listed.to_string().contains("plain-key-123"));

    // Without a project, the user scope is not overridden; a project's servers keep their id.
    let all = json_of(app.get("/api/mcp-servers").await).await;
    let user = all["servers"]
        .as_array()
        .expect("servers")
        .iter()
        .find(|s| s["scope"] == "user" && s["name"] == "shared");
    assert!(user.expect("user shared")["overridden_by"].is_null(), "{all}");

    // The check uses the winner: the local command, which does not exist.
    let shared = json_of(app.get(&format!("/api/mcp-servers/shared/status?project_id={id}")).await).await;
    assert_eq!(shared["error"]["kind"], "not_found", "{shared}");
    assert!(
        shared["error"]["message"].as_str().expect("message").contains("local-command-that-does-not-exist")
    );
    // `${VAR:-default}` in the command is expanded when it runs.
    let expanded =
        json_of(app.get(&format!("/api/mcp-servers/everything/status?project_id={id}")).await).await;
    assert_eq!(expanded["ok"], true, "{expanded}");

    let unknown = app.get(&format!("/api/mcp-servers/nope/status?project_id={id}")).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let no_project = app.get("/api/mcp-servers?project_id=no-such-project").await;
    assert_eq!(no_project.status(), StatusCode::NOT_FOUND);
    let local_only = app.get("/api/mcp-servers/everything/status").await;
    assert_eq!(local_only.status(), StatusCode::NOT_FOUND, "a local server is not global");
}

#[tokio::test]
async fn a_real_server_over_stdio_answers_with_its_name_version_and_tools_and_checks_are_kept() {
    let app = spawn_app().await;
    add(&app, json!({"name": "everything", "command": everything()})).await;

    let check = status(&app, "everything").await;
    assert_eq!(check["ok"], true, "{check}");
    assert_eq!(check["server_name"], "mcp-servers/everything");
    assert!(check["server_version"].as_str().is_some_and(|v| !v.is_empty()), "{check}");
    assert_eq!(check["protocol_version"], "2025-06-18");
    let tools = check["tools"].as_array().expect("tools");
    assert!(check["tool_count"].as_u64().expect("tool_count") > 0);
    assert_eq!(tools.len() as u64, check["tool_count"].as_u64().expect("count"));
    let echo = tools.iter().find(|t| t["name"] == "echo").expect("the echo tool");
    assert_eq!(echo["input_schema"]["type"], "object");

    let again = status(&app, "everything").await;
    assert_eq!(again["ok"], true);
    let history = json_of(app.get("/api/mcp-servers/everything/history").await).await;
    let checks = history["checks"].as_array().expect("checks");
    assert_eq!(checks.len(), 2, "{history}");
    assert_eq!(checks[0]["checked_at"], again["checked_at"], "newest first");
    assert!(checks[0]["tools"].is_null(), "history leaves tool lists out");
    let limited = json_of(app.get("/api/mcp-servers/everything/history?limit=1").await).await;
    assert_eq!(limited["checks"].as_array().expect("checks").len(), 1);

    let listed = json_of(app.get("/api/mcp-servers").await).await;
    let server = &listed["servers"][0];
    assert_eq!(server["status"], "ok");
    assert_eq!(server["last_check"]["tool_count"], check["tool_count"]);
}

#[tokio::test]
async fn streamable_http_servers_are_checked_with_secret_headers_that_are_never_shown() {
    let app = spawn_app().await;
    let (mut server, port) = http_server().await;
    let url = format!("http://127.0.0.1:{port}/mcp");
    let added = add(
        &app,
        json!({"name": "remote", "type": "http", "url": url,
               "headers": {"X-Api-Key": {"secret": "planted-mcp-secret-42"}, "X-Plain": "visible"}}),
    )
    .await;
    assert_eq!(added["headers"]["X-Api-Key"], json!({"secret": "********"}));
    assert_eq!(added["headers"]["X-Plain"], "visible");
    assert_eq!((added["scope"].as_str(), added["transport"].as_str()), (Some("baton"), Some("http")));

    let check = status(&app, "remote").await;
    assert_eq!(check["ok"], true, "{check}");
    assert_eq!(check["server_name"], "mcp-servers/everything");
    assert!(check["tool_count"].as_u64().expect("tool_count") > 0);

    let stored: String = sqlx::query_scalar("SELECT config FROM mcp_servers WHERE name = 'remote'")
        .fetch_one(app.db())
        .await
        .expect("row");
    assert!(!stored.contains("planted-mcp-secret-42") && stored.contains("sealed"), "{stored}");

    server.kill().await.expect("stop the server");
    let down = status(&app, "remote").await;
    assert_eq!(down["ok"], false);
    assert_eq!(down["error"]["kind"], "refused", "{down}");
}

#[tokio::test]
async fn broken_servers_say_why_and_a_server_that_never_answers_is_killed() {
    let app = spawn_app().await;
    add(&app, json!({"name": "missing", "command": "/no/such/mcp-server"})).await;
    add(&app, json!({"name": "quits", "command": "sh", "args": ["-c", "echo boom >&2; exit 3"]})).await;
    let marker = uuid::Uuid::new_v4().to_string();
    add(
        &app,
        json!({"name": "silent", "command": "sleep", "args": ["60"], "env": {"BATON_EXECUTION_ID": marker}}),
    )
    .await;
    add(&app, json!({"name": "nobody", "url": format!("http://127.0.0.1:{}/mcp", free_port())})).await;
    add(&app, json!({"name": "not-mcp", "url": format!("{}/api/no-such-route", app.address)})).await;

    let missing = status(&app, "missing").await;
    assert_eq!(
        (missing["ok"].as_bool(), missing["error"]["kind"].as_str()),
        (Some(false), Some("not_found"))
    );

    let quits = status(&app, "quits").await;
    assert_eq!(quits["error"]["kind"], "exited", "{quits}");
    assert_eq!(quits["error"]["exit_code"], 3);
    assert!(quits["error"]["stderr"].as_str().is_some_and(|s| s.contains("boom")), "{quits}");

    // The time a check may take is a setting, read when the check runs.
    app.state.settings.set_global(json!({"mcp": {"check_timeout": "3s"}}));
    let silent = status(&app, "silent").await;
    assert_eq!(silent["error"]["kind"], "timeout", "{silent}");
    assert!(silent["error"]["message"].as_str().is_some_and(|m| m.contains("3000 ms")), "{silent}");
    assert!(processes_of(&marker).is_empty(), "the process that never answered is gone");

    let nobody = status(&app, "nobody").await;
    assert_eq!(nobody["error"]["kind"], "refused", "{nobody}");
    let not_mcp = status(&app, "not-mcp").await;
    assert_eq!(not_mcp["error"]["kind"], "http", "{not_mcp}");
    assert_eq!(not_mcp["error"]["http_status"], 404);

    let listed = json_of(app.get("/api/mcp-servers").await).await;
    assert!(listed["servers"].as_array().expect("servers").iter().all(|s| s["status"] == "down"), "{listed}");
}

#[tokio::test]
async fn a_server_going_down_and_coming_back_is_announced_and_notified() {
    let app = spawn_app().await;
    let mut socket = connect(&app, Some(&app.token)).await.expect("connect");
    assert_eq!(socket.ask("subscribe:global", json!({})).await["ok"], true);
    add(&app, json!({"name": "flappy", "command": everything()})).await;
    assert_eq!(status(&app, "flappy").await["ok"], true);

    let broken = app.put_json("/api/mcp-servers/flappy", &json!({"command": "/no/such/server"})).await;
    assert_eq!(broken.status(), StatusCode::OK);
    assert_eq!(status(&app, "flappy").await["ok"], false);
    let events = socket.until(|name, _| name == "mcp:status").await;
    let (_, down) = events.last().expect("an event");
    assert_eq!((down["name"].as_str(), down["status"].as_str()), (Some("flappy"), Some("down")), "{down}");
    assert_eq!(down["previous"], "ok");
    assert_eq!(down["check"]["error"]["kind"], "not_found");

    // The periodic pass checks every server and sees it come back.
    let fixed = app.put_json("/api/mcp-servers/flappy", &json!({"command": everything()})).await;
    assert_eq!(fixed.status(), StatusCode::OK);
    assert_eq!(app.state.mcp.check_all().await.expect("a pass"), 1);
    let events = socket.until(|name, _| name == "mcp:status").await;
    let (_, up) = events.last().expect("an event");
    assert_eq!((up["status"].as_str(), up["previous"].as_str()), (Some("ok"), Some("down")), "{up}");

    let notifications = json_of(app.get("/api/notifications").await).await;
    let titles: Vec<&str> = notifications["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|n| n["kind"] == "mcp_status")
        .filter_map(|n| n["title"].as_str())
        .collect();
    assert_eq!(titles, ["MCP server flappy is back", "MCP server flappy is down"], "{notifications}");
    let history = json_of(app.get("/api/mcp-servers/flappy/history").await).await;
    let oks: Vec<bool> =
        history["checks"].as_array().expect("checks").iter().filter_map(|c| c["ok"].as_bool()).collect();
    assert_eq!(oks, [true, false, true]);
}

#[tokio::test]
async fn baton_servers_are_added_changed_and_removed_and_discovered_ones_are_not_theirs_to_change() {
    let app = spawn_app().await;
    let project = app.create_project("Owned").await;
    let id = project["id"].as_str().expect("id");
    let added = add(
        &app,
        json!({"name": "api", "project_id": id, "type": "http", "url": "http://127.0.0.1:9/mcp",
               "headers": {"Authorization": {"secret": "Bearer s3cret-value"}}}),
    )
    .await;
    assert_eq!(added["project_id"], id);
    assert_eq!(added["headers"]["Authorization"], json!({"secret": "********"}));
    assert_eq!((added["status"].as_str(), added["managed"].as_bool()), (Some("unknown"), Some(false)));
    assert!(added["last_check"].is_null());

    let again =
        app.post_json("/api/mcp-servers", &json!({"name": "api", "project_id": id, "command": "x"})).await;
    let (status_code, code, fields) = error_of(again).await;
    assert_eq!((status_code, code.as_str()), (StatusCode::CONFLICT, "conflict"));
    assert!(fields.get("name").is_some());
    // The same name globally is another server.
    add(&app, json!({"name": "api", "command": "x"})).await;

    let path = format!("/api/mcp-servers/api?project_id={id}");
    let changed = app
        .put_json(
            &path,
            &json!({"type": "http", "url": "http://127.0.0.1:10/mcp",
                                 "headers": {"Authorization": {"secret": "********"}}}),
        )
        .await;
    assert_eq!(changed.status(), StatusCode::OK);
    let changed = json_of(changed).await;
    assert_eq!(changed["url"], "http://127.0.0.1:10/mcp");
    assert_eq!(changed["headers"]["Authorization"], json!({"secret": "********"}));
    let stored: String = sqlx::query_scalar("SELECT config FROM mcp_servers WHERE project_id = ?")
        .bind(id)
        .fetch_one(app.db())
        .await
        .expect("row");
    let stored: Value = serde_json::from_str(&stored).expect("json");
    let opened = baton::vault::tree::open(&stored["headers"], &app.state.vault).expect("opens");
    assert_eq!(opened["Authorization"], "Bearer s3cret-value", "the masked value kept the secret");

    let unkept = app
        .put_json(&path, &json!({"url": "http://h/mcp", "headers": {"New": {"secret": "********"}}}))
        .await;
    let (status_code, _, fields) = error_of(unkept).await;
    assert_eq!(status_code, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fields.get("headers.New").is_some(), "{fields}");

    assert_eq!(app.delete(&path).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.delete(&path).await.status(), StatusCode::NOT_FOUND);
    let listed = json_of(app.get(&format!("/api/mcp-servers?project_id={id}")).await).await;
    let names: Vec<(&str, &str)> = listed["servers"]
        .as_array()
        .expect("servers")
        .iter()
        .map(|s| (s["name"].as_str().unwrap_or_default(), s["scope"].as_str().unwrap_or_default()))
        .collect();
    assert_eq!(names, [("api", "baton")], "only the global one is left");

    std::fs::write(claude_json(&app), json!({"mcpServers": {"found": {"command": "x"}}}).to_string())
        .expect("write");
    let (status_code, ..) =
        error_of(app.put_json("/api/mcp-servers/found", &json!({"command": "y"})).await).await;
    assert_eq!(status_code, StatusCode::CONFLICT);
    let (status_code, ..) = error_of(app.delete("/api/mcp-servers/found").await).await;
    assert_eq!(status_code, StatusCode::CONFLICT);
    assert_eq!(
        app.put_json("/api/mcp-servers/nope", &json!({"command": "y"})).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn bad_input_is_refused_naming_the_field() {
    let app = spawn_app().await;
    let cases = [
        (json!({"name": "bad name!", "command": "x"}), "name"),
        (json!({"command": "x"}), "name"),
        (json!({"name": "s", "type": "stdio"}), "command"),
        (json!({"name": "h", "type": "http"}), "url"),
        (json!({"name": "h", "type": "http", "url": "not a url"}), "url"),
        (json!({"name": "h", "type": "http", "url": "ftp://host/mcp"}), "url"),
        (json!({"name": "t", "type": "websocket", "url": "http://h"}), "type"),
        (json!({"name": "p", "project_id": "no-such-project", "command": "x"}), "project_id"),
        (json!({"name": "e", "command": "x", "env": {"K": 7}}), "env.K"),
        (json!({"name": "m", "command": "x", "managed": true}), "managed"),
        (json!({"name": "u", "command": "x", "surprise": 1}), "surprise"),
    ];
    for (body, field) in cases {
        let (status_code, code, fields) = error_of(app.post_json("/api/mcp-servers", &body).await).await;
        assert_eq!(
            (status_code, code.as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
            "{body}"
        );
        assert!(fields.get(field).is_some(), "{body}: expected {field} in {fields}");
    }
    add(&app, json!({"name": "ok", "command": "x"})).await;
    let (status_code, _, fields) = error_of(app.get("/api/mcp-servers/ok/history?limit=0").await).await;
    assert_eq!(status_code, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fields.get("limit").is_some());
    let (status_code, _, fields) = error_of(
        app.put_json("/api/mcp-servers/ok", &json!({"type": "http", "url": "http://h", "command": "x"}))
            .await,
    )
    .await;
    assert_eq!(status_code, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fields.get("command").is_some(), "{fields}");
}

#[tokio::test]
async fn managed_servers_run_under_baton_and_restart_until_they_answer() {
    let app = spawn_app().await;
    let port = free_port();
    add(
        &app,
        json!({"name": "hosted", "type": "http", "url": format!("http://127.0.0.1:{port}/mcp"),
               "command": everything(), "args": ["streamableHttp"], "env": {"PORT": port.to_string()},
               "managed": true}),
    )
    .await;
    let key = "baton::hosted";
    let first = app.state.mcp.supervisor.pid(key).await.expect("Baton started it");
    wait_for_port(port).await;

    let restarted = json_of(app.post_json("/api/mcp-servers/hosted/restart", &json!({})).await).await;
    assert_eq!(restarted["restarted"], true, "{restarted}");
    assert_eq!(restarted["check"]["ok"], true, "{restarted}");
    assert!(restarted["message"].as_str().is_some_and(|m| m.starts_with("restarted")));
    let second = app.state.mcp.supervisor.pid(key).await.expect("running again");
    assert_ne!(first, second, "a new process");
    assert!(!Path::new(&format!("/proc/{first}")).exists(), "the old process is gone");

    // Servers Baton does not run are checked again instead.
    add(&app, json!({"name": "plain", "command": "/no/such/server"})).await;
    let rechecked = json_of(app.post_json("/api/mcp-servers/plain/restart", &json!({})).await).await;
    assert_eq!(rechecked["restarted"], false);
    assert!(rechecked["message"].as_str().is_some_and(|m| m.contains("checked again")), "{rechecked}");
    assert_eq!(rechecked["check"]["error"]["kind"], "not_found");

    assert_eq!(app.delete("/api/mcp-servers/hosted").await.status(), StatusCode::NO_CONTENT);
    assert!(app.state.mcp.supervisor.pid(key).await.is_none());
    assert!(!Path::new(&format!("/proc/{second}")).exists(), "deleting stops it");
}

#[tokio::test]
async fn periodic_checks_follow_the_configured_interval_and_stop_at_zero() {
    let app = spawn_app().await;
    add(&app, json!({"name": "watched", "command": "/no/such/server"})).await;
    let count = || async {
        let history = json_of(app.get("/api/mcp-servers/watched/history").await).await;
        history["checks"].as_array().map_or(0, Vec::len)
    };
    assert_eq!(count().await, 0, "the first pass waits one interval");

    app.state.settings.set_global(json!({"mcp": {"check_interval": "1s"}}));
    let deadline = Instant::now() + Duration::from_secs(20);
    while count().await < 2 {
        assert!(Instant::now() < deadline, "no periodic checks");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    app.state.settings.set_global(json!({"mcp": {"check_interval": "0"}}));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let stopped_at = count().await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(count().await, stopped_at, "no checks with an interval of zero");
}

#[tokio::test]
async fn legacy_sse_servers_are_checked_over_their_event_stream() {
    let app = spawn_app().await;
    let (mut server, port) = serve_everything("sse").await;
    add(&app, json!({"name": "legacy", "type": "sse", "url": format!("http://127.0.0.1:{port}/sse")})).await;

    let check = status(&app, "legacy").await;
    assert_eq!(check["ok"], true, "{check}");
    assert_eq!(check["server_name"], "mcp-servers/everything");
    assert!(check["tool_count"].as_u64().expect("tool_count") > 0);
    server.kill().await.expect("stop the server");
}
