//! The binary itself: flags, start-up failures told in one sentence, graceful shutdown.

use std::{
    net::TcpListener,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

const BATON: &str = env!("CARGO_BIN_EXE_baton");

/// Runs `baton` with `args` until it exits; returns its exit code and stderr.
fn run(args: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(BATON)
        .args(args)
        .env("BATON_LOG", "warn")
        .env("BATON_ADMIN_PASSWORD", "admin-password-for-tests")
        .output()
        .expect("baton runs");
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

fn assert_one_clear_sentence(stderr: &str, needle: &str) {
    assert!(stderr.contains(needle), "stderr should say {needle:?}: {stderr}");
    assert!(!stderr.contains("panicked") && !stderr.contains("backtrace"), "no panic: {stderr}");
    assert_eq!(stderr.lines().filter(|l| l.starts_with("error:")).count(), 1, "{stderr}");
}

#[test]
fn help_explains_every_flag_and_its_environment_variable() {
    let output = Command::new(BATON).arg("--help").output().expect("baton runs");
    let help = String::from_utf8_lossy(&output.stdout);

    for flag in
        ["--host", "--port", "--data-dir", "--log-format", "BATON_HOST", "BATON_PORT", "BATON_DATA_DIR"]
    {
        assert!(help.contains(flag), "--help mentions {flag}: {help}");
    }
}

#[test]
fn a_port_in_use_stops_start_up_with_one_sentence() {
    let taken = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port().to_string();
    let data = tempfile::tempdir().expect("temp");

    let (code, stderr) = run(&["serve", "--port", &port, "--data-dir", data.path().to_str().expect("utf-8")]);

    assert_eq!(code, Some(1));
    assert_one_clear_sentence(&stderr, "already in use");
}

#[test]
fn a_data_dir_that_cannot_be_created_stops_start_up_with_one_sentence() {
    let temp = tempfile::tempdir().expect("temp");
    let file = temp.path().join("a-file");
    std::fs::write(&file, "x").expect("write");
    let data_dir = file.join("data");

    let (code, stderr) = run(&["--port", "0", "--data-dir", data_dir.to_str().expect("utf-8")]);

    assert_eq!(code, Some(1));
    assert_one_clear_sentence(&stderr, "cannot create the data directory");
}

#[tokio::test]
async fn a_database_from_a_newer_baton_stops_start_up_with_one_sentence() {
    let temp = tempfile::tempdir().expect("temp");
    let data_dir = temp.path().join("data");
    let app = crate::helpers::spawn_app_in(&data_dir).await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (99999, 'from the future', 1, x'00', 0)",
    )
    .execute(app.db())
    .await
    .expect("insert");
    app.stop().await;

    let (code, stderr) = run(&["--port", "0", "--data-dir", data_dir.to_str().expect("utf-8")]);

    assert_eq!(code, Some(1));
    assert_one_clear_sentence(&stderr, "newer Baton");
}

#[test]
fn sigterm_stops_the_server_cleanly_with_exit_code_zero() {
    let data = tempfile::tempdir().expect("temp");
    let mut child = Command::new(BATON)
        .args(["--port", "0", "--data-dir", data.path().to_str().expect("utf-8"), "--log-format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("baton starts");
    // At once, while it may still be starting: a stop during start-up is honoured, not fatal.
    wait_for(|| data.path().join("baton.db").exists());

    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("kill");
    assert!(killed.success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "baton did not stop after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };

    assert_eq!(status.code(), Some(0));
}

fn wait_for(condition: impl Fn() -> bool) {
    let started = Instant::now();
    while !condition() {
        assert!(started.elapsed() < Duration::from_secs(15), "timed out waiting");
        std::thread::sleep(Duration::from_millis(20));
    }
}
