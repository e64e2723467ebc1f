//! `make bench`: the engine's overhead per task, output capture rate and memory, and how long a
//! cancel takes until the last process is gone; on the release binary.

mod support;

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::{Api, Server, rss_kib, start};

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let binary = support::binary();
    anyhow::ensure!(binary.exists(), "build the release binary first (make build): {}", binary.display());
    println!("# Baton engine benchmarks ({})", binary.display());
    let client = reqwest::Client::new();
    let temp = tempfile::tempdir()?;
    let (server, _) = start(&binary, temp.path(), &client).await?;
    let api = Api { client: client.clone(), url: server.url.clone(), token: server.sign_in(&client).await? };
    let project = api.post("/api/projects", json!({"name": "bench"})).await?;
    let project = project["id"].as_str().unwrap_or_default().to_owned();
    for (agent, command) in [
        ("true", json!(["true"])),
        ("seq", json!(["sh", "-c", "seq 1000000"])),
        ("sleep", json!(["sleep", "1000"])),
    ] {
        api.put(
            &format!("/api/agents/{agent}/config?project_id={project}"),
            json!({"runner": "command", "command": command}),
        )
        .await?;
    }

    let wide: Vec<Value> = (0..200).map(|i| json!({"id": format!("t{i}"), "agent": "true"})).collect();
    let elapsed = api.run(&project, json!({"name": "wide", "max_parallel": 8, "tasks": wide})).await?;
    println!(
        "200 tasks of `true`, max_parallel 8: {:.2} s in all, {:.1} ms of slot time per task",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 * 8.0 / 200.0
    );
    let chain: Vec<Value> = (0..50)
        .map(|i| {
            if i == 0 {
                json!({"id": "c0", "agent": "true"})
            } else {
                json!({"id": format!("c{i}"), "agent": "true", "depends_on": [format!("c{}", i - 1)]})
            }
        })
        .collect();
    let elapsed = api.run(&project, json!({"name": "chain", "tasks": chain})).await?;
    println!(
        "a chain of 50 `true` tasks: {:.2} s, {:.1} ms per task from one start to the next",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / 50.0
    );

    let before = rss_kib(server.child.id())?;
    let started = Instant::now();
    let id = api.start(&project, json!({"name": "lines", "tasks": [{"id": "seq", "agent": "seq"}]})).await?;
    api.wait(&id).await?;
    let elapsed = started.elapsed();
    let captured = count_lines(&api, &id).await?;
    println!(
        "a child printing 1,000,000 lines: {captured} captured and committed in {:.2} s, {:.0} lines/s into SQLite; RSS {:.1} MB before, peak {:.1} MB",
        elapsed.as_secs_f64(),
        captured as f64 / elapsed.as_secs_f64(),
        before as f64 / 1024.0,
        peak_kib(&server)? as f64 / 1024.0
    );

    let sleepers: Vec<Value> = (0..8).map(|i| json!({"id": format!("s{i}"), "agent": "sleep"})).collect();
    let id = api.start(&project, json!({"name": "sleepers", "max_parallel": 8, "tasks": sleepers})).await?;
    while processes_of(&id) < 8 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let started = Instant::now();
    api.post(&format!("/api/executions/{id}/cancel"), json!({})).await?;
    while processes_of(&id) > 0 {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let gone = started.elapsed();
    api.wait(&id).await?;
    println!(
        "cancel of 8 running agents: last process gone after {:.1} ms, execution cancelled after {:.1} ms",
        gone.as_secs_f64() * 1000.0,
        started.elapsed().as_secs_f64() * 1000.0
    );
    Ok(())
}

impl Api {
    async fn wait(&self, id: &str) -> anyhow::Result<Value> {
        loop {
            let execution = self.get(&format!("/api/executions/{id}")).await?;
            if !matches!(execution["status"].as_str(), Some("queued" | "running")) {
                return Ok(execution);
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    /// Starts a plan and returns the time until it completed.
    async fn run(&self, project: &str, plan: Value) -> anyhow::Result<Duration> {
        let started = Instant::now();
        let id = self.start(project, plan).await?;
        let execution = self.wait(&id).await?;
        anyhow::ensure!(execution["status"] == "completed", "{}", execution["status"]);
        Ok(started.elapsed())
    }
}

/// Lines stored for the execution's task (the task's own output, not Baton's system lines).
async fn count_lines(api: &Api, id: &str) -> anyhow::Result<u64> {
    let mut after = 0;
    let mut count = 0;
    loop {
        let page =
            api.get(&format!("/api/executions/{id}/logs?after_seq={after}&limit=5000&level=info")).await?;
        let items = page["items"].as_array().cloned().unwrap_or_default();
        if items.is_empty() {
            return Ok(count);
        }
        count += items.iter().filter(|e| e["kind"] == "stdout").count() as u64;
        after = page["last_seq"].as_i64().unwrap_or(after);
    }
}

fn peak_kib(server: &Server) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.child.id()))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("no VmHWM"))
}

/// Processes whose environment names this execution.
fn processes_of(execution_id: &str) -> usize {
    let marker = format!("BATON_EXECUTION_ID={execution_id}");
    std::fs::read_dir("/proc")
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| {
                    std::fs::read(e.path().join("environ"))
                        .is_ok_and(|env| env.split(|b| *b == 0).any(|v| v == marker.as_bytes()))
                })
                .count()
        })
        .unwrap_or(0)
}
