//! `make bench`: socket.io delivery on the release binary. Latency from a line being read to a
//! subscribed client at 1,000 lines a second; 100 subscribed clients following a run that logs
//! 10,000 lines a second: lines lost, and Baton's CPU and memory meanwhile.
//!
//! The clients speak engine.io over raw websockets and only count, so that they cost little of
//! the two cores they share with Baton.

mod support;

use std::{
    collections::BTreeSet,
    time::{Duration, Instant},
};

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use support::{Api, Server, rss_kib, start};
use tokio_tungstenite::tungstenite::Message;

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    runtime.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let binary = support::binary();
    anyhow::ensure!(binary.exists(), "build the release binary first (make build): {}", binary.display());
    println!("# Baton realtime benchmarks ({})", binary.display());
    let client = reqwest::Client::new();
    let temp = tempfile::tempdir()?;
    let (server, _) = start(&binary, temp.path(), &client).await?;
    let token = server.sign_in(&client).await?;
    let api = Api { client, url: server.url.clone(), token };
    let project = api.post("/api/projects", json!({"name": "realtime bench"})).await?;
    let project = project["id"].as_str().unwrap_or_default().to_owned();
    let fake = binary.to_string_lossy().into_owned();
    for (agent, command) in
        [("ticker", json!([fake, "fake-claude", "-p", "{prompt}"])), ("pause", json!(["sleep", "1"]))]
    {
        api.put(
            &format!("/api/agents/{agent}/config?project_id={project}"),
            json!({"runner": "command", "command": command}),
        )
        .await?;
    }

    // 1,000 lines a second for 10 s, one subscriber: read-to-client latency.
    let id = api.start(&project, ticking("latency", 10_000, 1_000)).await?;
    let mut one = Subscriber::connect(&server, &api.token, &id).await?;
    let (received, mut latencies) = one.follow(&api, &id, true).await?;
    latencies.sort_unstable();
    let at = |q: f64| {
        latencies.get(((latencies.len().saturating_sub(1)) as f64 * q) as usize).copied().unwrap_or(0)
    };
    println!(
        "1,000 lines/s to one subscriber: latency from read to client p50 {} ms, p99 {} ms, max {} ms ({} lines, {} lost)",
        at(0.5),
        at(0.99),
        at(1.0),
        received.len(),
        10_000 - received.len(),
    );

    // 10,000 lines a second for 10 s, 100 subscribers.
    let id = api.start(&project, ticking("fan-out", 100_000, 10_000)).await?;
    let mut subscribers = Vec::new();
    let clients: usize = std::env::var("BENCH_CLIENTS").ok().and_then(|v| v.parse().ok()).unwrap_or(100);
    for _ in 0..clients {
        subscribers.push(Subscriber::connect(&server, &api.token, &id).await?);
    }
    let pid = server.child.id();
    let (cpu_before, started) = (cpu_seconds(pid)?, Instant::now());
    let followers: Vec<_> = subscribers
        .into_iter()
        .map(|mut s| {
            let api = api.clone();
            let id = id.clone();
            tokio::spawn(async move { s.follow(&api, &id, false).await.map(|(seqs, _)| (seqs, s.lagged)) })
        })
        .collect();
    let mut lost = 0;
    let mut lagged = 0;
    for follower in followers {
        let (seqs, was_lagged) = follower.await??;
        lost += 100_000 - seqs.len().min(100_000);
        lagged += usize::from(was_lagged);
    }
    let wall = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds(pid)? - cpu_before;
    let rss_peak = rss_kib(pid)?.max(peak_kib(pid).unwrap_or(0));
    println!(
        "10,000 lines/s to 100 subscribers: {lost} lines lost in all, {lagged} clients lagged (and re-read), \
         Baton used {:.0}% of one CPU on average over {wall:.1} s, peak RSS {} MiB",
        cpu / wall * 100.0,
        rss_peak / 1024
    );
    drop(server);
    Ok(())
}

/// A plan that pauses a second (time to subscribe), then prints `lines` at `rate` a second.
fn ticking(name: &str, lines: u64, rate: u64) -> Value {
    json!({"name": name, "tasks": [
        {"id": "pause", "agent": "pause"},
        {"id": "tick", "agent": "ticker", "prompt": format!("[fake:flood={lines},rate={rate},delay=0]"), "depends_on": ["pause"]}
    ]})
}

struct Subscriber {
    socket: tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>,
    lagged: bool,
}

impl Subscriber {
    async fn connect(server: &Server, token: &str, execution_id: &str) -> anyhow::Result<Self> {
        let url = format!("{}/socket.io/?EIO=4&transport=websocket", server.url.replacen("http", "ws", 1));
        let (mut socket, _) = tokio_tungstenite::connect_async(url).await?;
        socket.next().await.ok_or_else(|| anyhow::anyhow!("no open packet"))??;
        socket.send(Message::text(format!("40{}", json!({"token": token})))).await?;
        // Events sent before the namespace accepted the connection would be dropped.
        loop {
            match socket.next().await {
                Some(Ok(Message::Text(text))) if text.starts_with("40") => break,
                Some(Ok(Message::Text(text))) if text.starts_with("44") => anyhow::bail!("refused: {text}"),
                Some(Ok(_)) => {}
                _ => anyhow::bail!("the socket closed during the handshake"),
            }
        }
        let logs = json!(["subscribe:logs", {"execution_id": execution_id}]);
        socket.send(Message::text(format!("421{logs}"))).await?;
        let execution = json!(["subscribe:execution", {"id": execution_id}]);
        socket.send(Message::text(format!("422{execution}"))).await?;
        Ok(Self { socket, lagged: false })
    }

