//! What the benchmarks share: the release binary, starting it, and reporting percentiles.

#![allow(dead_code)]

use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

/// The admin password the benchmarks start Baton with.
pub const ADMIN_PASSWORD: &str = "benchmark-admin-password";

/// The release binary (`make build`), or `BATON_BIN`.
pub fn binary() -> PathBuf {
    std::env::var_os("BATON_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/release/baton"))
}

pub struct Server {
    pub child: Child,
    pub url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let _ = self.child.wait();
    }
}

/// Starts Baton and returns when /api/health first answers 200, with the time that took.
pub async fn start(
    binary: &Path,
    data_dir: &Path,
    client: &reqwest::Client,
) -> anyhow::Result<(Server, Duration)> {
    start_with(binary, data_dir, client, &[]).await
}

/// [`start`] with more flags.
pub async fn start_with(
    binary: &Path,
    data_dir: &Path,
    client: &reqwest::Client,
    flags: &[&str],
) -> anyhow::Result<(Server, Duration)> {
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let url = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    let child = Command::new(binary)
        .args(["serve", "--port", &port.to_string(), "--data-dir"])
        .arg(data_dir)
        // Not the machine's own ~/.claude: its agents and workspace files are not the benchmark's.
        .arg("--claude-dir")
        .arg(data_dir.join("claude"))
        .arg("--claude-json")
        .arg(data_dir.join("claude.json"))
        .args(flags)
        .env("BATON_LOG", "warn")
        .env("BATON_ADMIN_PASSWORD", ADMIN_PASSWORD)
        // The benchmarks measure the server, not its per-token limit.
        .env("BATON_RATE_LIMIT", "1000000")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let server = Server { child, url };
    loop {
        if let Ok(response) = client.get(format!("{}/api/health", server.url)).send().await
            && response.status().is_success()
        {
            return Ok((server, started.elapsed()));
        }
        anyhow::ensure!(started.elapsed() < Duration::from_secs(10), "Baton did not answer within 10 s");
        tokio::time::sleep(Duration::from_micros(500)).await;
    }
}

pub fn rss_kib(pid: u32) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kib| kib.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("no VmRSS for {pid}"))
}

pub fn report(label: &str, times: &mut [Duration]) {
    times.sort_unstable();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1000.0;
    println!(
        "{label}: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms (n={})",
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0),
        times.len()
    );
}

impl Server {
    /// Signs in as the admin and returns the access token.
    pub async fn sign_in(&self, client: &reqwest::Client) -> anyhow::Result<String> {
        let response = client
            .post(format!("{}/api/auth/login", self.url))
            .json(&serde_json::json!({"username": "admin", "password": ADMIN_PASSWORD}))
            .send()
            .await?;
        anyhow::ensure!(response.status().is_success(), "sign-in failed: {}", response.status());
        let session: serde_json::Value = response.json().await?;
        Ok(session["access_token"].as_str().unwrap_or_default().to_owned())
    }
}

/// A signed-in API client for the benchmarks.
#[derive(Clone)]
pub struct Api {
    pub client: reqwest::Client,
    pub url: String,
    pub token: String,
}

impl Api {
    pub async fn post(&self, path: &str, body: serde_json::Value) -> anyhow::Result<serde_json::Value> {
        self.send(reqwest::Method::POST, path, body).await
    }

    pub async fn put(&self, path: &str, body: serde_json::Value) -> anyhow::Result<serde_json::Value> {
        self.send(reqwest::Method::PUT, path, body).await
    }

    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: serde_json::Value,
    ) -> anyhow::Result<serde_json::Value> {
        let response = self
            .client
            .request(method, format!("{}{path}", self.url))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await?;
        anyhow::ensure!(response.status().is_success(), "{path}: {}", response.status());
        Ok(response.json().await?)
    }

    pub async fn get(&self, path: &str) -> anyhow::Result<serde_json::Value> {
        Ok(self
            .client
            .get(format!("{}{path}", self.url))
            .bearer_auth(&self.token)
            .send()
            .await?
            .json()
            .await?)
    }

    /// Starts an inline plan in `project`; returns the execution's id.
    pub async fn start(&self, project: &str, plan: serde_json::Value) -> anyhow::Result<String> {
        let body = serde_json::json!({"project_id": project, "plan": plan});
        let execution = self.post("/api/executions", body).await?;
        Ok(execution["id"].as_str().unwrap_or_default().to_owned())
    }
}
