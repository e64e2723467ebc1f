use std::path::{Path, PathBuf};

use baton::{
    app::{AppState, Application},
    config::{LogFormat, ServeArgs},
};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::{sync::oneshot, task::JoinHandle};

/// A running Baton and a client for it. Dropping it stops the server.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    /// An admin's access token: the helpers below send it.
    pub token: String,
    pub data_dir: PathBuf,
    /// The app's own state: its database pools, for arranging what the API cannot make yet.
    pub state: AppState,
    /// Keeps the temporary directory alive for the test's duration.
    _temp: Option<TempDir>,
    stop: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<anyhow::Result<()>>>,
}

/// Starts Baton on a free port with a fresh data directory.
pub async fn spawn_app() -> TestApp {
    let temp = tempfile::tempdir().expect("temp dir");
    let mut app = spawn_app_in(&temp.path().join("data")).await;
    app._temp = Some(temp);
    app
}

/// The password of the `admin` user every test app starts with.
pub const ADMIN_PASSWORD: &str = "admin-password-for-tests";

/// Starts Baton on a free port with the given data directory, signed in as `admin`.
pub async fn spawn_app_in(data_dir: &Path) -> TestApp {
    spawn_app_with(data_dir, |_| {}).await
}

/// Starts Baton with flags changed by `configure`.
pub async fn spawn_app_with(data_dir: &Path, configure: impl FnOnce(&mut ServeArgs)) -> TestApp {
    let mut args = ServeArgs {
        host: "127.0.0.1".parse().expect("address"),
        port: 0,
        data_dir: Some(data_dir.to_path_buf()),
        log_format: LogFormat::Pretty,
        log: "warn".into(),
        cors_origins: vec!["http://allowed.example".into()],
        admin_password: Some(ADMIN_PASSWORD.into()),
        refresh_reuse_grace_s: 0,
        rate_limit: 200,
        claude_bin: fake_claude(data_dir),
        max_agents: 8,
        kill_grace: std::time::Duration::from_secs(2),
        no_example: true,
        claude_dir: Some(data_dir.join("claude")),
        claude_json: Some(data_dir.join("claude.json")),
        agents_dirs: Vec::new(),
        workspaces_dirs: Vec::new(),
        allow_private_webhooks: false,
        webhook_backoff_base: std::time::Duration::from_secs(30),
    };
    configure(&mut args);
    let app = Application::build(&args).await.expect("the app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state().clone();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until_stopped(async {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::new();
    let token = login(&client, &address, "admin", ADMIN_PASSWORD).await;
    TestApp {
        address,
        client,
        token,
        data_dir: data_dir.to_path_buf(),
        state,
        _temp: None,
        stop: Some(stop),
        server: Some(server),
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// Stops the server gracefully and waits until it has closed the database.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            server.await.expect("server task").expect("server stopped cleanly");
        }
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).bearer_auth(&self.token).send().await.expect("request")
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Response {
        self.client.post(self.url(path)).bearer_auth(&self.token).json(body).send().await.expect("request")
    }

    pub async fn put_json(&self, path: &str, body: &Value) -> Response {
        self.client.put(self.url(path)).bearer_auth(&self.token).json(body).send().await.expect("request")
    }

    pub async fn delete(&self, path: &str) -> Response {
        self.client.delete(self.url(path)).bearer_auth(&self.token).send().await.expect("request")
    }

    /// A request with the given bearer token (or none), and a JSON body for methods that take one.
    pub async fn request_as(&self, method: reqwest::Method, path: &str, token: Option<&str>) -> Response {
        let mut request = self.client.request(method.clone(), self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if method == reqwest::Method::POST || method == reqwest::Method::PUT {
            request = request.json(&json!({}));
        }
        request.send().await.expect("request")
    }

    /// Adds a user with `role` and returns their access token.
    pub async fn user_token(&self, username: &str, role: &str) -> String {
        let password = format!("{username}-password-123");
        let created = self
            .post_json("/api/users", &json!({"username": username, "password": password, "role": role}))
            .await;
        assert_eq!(created.status(), StatusCode::CREATED, "creating user {username}");
        login(&self.client, &self.address, username, &password).await
    }

    /// Creates an API token with `role` and returns its secret.
    pub async fn api_token(&self, role: &str) -> String {
        let created =
            self.post_json("/api/tokens", &json!({"name": format!("{role} token"), "role": role})).await;
        assert_eq!(created.status(), StatusCode::CREATED, "creating a {role} token");
        created.json::<Value>().await.expect("json")["token"].as_str().expect("token").to_owned()
    }

    pub async fn post_raw(&self, path: &str, content_type: &str, body: impl Into<reqwest::Body>) -> Response {
        self.client
            .post(self.url(path))
            .bearer_auth(&self.token)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request")
    }

    /// Creates a project and returns its JSON, asserting success.
    pub async fn create_project(&self, name: &str) -> Value {
        let response = self.post_json("/api/projects", &json!({ "name": name })).await;
        assert_eq!(response.status(), StatusCode::CREATED, "creating {name}");
        response.json().await.expect("json")
    }

    /// The app's writing connection, for arranging states the API cannot make yet.
    pub fn db(&self) -> &sqlx::SqlitePool {
        &self.state.db.writer
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// A `claude` for tests: a script that runs `baton fake-claude` (see `src/fake_claude.rs`).
pub fn fake_claude(data_dir: &Path) -> String {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(data_dir).expect("data dir");
    let path = data_dir.join("fake-claude");
    let script = format!("#!/bin/sh\nexec '{}' fake-claude \"$@\"\n", env!("CARGO_BIN_EXE_baton"));
    std::fs::write(&path, script).expect("write fake claude");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path.to_string_lossy().into_owned()
}

/// Signs in and returns the access token.
pub async fn login(client: &reqwest::Client, address: &str, username: &str, password: &str) -> String {
    let response = client
        .post(format!("{address}/api/auth/login"))
        .json(&json!({"username": username, "password": password}))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK, "signing in as {username}");
    response.json::<Value>().await.expect("json")["access_token"].as_str().expect("access_token").to_owned()
}

/// Reads an error response: status, `error.code`, and `error.fields`.
pub async fn error_of(response: Response) -> (StatusCode, String, Value) {
    let status = response.status();
    let body: Value = response.json().await.expect("error body is JSON");
    let code = body["error"]["code"].as_str().expect("error.code").to_owned();
    assert!(body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "error.message in {body}");
    (status, code, body["error"]["fields"].clone())
}

/// Processes on this machine started for `execution_id` (every task process has it in its
/// environment), found by scanning /proc.
pub fn processes_of(execution_id: &str) -> Vec<u32> {
    let marker = format!("BATON_EXECUTION_ID={execution_id}");
    std::fs::read_dir("/proc")
        .expect("/proc")
        .filter_map(Result::ok)
        .filter_map(|entry| {
            entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()).map(|pid| (pid, entry.path()))
        })
        .filter(|(_, path)| {
            // Zombies have no environment left: they are gone for our purpose once reaped.
            std::fs::read(path.join("environ"))
                .is_ok_and(|env| env.split(|b| *b == 0).any(|v| v == marker.as_bytes()))
        })
        .map(|(pid, _)| pid)
        .collect()
}
