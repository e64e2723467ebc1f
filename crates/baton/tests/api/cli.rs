//! `baton user ...`, `baton token ...` and the first start's admin, through the real binary.

use std::{
    io::{BufRead, BufReader, Write},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use serde_json::json;

const BATON: &str = env!("CARGO_BIN_EXE_baton");

/// Runs `baton args...` with `stdin`; returns the exit code, stdout and stderr.
pub fn baton(args: &[&str], stdin: &str) -> (Option<i32>, String, String) {
    let mut child = Command::new(BATON)
        .args(args)
        .env("BATON_ADMIN_PASSWORD", "admin-password-for-tests")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("baton runs");
    // A command that fails before reading its input closes the pipe early; that is not an error.
    let _ = child.stdin.take().expect("stdin").write_all(stdin.as_bytes());
    let output = child.wait_with_output().expect("baton exits");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn users_are_added_listed_and_given_new_passwords_from_the_command_line() {
    let data = tempfile::tempdir().expect("temp");
    let dir = data.path().to_str().expect("utf-8");

    let (code, out, err) = baton(
        &["user", "add", "ada", "--role", "operator", "--password-stdin", "--data-dir", dir],
        "ada-password-1\n",
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("added ada (operator)"), "{out}");

    let (code, out, _) = baton(&["user", "list", "--data-dir", dir], "");
    assert_eq!(code, Some(0));
    assert!(
        out.lines().any(|l| l.starts_with("ada") && l.contains("operator") && l.contains("active")),
        "{out}"
    );

    let (code, out, err) =
        baton(&["user", "passwd", "ADA", "--password-stdin", "--data-dir", dir], "ada-password-2\n");
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("sessions have ended"), "{out}");
}

#[test]
fn bad_command_line_input_is_refused_with_one_sentence() {
    let data = tempfile::tempdir().expect("temp");
    let dir = data.path().to_str().expect("utf-8");
    let cases: [(&[&str], &str, &str); 4] = [
        (&["user", "add", "bob", "--password-stdin", "--data-dir", dir], "short\n", "at least 10 characters"),
        (
            &["user", "add", "has space", "--password-stdin", "--data-dir", dir],
            "long-enough-pw\n",
            "username",
        ),
        (&["user", "passwd", "nobody", "--password-stdin", "--data-dir", dir], "long-enough-pw\n", "no user"),
        (&["user", "add", "carl", "--data-dir", dir], "", "--password-stdin"),
    ];

    for (args, stdin, needle) in cases {
        let (code, _, err) = baton(args, stdin);
        assert_eq!(code, Some(1), "{args:?}: {err}");
        assert!(err.contains(needle) && err.starts_with("error:"), "{args:?}: {err}");
    }
}

#[tokio::test]
async fn a_token_made_on_the_command_line_works_against_the_running_server() {
    let data = tempfile::tempdir().expect("temp");
    let dir = data.path().join("data");
    let app = crate::helpers::spawn_app_in(&dir).await;

    let (code, token, err) = baton(
        &[
            "token",
            "create",
            "--name",
            "hooks",
            "--role",
            "viewer",
            "--data-dir",
            dir.to_str().expect("utf-8"),
        ],
        "",
    );
    assert_eq!(code, Some(0), "{err}");
    let token = token.trim();
    assert!(token.starts_with("baton_"), "{token}");
    let response = app.client.get(app.url("/api/projects")).bearer_auth(token).send().await.expect("request");

    assert_eq!(response.status(), reqwest::StatusCode::OK);
}

#[tokio::test]
async fn a_password_changed_on_the_command_line_ends_the_sessions_of_the_running_server() {
    let data = tempfile::tempdir().expect("temp");
    let dir = data.path().join("data");
    let app = crate::helpers::spawn_app_in(&dir).await;
    let token = app.user_token("pat", "operator").await;

    let (code, _, err) = baton(
        &["user", "passwd", "pat", "--password-stdin", "--data-dir", dir.to_str().expect("utf-8")],
        "pat-new-password\n",
    );
    assert_eq!(code, Some(0), "{err}");
    // The server reloads users every few seconds; do it now rather than wait.
    app.state.auth.sync_users().await.expect("sync");
    let response = app.client.get(app.url("/api/auth/me")).bearer_auth(&token).send().await.expect("request");

    assert_eq!(response.status(), reqwest::StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_first_start_prints_a_generated_admin_password_that_signs_in() {
    let data = tempfile::tempdir().expect("temp");
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
    let mut child = Command::new(BATON)
        .args(["--port", &port.to_string(), "--data-dir", data.path().to_str().expect("utf-8")])
        .env_remove("BATON_ADMIN_PASSWORD")
        .env("BATON_LOG", "warn")
        .stderr(Stdio::piped())
        .spawn()
        .expect("baton starts");
    let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let started = Instant::now();
    let password = loop {
        let line = lines.next().expect("a line").expect("text");
        if line.contains("with the password") {
            let _blank = lines.next();
            break lines.next().expect("the password").expect("text").trim().to_owned();
        }
        assert!(started.elapsed() < Duration::from_secs(15), "no password printed");
    };

    let response = reqwest::Client::new()
        .post(format!("http://127.0.0.1:{port}/api/auth/login"))
        .json(&json!({"username": "admin", "password": password}))
        .send()
        .await
        .expect("request");
    let _ = child.kill();
    let _ = child.wait();

    assert_eq!(password.len(), 20);
    assert_eq!(response.status(), reqwest::StatusCode::OK);
}
