//! `baton fake-claude`: a stand-in for the `claude` CLI that prints realistic stream-json, for
//! tests and the example project. It is not a model and never pretends to be one in the product:
//! the example project says it runs a simulated agent.
//!
//! It accepts the real CLI's flags (`-p`, `--output-format`, `--verbose`, `--model`, ...) and
//! reads behaviours from `BATON_FAKE_CLAUDE` (comma-separated) and from `[fake:...]` tags in the
//! prompt, so one plan can make one task fail and another hang:
//!
//! | behaviour | effect |
//! |---|---|
//! | `fail` | a failed `result` line, exit 1 |
//! | `hang` | stop after the init line and sleep |
//! | `ignore-term` | ignore SIGTERM (only SIGKILL ends it), then hang |
//! | `grandchildren` | start two `sleep` processes, then hang |
//! | `huge-line=N` | print one line of N bytes |
//! | `burst=N` | print N bytes with no newline at all |
//! | `flood=N` | print N plain lines as fast as possible |
//! | `rate=N` | with `flood`: N lines a second instead, in 10 ms steps |
//! | `delay=MS` | wait MS between lines (default 120) |
//! | `cost=USD` | the run's cost (default from the prompt's length) |

use std::{
    io::{Write, stdout},
    time::Duration,
};

use serde_json::{Value, json};

/// Runs the stand-in with the process's arguments (after `fake-claude`).
pub async fn run(args: Vec<String>) -> anyhow::Result<i32> {
    let prompt = flag(&args, &["-p", "--print"]).unwrap_or_default();
    let model = flag(&args, &["--model"]).unwrap_or_else(|| "claude-sonnet-4-5".into());
    let behaviours = Behaviours::read(&prompt);
    let session = uuid::Uuid::new_v4().to_string();
    let cwd = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default();
    let out = Printer { delay: Duration::from_millis(behaviours.number("delay").unwrap_or(120)) };

    out.line(&json!({"type": "system", "subtype": "init", "cwd": cwd, "session_id": session,
        "tools": ["Task", "Bash", "Read", "Write", "Edit", "Grep"], "mcp_servers": [],
        "model": model, "permissionMode": "default", "claude_code_version": "2.1.118-fake"}))
        .await;

    if behaviours.has("ignore-term") {
        // Registering a handler replaces the default action (exit) with "note it and go on".
        let _term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        std::mem::forget(_term);
    }
    if behaviours.has("grandchildren") {
        for _ in 0..2 {
            std::process::Command::new("sleep").arg("1000").spawn()?;
        }
    }
    if behaviours.has("hang") || behaviours.has("ignore-term") || behaviours.has("grandchildren") {
        tokio::time::sleep(Duration::from_secs(24 * 3600)).await;
    }
    if let Some(bytes) = behaviours.number("huge-line") {
        let mut lock = stdout().lock();
        write_repeated(&mut lock, b'x', bytes)?;
        lock.write_all(b"\n")?;
    }
    if let Some(bytes) = behaviours.number("burst") {
        write_repeated(&mut stdout().lock(), b'y', bytes)?;
    }
    if let Some(lines) = behaviours.number("flood") {
        flood(lines, behaviours.number("rate")).await?;
    }

    let first_words: String = prompt.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
    let usage = |input: u64, output: u64| json!({"input_tokens": input, "cache_creation_input_tokens": 1200, "cache_read_input_tokens": 0, "output_tokens": output});
    out.assistant(&session, None, json!([
        {"type": "text", "text": format!("I'll start on: {first_words}")},
        {"type": "tool_use", "id": "toolu_ls", "name": "Bash", "input": {"command": "ls", "description": "List the workspace"}}
    ]), usage(12, 40)).await;
    let listing = list_dir();
    out.line(&json!({"type": "user", "message": {"role": "user", "content": [
        {"type": "tool_result", "tool_use_id": "toolu_ls", "content": listing, "is_error": false}]},
        "parent_tool_use_id": null, "session_id": session}))
        .await;
    out.assistant(&session, None, json!([
        {"type": "tool_use", "id": "toolu_task", "name": "Task", "input": {"description": "Review the plan", "subagent_type": "general-purpose", "prompt": "Check the approach for risks."}}
    ]), usage(20, 30)).await;
    out.assistant(
        &session,
        Some("toolu_task"),
        json!([
            {"type": "text", "text": "Subagent: the approach looks sound; watch the error handling."}
        ]),
        usage(8, 22),
    )
    .await;
    out.line(&json!({"type": "user", "message": {"role": "user", "content": [
        {"type": "tool_result", "tool_use_id": "toolu_task", "content": "The approach looks sound.", "is_error": false}]},
        "parent_tool_use_id": null, "session_id": session})).await;

    let failed = behaviours.has("fail");
    let summary =
        if failed { "I could not finish: the build failed." } else { "Done. The work is in place." };
    out.assistant(&session, None, json!([{"type": "text", "text": summary}]), usage(30, 60)).await;
    let cost = behaviours.float("cost").unwrap_or(0.01 + prompt.len() as f64 / 10_000.0);
    out.line(&json!({"type": "result", "subtype": if failed { "error_during_execution" } else { "success" },
        "is_error": failed, "duration_ms": 900, "duration_api_ms": 800, "num_turns": 4, "result": summary,
        "session_id": session, "total_cost_usd": cost,
        "usage": {"input_tokens": 70, "cache_creation_input_tokens": 1200, "cache_read_input_tokens": 3400, "output_tokens": 152}}))
    .await;
    Ok(if failed { 1 } else { 0 })
}

