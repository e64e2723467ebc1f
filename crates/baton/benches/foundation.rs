//! `make bench`: the foundation's numbers, measured on the release binary as a user runs it.
//!
//! - start to the first 200 from /api/health (fresh data directory, and a restart);
//! - idle memory (RSS);
//! - `GET /api/projects?limit=50` with 10,000 projects, over loopback.

mod support;

use std::{path::Path, time::Duration};

use support::{report, rss_kib, start};

fn main() -> anyhow::Result<()> {
    let binary = support::binary();
    anyhow::ensure!(binary.exists(), "build the release binary first (make build): {}", binary.display());
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(run(&binary))
}

async fn run(binary: &Path) -> anyhow::Result<()> {
    let client = reqwest::Client::new();
    println!("# Baton foundation benchmarks ({})", binary.display());

    let mut fresh = Vec::new();
    let mut restart = Vec::new();
    let mut rss = Vec::new();
    for _ in 0..10 {
        let temp = tempfile::tempdir()?;
        let (server, elapsed) = start(binary, temp.path(), &client).await?;
        fresh.push(elapsed);
        tokio::time::sleep(Duration::from_secs(1)).await;
        rss.push(rss_kib(server.child.id())?);
        drop(server);
        let (_server, elapsed) = start(binary, temp.path(), &client).await?;
        restart.push(elapsed);
    }
    report("start to first 200, fresh data dir (creates the first admin)", &mut fresh);
    report("start to first 200, existing data dir", &mut restart);
    rss.sort_unstable();
    println!(
        "idle RSS: median {:.1} MB, max {:.1} MB",
        rss[rss.len() / 2] as f64 / 1024.0,
        rss[rss.len() - 1] as f64 / 1024.0
    );

    let temp = tempfile::tempdir()?;
    let (server, _) = start(binary, temp.path(), &client).await?;
    let token = server.sign_in(&client).await?;
    seed_projects(temp.path(), 10_000).await?;
    for (label, query) in [
        ("GET /api/projects?limit=50", "limit=50"),
        ("GET /api/projects?limit=50, 5th page", ""),
        ("GET /api/projects?limit=50&status=active", "limit=50&status=active"),
        ("GET /api/projects?limit=50&q=project 12", "limit=50&q=project%2012"),
    ] {
        let query = if query.is_empty() {
            fifth_page_query(&client, &server.url, &token).await?
        } else {
            query.to_owned()
        };
        let url = format!("{}/api/projects?{query}", server.url);
        let mut times = Vec::new();
        for i in 0..550 {
            let started = std::time::Instant::now();
            let response = client.get(&url).bearer_auth(&token).send().await?;
            anyhow::ensure!(response.status().is_success(), "{url}: {}", response.status());
            response.bytes().await?;
            if i >= 50 {
                times.push(started.elapsed());
            }
        }
        report(&format!("{label} with 10,000 projects (round trip)"), &mut times);
    }
    println!("RSS after the list benchmark: {:.1} MB", rss_kib(server.child.id())? as f64 / 1024.0);
    Ok(())
}

async fn fifth_page_query(client: &reqwest::Client, url: &str, token: &str) -> anyhow::Result<String> {
    let mut cursor = String::new();
    for _ in 0..4 {
        let page: serde_json::Value = client
            .get(format!("{url}/api/projects?limit=50&cursor={cursor}"))
            .bearer_auth(token)
            .send()
            .await?
            .json()
            .await?;
        cursor = page["next_cursor"].as_str().unwrap_or_default().to_owned();
    }
    Ok(format!("limit=50&cursor={cursor}"))
}

async fn seed_projects(data_dir: &Path, count: usize) -> anyhow::Result<()> {
    let url = format!("sqlite://{}", data_dir.join("baton.db").display());
    let pool = sqlx::SqlitePool::connect(&url).await?;
    let mut tx = pool.begin().await?;
    let statuses = ["inactive", "active", "archived"];
    for i in 0..count {
        let created = format!("2026-01-01 00:{:02}:{:02}.{:03}", i / 60_000 % 60, i / 1000 % 60, i % 1000);
        sqlx::query(
            "INSERT INTO projects (id, name, description, status, workspace_dir, config, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, '{\"level\":3}', ?, ?)",
        )
        .bind(format!("bench-{i:05}"))
        .bind(format!("Project {i}"))
        .bind("A project seeded by the benchmark, with a description of ordinary length.")
        .bind(statuses[i % 3])
        .bind(format!("/srv/work/project-{i}"))
        .bind(&created)
        .bind(&created)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    pool.close().await;
    Ok(())
}
