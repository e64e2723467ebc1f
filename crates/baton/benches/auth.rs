//! `make bench`: what sign-in costs (argon2id, by design) and what checking a token costs on
//! every request (an HMAC and a map lookup, no database).

mod support;

use std::{
    hint::black_box,
    time::{Duration, Instant},
};

use baton::{app::AppState, auth::jwt, domain::user::Role};
use support::{ADMIN_PASSWORD, report, start};

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    println!("# Baton sign-in and token benchmarks");
    in_process().await?;

    let binary = support::binary();
    anyhow::ensure!(binary.exists(), "build the release binary first (make build): {}", binary.display());
    let client = reqwest::Client::new();
    let temp = tempfile::tempdir()?;
    let (server, _) = start(&binary, temp.path(), &client).await?;
    let mut logins = Vec::new();
    for _ in 0..20 {
        let started = Instant::now();
        let response = client
            .post(format!("{}/api/auth/login", server.url))
            .json(&serde_json::json!({"username": "admin", "password": ADMIN_PASSWORD}))
            .send()
            .await?;
        anyhow::ensure!(response.status().is_success(), "sign-in failed: {}", response.status());
        logins.push(started.elapsed());
    }
    report("POST /api/auth/login (argon2id m=19 MiB, t=2)", &mut logins);

    let token = server.sign_in(&client).await?;
    for (label, path, bearer) in [
        ("GET /api/health (no token)", "/api/health", None),
        ("GET /api/auth/me (token checked)", "/api/auth/me", Some(&token)),
    ] {
        let mut times = Vec::new();
        for i in 0..2_050 {
            let mut request = client.get(format!("{}{path}", server.url));
            if let Some(token) = bearer {
                request = request.bearer_auth(token);
            }
            let started = Instant::now();
            let response = request.send().await?;
            anyhow::ensure!(response.status().is_success(), "{path}: {}", response.status());
            response.bytes().await?;
            if i >= 50 {
                times.push(started.elapsed());
            }
        }
        report(label, &mut times);
    }
    Ok(())
}

/// Token checks inside the process, where the cost is not hidden by the network.
async fn in_process() -> anyhow::Result<()> {
    let temp = tempfile::tempdir()?;
    let app = AppState::open(temp.path()).await?;
    let user = baton::api::users::create(&app, "bench".into(), "bench-password".into(), Role::Operator)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let (access, _) = app.auth.issue_access_token(&user);
    let (_, api_token) = baton::api::tokens::create(&app, "bench", Role::Viewer.into(), None)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let now = jwt::Keys::from_secret([1; 32]);
    let signed = now.sign(&jwt::Claims {
        sub: "u".into(),
        name: "n".into(),
        role: Role::Viewer,
        epoch: 0,
        iat: 0,
        exp: i64::MAX,
    });

    const N: u32 = 200_000;
    let report = |label: &str, elapsed: Duration| {
        let per = elapsed / N;
        println!("{label}: {:.2} µs per check (n={N})", per.as_secs_f64() * 1e6);
    };
    let started = Instant::now();
    for _ in 0..N {
        assert!(now.verify(black_box(&signed), 1).is_ok());
    }
    report("JWT signature and claims (Keys::verify)", started.elapsed());
    for (label, token) in [
        ("access token, full check (Auth::authenticate)", &access),
        ("API token, full check (Auth::authenticate)", &api_token),
    ] {
        let started = Instant::now();
        for _ in 0..N {
            assert!(app.auth.authenticate(black_box(token)).await.is_ok());
        }
        report(label, started.elapsed());
    }
    app.db.close().await;
    Ok(())
}
