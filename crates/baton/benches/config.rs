//! `make bench`: configuration, MCP checks and outbound webhooks on the release binary.
//! - saving the global configuration (validated, secrets sealed, a version written, in force
//!   when the answer arrives): latency of 200 saves;
//! - importing a bundle of 50 projects with 5 plans each: dry run and apply;
//! - an MCP health check of the reference server over stdio (process start, `initialize`,
//!   `tools/list`);
//! - webhook deliveries to a receiver on this machine: from the test event's request to the
//!   signed request arriving, and how many a second the outbox sends.

mod support;

use std::{
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use axum::{Router, routing::post};
use serde_json::json;
use support::{Api, report, start_with};

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build()?;
    runtime.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let binary = support::binary();
    anyhow::ensure!(binary.exists(), "build the release binary first (make build): {}", binary.display());
    println!("# Baton configuration, MCP and webhook benchmarks ({})", binary.display());
    let client = reqwest::Client::new();
    let temp = tempfile::tempdir()?;
    let (server, _) =
        start_with(&binary, temp.path(), &client, &["--allow-private-webhooks", "--no-example"]).await?;
    let token = server.sign_in(&client).await?;
    let api = Api { client, url: server.url.clone(), token };

    saves(&api).await?;
    import(&api).await?;
    mcp_checks(&api).await?;
    webhooks(&api).await?;
    drop(server);
    Ok(())
}

async fn saves(api: &Api) -> anyhow::Result<()> {
    let mut times = Vec::new();
    for i in 0..200 {
        let config = json!({"limits": {"max_agents": 2 + i % 7}, "runner": {"env": {"KEY": {"secret": format!("s-{i}")}}}});
        let started = Instant::now();
        let view = api.put("/api/config/global", json!({ "config": config })).await?;
        times.push(started.elapsed());
        anyhow::ensure!(
            view["effective"]["limits"]["max_agents"] == json!(2 + i % 7),
            "not in force: {view}"
        );
    }
    report("save the global configuration (a new version each)", &mut times);
    Ok(())
}

async fn import(api: &Api) -> anyhow::Result<()> {
    let tasks: Vec<_> = (0..8)
        .map(|t| json!({"id": format!("t{t}"), "agent": "writer", "prompt": "go", "depends_on": if t > 0 { vec![format!("t{}", t - 1)] } else { vec![] }}))
        .collect();
    let projects: Vec<_> = (0..50)
        .map(|p| {
            let plans: Vec<_> =
                (0..5).map(|n| json!({"name": format!("plan-{n}"), "tasks": tasks})).collect();
            json!({"name": format!("bench project {p}"), "config": {"env": {"REGION": "eu"}}, "plans": plans})
        })
        .collect();
    let bundle = json!({"baton_bundle": 1, "global": {"logs": {"retention_days": 30}}, "projects": projects})
        .to_string();
    for (label, query) in [("dry run", "?dry_run=true"), ("apply", ""), ("again, nothing to change", "")] {
        let started = Instant::now();
        let report = api.post(&format!("/api/config/import{query}"), json!({ "bundle": bundle })).await?;
        let elapsed = started.elapsed();
        println!(
            "import of 50 projects × 5 plans (351 items), {label}: {:.0} ms ({})",
            elapsed.as_secs_f64() * 1000.0,
            report["summary"]
        );
    }
    Ok(())
}

async fn mcp_checks(api: &Api) -> anyhow::Result<()> {
    let everything = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../web/node_modules/.bin/mcp-server-everything");
    if !everything.exists() {
        println!("MCP check: skipped, {} is not installed (npm ci in web/)", everything.display());
        return Ok(());
    }
    api.post("/api/mcp-servers", json!({"name": "everything", "type": "stdio", "command": everything}))
        .await?;
    let mut times = Vec::new();
    for _ in 0..10 {
        let started = Instant::now();
        let check = api.get("/api/mcp-servers/everything/status").await?;
        times.push(started.elapsed());
        anyhow::ensure!(check["ok"] == json!(true), "the reference server's check failed: {check}");
    }
    report("MCP check of the reference server over stdio (spawn, initialize, tools/list)", &mut times);
    Ok(())
}

async fn webhooks(api: &Api) -> anyhow::Result<()> {
    let arrived: Arc<Mutex<Vec<Instant>>> = Arc::default();
    let record = arrived.clone();
    let app = Router::new().route(
        "/hook",
        post(move || {
            let record = record.clone();
            async move {
                record.lock().map(|mut times| times.push(Instant::now())).ok();
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/hook", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, app).await });
    let hook = api.post("/api/webhooks", json!({"name": "bench", "url": url})).await?;
    let id = hook["id"].as_str().unwrap_or_default().to_owned();

    let mut times = Vec::new();
    for _ in 0..50 {
        let before = arrived.lock().map(|t| t.len()).unwrap_or_default();
        let started = Instant::now();
        api.post(&format!("/api/webhooks/{id}/test"), json!({})).await?;
        while arrived.lock().map(|t| t.len()).unwrap_or_default() == before {
            anyhow::ensure!(started.elapsed() < Duration::from_secs(10), "a test delivery did not arrive");
            tokio::time::sleep(Duration::from_micros(200)).await;
        }
        times.push(started.elapsed());
    }
    report("webhook test event: request to signed delivery received", &mut times);

    let burst = 500;
    let before = arrived.lock().map(|t| t.len()).unwrap_or_default();
    let started = Instant::now();
    for _ in 0..burst {
        api.post(&format!("/api/webhooks/{id}/test"), json!({})).await?;
    }
    while arrived.lock().map(|t| t.len()).unwrap_or_default() < before + burst {
        anyhow::ensure!(started.elapsed() < Duration::from_secs(120), "the burst was not delivered");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "webhooks: {burst} deliveries queued and delivered in {elapsed:.2} s = {:.0} deliveries/s",
        burst as f64 / elapsed
    );
    Ok(())
}
