//! The real binary killed with SIGKILL mid-run, then started again; and a flood of output
//! measured against the server's peak memory.

use std::{
    net::TcpListener,
    path::Path,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use serde_json::{Value, json};

use crate::helpers::{ADMIN_PASSWORD, fake_claude, login, processes_of};

/// A Baton process on a data directory.
struct Server {
    child: Child,
    address: String,
    client: reqwest::Client,
    token: String,
}

impl Server {
    async fn start(data_dir: &Path) -> Self {
        let port = TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
        let child = Command::new(env!("CARGO_BIN_EXE_baton"))
            .args(["serve", "--port", &port.to_string(), "--no-example", "--data-dir"])
            .arg(data_dir)
            .env("BATON_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .env("BATON_CLAUDE_BIN", fake_claude(data_dir))
            .env("BATON_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("baton starts");
        let address = format!("http://127.0.0.1:{port}");
        let client = reqwest::Client::new();
        let started = Instant::now();
        while client.get(format!("{address}/api/health")).send().await.is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "baton did not start");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let token = login(&client, &address, "admin", ADMIN_PASSWORD).await;
        Self { child, address, client, token }
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        let response = self
            .client
            .post(format!("{}{path}", self.address))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .expect("request");
        assert!(response.status().is_success(), "{path}: {}", response.status());
        response.json().await.expect("json")
    }

    async fn get(&self, path: &str) -> Value {
        self.client
            .get(format!("{}{path}", self.address))
            .bearer_auth(&self.token)
            .send()
            .await
            .expect("request")
            .json()
            .await
            .expect("json")
    }

    async fn start_plan(&self, plan: Value) -> String {
        let project = self.post("/api/projects", json!({"name": "restart"})).await;
        self.post("/api/executions", json!({"project_id": project["id"], "plan": plan})).await["id"]
            .as_str()
            .expect("id")
            .to_owned()
    }

    fn peak_rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).expect("status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .expect("VmHWM")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn wait_for(what: &str, mut condition: impl FnMut() -> bool) {
    let started = Instant::now();
    while !condition() {
        assert!(started.elapsed() < Duration::from_secs(30), "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_baton_killed_mid_run_marks_the_execution_interrupted_on_restart_and_leaves_no_process() {
    let temp = tempfile::tempdir().expect("temp");
    let data = temp.path().join("data");
    let mut first = Server::start(&data).await;
    let id = first
        .start_plan(json!({"name": "long", "tasks": [
        {"id": "a", "agent": "backend-expert", "prompt": "[fake:hang]"},
        {"id": "b", "agent": "backend-expert", "prompt": "[fake:grandchildren]"}]}))
        .await;
    wait_for("the agents to start", || processes_of(&id).len() >= 4).await;

    first.child.kill().expect("SIGKILL");
    first.child.wait().expect("reaped");
    assert!(!processes_of(&id).is_empty(), "agents outlive a SIGKILLed Baton until it comes back");
    let second = Server::start(&data).await;

    let execution = second.get(&format!("/api/executions/{id}")).await;
    assert_eq!(execution["status"], "interrupted", "{execution}");
    assert!(execution["tasks"].as_array().expect("tasks").iter().all(|t| t["status"] == "cancelled"));
    wait_for("the left-over processes to end", || processes_of(&id).is_empty()).await;
    let logs = second.get(&format!("/api/executions/{id}/logs?q=interrupted")).await;
    assert!(!logs["items"].as_array().expect("items").is_empty(), "a log entry says so");
}

#[tokio::test]
async fn a_100_mb_burst_without_newlines_does_not_exhaust_memory() {
    let temp = tempfile::tempdir().expect("temp");
    let server = Server::start(&temp.path().join("data")).await;
    let before = server.peak_rss_kib();

    let id = server
        .start_plan(json!({"name": "burst", "tasks": [
        {"id": "flood", "agent": "backend-expert", "prompt": "[fake:burst=100000000,delay=0]"}]}))
        .await;
    let started = Instant::now();
    loop {
        let status = server.get(&format!("/api/executions/{id}")).await["status"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        if status == "completed" {
            break;
        }
        assert!(!["failed", "cancelled"].contains(&status.as_str()), "{status}");
        assert!(started.elapsed() < Duration::from_secs(60), "still {status}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let peak = server.peak_rss_kib();
    assert!(peak < before + 50 * 1024, "peak RSS grew from {before} KiB to {peak} KiB for a 100 MB burst");
}