    /// Reads frames until the execution ends; returns the flood lines' seqs (re-read through the
    /// API after a lag) and, if asked, each entry's latency in ms.
    async fn follow(
        &mut self,
        api: &Api,
        id: &str,
        latency: bool,
    ) -> anyhow::Result<(BTreeSet<i64>, Vec<i64>)> {
        // As the web app does: subscribed first, then read what came before through the API.
        let mut seqs: BTreeSet<i64> = api.flood_seqs(id, 0).await?.into_iter().collect();
        let mut latencies = Vec::new();
        let mut ended = false;
        while !ended {
            let message = tokio::time::timeout(Duration::from_secs(30), self.socket.next()).await;
            let text = match message {
                Ok(Some(Ok(Message::Text(text)))) => text,
                Ok(Some(Ok(_))) => continue,
                other => anyhow::bail!(
                    "the socket went quiet before the execution ended ({} seqs, lagged {}): {other:?}",
                    seqs.len(),
                    self.lagged
                ),
            };
            if text.as_str() == "2" {
                self.socket.send(Message::text("3")).await?;
                continue;
            }
            if let Some(payload) = text.strip_prefix("42[\"log:entry\",") {
                let received = now_ms();
                if latency {
                    let frame: Value = serde_json::from_str(payload.trim_end_matches(']'))?;
                    for entry in frame["entries"].as_array().into_iter().flatten() {
                        if entry["message"].as_str().is_some_and(|m| m.starts_with("flood line")) {
                            seqs.insert(entry["seq"].as_i64().unwrap_or_default());
                            latencies.extend(entry["at"].as_str().and_then(parse_ms).map(|at| received - at));
                        }
                    }
                } else {
                    seqs.extend(flood_seqs_in(payload));
                }
            } else if text.starts_with("42[\"lagged\"") {
                // Events were dropped, maybe the end too: re-read as the web app does.
                self.lagged = true;
                let execution = api.get(&format!("/api/executions/{id}")).await?;
                let after = seqs.last().copied().unwrap_or(0);
                seqs.extend(api.flood_seqs(id, after).await?);
                ended = !matches!(execution["status"].as_str(), Some("queued" | "running"));
            } else if ["completed", "failed", "cancelled"]
                .iter()
                .any(|s| text.starts_with(&format!("42[\"execution:{s}\"")))
            {
                // Every entry of an execution arrives before the event that ends it.
                ended = true;
            }
        }
        Ok((seqs, latencies))
    }
}

/// The seqs of flood lines in a frame's text, without parsing all of it (100 clients share two
/// cores with Baton). Entries' keys come sorted, so an entry's `seq` follows its `message`.
fn flood_seqs_in(frame: &str) -> Vec<i64> {
    let mut seqs = Vec::new();
    let mut rest = frame;
    while let Some(at) = rest.find("\"message\":\"flood line") {
        rest = &rest[at..];
        let Some(seq_at) = rest.find("\"seq\":") else { break };
        rest = &rest[seq_at + 6..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        seqs.extend(digits.parse::<i64>().ok());
    }
    seqs
}

/// The process's peak resident memory (VmHWM).
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?.split_whitespace().next()?.parse().ok()
}

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

fn parse_ms(text: &str) -> Option<i64> {
    let at = time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).ok()?;
    Some((at.unix_timestamp_nanos() / 1_000_000) as i64)
}

fn cpu_seconds(pid: u32) -> anyhow::Result<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap_or(0) + 1..].split_whitespace().collect();
    let jiffies: u64 = fields.get(11).and_then(|v| v.parse().ok()).unwrap_or(0)
        + fields.get(12).and_then(|v| v.parse().ok()).unwrap_or(0);
    Ok(jiffies as f64 / 100.0)
}

impl Api {
    /// Seqs of flood lines after `after`, through the API.
    async fn flood_seqs(&self, id: &str, mut after: i64) -> anyhow::Result<Vec<i64>> {
        let mut seqs = Vec::new();
        loop {
            let page = self.get(&format!("/api/executions/{id}/logs?after_seq={after}&limit=1000")).await?;
            let items = page["items"].as_array().cloned().unwrap_or_default();
            let Some(last) = items.last() else { return Ok(seqs) };
            after = last["seq"].as_i64().unwrap_or(after);
            seqs.extend(
                items
                    .iter()
                    .filter(|e| e["message"].as_str().is_some_and(|m| m.starts_with("flood line")))
                    .filter_map(|e| e["seq"].as_i64()),
            );
        }
    }
}
