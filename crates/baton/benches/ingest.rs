//! `make bench`: Claude Code hook and orchestrator.sh notify events ingested per second with 32
//! concurrent senders on keep-alive connections, each event a realistic body; every answer must
//! be 204 and every event must be in the database afterwards. Reports throughput and latency.
//!
//! The senders speak HTTP/1.1 over raw sockets and only read status lines, so that they cost
//! little of the two cores they share with Baton.

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use sqlx::sqlite::SqliteConnectOptions;
use support::{Api, report, start};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

const SENDERS: usize = 32;

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build()?;
    runtime.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let binary = support::binary();
    anyhow::ensure!(binary.exists(), "build the release binary first (make build): {}", binary.display());
    println!("# Baton ingest benchmarks ({})", binary.display());
    let seconds: u64 = std::env::var("BENCH_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let client = reqwest::Client::new();
    let temp = tempfile::tempdir()?;
    let (server, _) = start(&binary, temp.path(), &client).await?;
    let token = server.sign_in(&client).await?;
    let api = Api { client, url: server.url.clone(), token };
    let ingest = api.post("/api/tokens", json!({"name": "bench", "role": "ingest"})).await?;
    let ingest = ingest["token"].as_str().unwrap_or_default().to_owned();
    let address = server.url.trim_start_matches("http://").to_owned();

    let mut total = 0;
    for (label, path) in [("hooks", "/api/hooks/claude"), ("notify", "/api/webhooks/notify")] {
        let (sent, mut times) = load(&address, path, &ingest, Duration::from_secs(seconds), label).await?;
        total += sent;
        println!(
            "{label}: {sent} events in {seconds} s with {SENDERS} senders = {:.0} events/s",
            sent as f64 / seconds as f64
        );
        report(&format!("{label} response time"), &mut times);
        // Each of these events is exactly one log entry; a 204 means it was committed.
        let stored = stored(temp.path()).await?;
        println!("{label}: {stored} log entries stored for {total} events answered 204");
        anyhow::ensure!(stored == total as i64, "events were lost: {total} answered, {stored} stored");
    }
    drop(server);
    Ok(())
}

/// A realistic event for sender `n`, request `i`: hook events alternate PreToolUse and
/// PostToolUse of one tool call; notify events are agent:log lines.
fn body(label: &str, n: usize, i: u64) -> String {
    let session = format!("bench-session-{n:02}");
    let tool_use_id = format!("toolu_{n:02}_{}", i / 2);
    match (label, i % 2) {
        ("hooks", 0) => json!({"session_id": session, "transcript_path": format!("/home/u/.claude/projects/-home-u-shop/{session}.jsonl"),
            "cwd": "/home/u/shop", "hook_event_name": "PreToolUse", "permission_mode": "default", "tool_name": "Edit",
            "tool_use_id": tool_use_id, "tool_input": {"file_path": "/home/u/shop/src/api/orders.rs",
            "old_string": "fn list_orders(db: &Db) -> Vec<Order> {", "new_string": "fn list_orders(db: &Db, page: Page) -> Vec<Order> {"}}),
        ("hooks", _) => json!({"session_id": session, "transcript_path": format!("/home/u/.claude/projects/-home-u-shop/{session}.jsonl"),
            "cwd": "/home/u/shop", "hook_event_name": "PostToolUse", "permission_mode": "default", "tool_name": "Edit",
            "tool_use_id": tool_use_id, "tool_input": {"file_path": "/home/u/shop/src/api/orders.rs"},
            "tool_response": {"filePath": "/home/u/shop/src/api/orders.rs", "success": true}}),
        _ => json!({"event": "agent:log", "executionId": format!("bench-exec-{n:02}"), "projectId": "shop",
            "data": {"level": "info", "agentName": "backend-expert", "message": format!("step {i}: wrote the orders endpoint"),
            "metadata": {"file": "src/api/orders.rs"}}, "timestamp": "2025-08-01T10:00:00Z"}),
    }
    .to_string()
}

/// Runs `SENDERS` keep-alive connections for `duration`; returns the events sent and each
/// response time.
async fn load(
    address: &str,
    path: &str,
    token: &str,
    duration: Duration,
    label: &str,
) -> anyhow::Result<(u64, Vec<Duration>)> {
    let deadline = Instant::now() + duration;
    let mut senders = Vec::new();
    for n in 0..SENDERS {
        let (address, path, token, label) =
            (address.to_owned(), path.to_owned(), token.to_owned(), label.to_owned());
        senders.push(tokio::spawn(async move {
            let mut stream = TcpStream::connect(&address).await?;
            stream.set_nodelay(true)?;
            let mut times = Vec::new();
            let mut buffer = vec![0u8; 4096];
            let mut i = 0u64;
            while Instant::now() < deadline {
                let body = body(&label, n, i);
                let request = format!(
                    "POST {path} HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                    body.len()
                );
                let started = Instant::now();
                stream.write_all(request.as_bytes()).await?;
                let mut read = 0;
                // A 204 has no body: the response ends with its headers.
                while !buffer[..read].windows(4).any(|w| w == b"\r\n\r\n") {
                    let n = stream.read(&mut buffer[read..]).await?;
                    anyhow::ensure!(n > 0, "Baton closed the connection");
                    read += n;
                }
                times.push(started.elapsed());
                anyhow::ensure!(buffer.starts_with(b"HTTP/1.1 204"), "not 204: {}", String::from_utf8_lossy(&buffer[..read]));
                i += 1;
            }
            anyhow::Ok(times)
        }));
    }
    let mut all = Vec::new();
    for sender in senders {
        all.extend(sender.await??);
    }
    Ok((all.len() as u64, all))
}

/// Log entries in the database (each event writes exactly one).
async fn stored(data_dir: &std::path::Path) -> anyhow::Result<i64> {
    let options = SqliteConnectOptions::new().filename(data_dir.join("baton.db")).read_only(true);
    let mut connection = sqlx::ConnectOptions::connect(&options).await?;
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM agent_logs").fetch_one(&mut connection).await?)
}