struct Printer {
    delay: Duration,
}

impl Printer {
    async fn line(&self, value: &Value) {
        let mut lock = stdout().lock();
        let _ = writeln!(lock, "{value}");
        let _ = lock.flush();
        drop(lock);
        tokio::time::sleep(self.delay).await;
    }

    async fn assistant(&self, session: &str, parent: Option<&str>, content: Value, usage: Value) {
        self.line(
            &json!({"type": "assistant", "message": {"id": format!("msg_{}", uuid::Uuid::new_v4().simple()),
            "model": "claude-sonnet-4-5", "role": "assistant", "content": content, "usage": usage},
            "parent_tool_use_id": parent, "session_id": session}),
        )
        .await;
    }
}

/// Behaviours from the environment and from `[fake:...]` tags in the prompt.
struct Behaviours(Vec<(String, Option<String>)>);

impl Behaviours {
    fn read(prompt: &str) -> Self {
        let mut items = Vec::new();
        let from_env = std::env::var("BATON_FAKE_CLAUDE").unwrap_or_default();
        let from_prompt = prompt.split("[fake:").skip(1).filter_map(|rest| rest.split(']').next());
        for item in from_env.split(',').chain(from_prompt).flat_map(|s| s.split(',')) {
            let item = item.trim();
            if item.is_empty() {
                continue;
            }
            match item.split_once('=') {
                Some((name, value)) => items.push((name.to_owned(), Some(value.to_owned()))),
                None => items.push((item.to_owned(), None)),
            }
        }
        Self(items)
    }

    fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| n == name)
    }

    fn value(&self, name: &str) -> Option<&str> {
        self.0.iter().rev().find(|(n, _)| n == name).and_then(|(_, v)| v.as_deref())
    }

    fn number(&self, name: &str) -> Option<u64> {
        self.value(name).and_then(|v| v.parse().ok())
    }

    fn float(&self, name: &str) -> Option<f64> {
        self.value(name).and_then(|v| v.parse().ok())
    }
}

/// `lines` plain lines, as fast as possible or `rate` a second.
async fn flood(lines: u64, rate: Option<u64>) -> std::io::Result<()> {
    const STEP: Duration = Duration::from_millis(10);
    let per_step = rate.map_or(lines, |rate| (rate / 100).max(1));
    let started = tokio::time::Instant::now();
    let mut written = 0;
    let mut step: u32 = 0;
    while written < lines {
        {
            let mut lock = stdout().lock();
            for i in written..(written + per_step).min(lines) {
                writeln!(lock, "flood line {i} of {lines}: the quick brown fox jumps over the lazy dog")?;
            }
            lock.flush()?;
        }
        written = (written + per_step).min(lines);
        step += 1;
        if rate.is_some() {
            tokio::time::sleep_until(started + STEP * step).await;
        }
    }
    Ok(())
}

fn flag(args: &[String], names: &[&str]) -> Option<String> {
    args.iter().position(|a| names.contains(&a.as_str())).and_then(|i| args.get(i + 1)).cloned()
}

fn list_dir() -> String {
    let mut names: Vec<String> = std::fs::read_dir(".")
        .map(|entries| {
            entries.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect()
        })
        .unwrap_or_default();
    names.sort();
    if names.is_empty() { "(empty directory)".into() } else { names.join("\n") }
}

fn write_repeated(out: &mut impl Write, byte: u8, count: u64) -> std::io::Result<()> {
    let chunk = [byte; 64 * 1024];
    let mut left = count;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        out.write_all(&chunk[..n])?;
        left -= n as u64;
    }
    out.flush()
}
