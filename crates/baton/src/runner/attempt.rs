use std::{
    path::PathBuf,
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use nix::sys::signal::Signal;
use serde_json::json;
use tokio::{io::BufReader, process::Child};
use tokio_util::sync::CancellationToken;

use super::{
    Engine,
    command::{self, Place},
    lines::{self, MAX_LINE_BYTES},
    process,
    scheduler::Outcome,
};
use crate::{
    domain::{execution::TaskStatus, plan::Task, timestamp::Timestamp},
    ingest::{
        report::tool_summary,
        stream_json::{self, Line, RunResult},
    },
    realtime::announce::TaskChange,
    store::{
        self,
        log_writer::LogWriter,
        logs::{Metric, NewLog},
    },
};

/// What every attempt of one execution shares.
#[derive(Debug)]
pub(super) struct Shared {
    pub execution_id: String,
    pub project_id: String,
    pub workspace_dir: PathBuf,
}

/// How long readers may keep reading after the process group is gone (a grandchild that left the
/// group could hold the pipe open).
const DRAIN: Duration = Duration::from_secs(2);

/// Runs one attempt of `task` and records how it ended; returns the outcome and its cost.
pub(super) async fn run(
    engine: &Engine,
    shared: &Shared,
    task: &Task,
    row: &str,
    attempt: i64,
    cancel: CancellationToken,
) -> (Outcome, f64) {
    let result = match supervise(engine, shared, task, row, attempt, cancel).await {
        Ok(result) => result,
        Err(error) => {
            let message = format!("{error:#}");
            tracing::error!(execution_id = %shared.execution_id, task = %task.id, %message, "an attempt failed to run");
            let _ =
                store::tasks::finish(&engine.db.writer, row, TaskStatus::Failed, None, Some(&message), None)
                    .await;
            (Outcome::Failed(message), 0.0)
        }
    };
    engine.announce.task_changed(&shared.execution_id, row, TaskChange::Ended).await;
    result
}

async fn supervise(
    engine: &Engine,
    shared: &Shared,
    task: &Task,
    row: &str,
    attempt: i64,
    cancel: CancellationToken,
) -> anyhow::Result<(Outcome, f64)> {
    let execution_id = shared.execution_id.as_str();
    let who = Some((task.id.as_str(), task.agent.as_str()));
    // A global slot first: with --max-agents busy, the task stays pending.
    let waiting = Waiting::new(&engine.waiting);
    let _slot = tokio::select! {
        slot = engine.slots.acquire() => slot?,
        () = cancel.cancelled() => {
            store::tasks::finish(&engine.db.writer, row, TaskStatus::Cancelled, None, Some("cancelled before it started"), None).await?;
            return Ok((Outcome::Cancelled, 0.0));
        }
    };
    drop(waiting);
    let config = store::agent_configs::effective(&engine.db.reader, &task.agent, &shared.project_id)
        .await?
        .unwrap_or_default();
    let project_dir = shared.workspace_dir.to_string_lossy();
    let place = Place {
        execution_id,
        project_id: &shared.project_id,
        project_dir: &project_dir,
        webhook_url: &engine.settings.webhook_url,
    };
    let (settings, base_env) = engine.project_settings(&shared.project_id).await?;
    let mut launch = command::build(&settings.runner.claude_bin, &config, task, &place);
    // The agent's own environment wins over the project's, which wins over the global one.
    launch.env.splice(0..0, base_env);
    let program = launch.argv.first().cloned().unwrap_or_default();
    let (mut child, pgid) = match process::spawn(&launch.argv, &shared.workspace_dir, &launch.env) {
        Ok(spawned) => spawned,
        Err(error) => {
            let message = if error.kind() == std::io::ErrorKind::NotFound {
                format!("cannot start {program:?}: not found (is it installed and on PATH?)")
            } else {
                format!("cannot start {program:?}: {error}")
            };
            engine.log(execution_id, who, "error", message.clone()).await;
            store::tasks::finish(&engine.db.writer, row, TaskStatus::Failed, None, Some(&message), None)
                .await?;
            return Ok((Outcome::Failed(message), 0.0));
        }
    };
    store::tasks::set_running(&engine.db.writer, row, pgid).await?;
    engine.announce.task_changed(execution_id, row, TaskChange::Started).await;
    engine
        .log(
            execution_id,
            who,
            "info",
            format!("attempt {attempt} started: {program} (process group {pgid})"),
        )
        .await;

    let result: Arc<Mutex<Option<RunResult>>> = Arc::default();
    let readers =
        spawn_readers(&mut child, engine.logs.clone(), shared, task, launch.stream_json, result.clone());
    let timeout = task.timeout_s.or(config.timeout_s).map(Duration::from_secs);
    let grace = settings.runner.kill_grace;
    let outcome = tokio::select! {
        status = child.wait() => Ended::Exited(status?),
        () = sleep_or_forever(timeout) => {
            process::terminate(&mut child, pgid, grace).await;
            Ended::TimedOut
        }
        () = cancel.cancelled() => {
            process::terminate(&mut child, pgid, grace).await;
            Ended::Cancelled
        }
    };
    // Nothing of the task outlives it: whatever the leader left in its group goes too.
    process::signal_group(pgid, Signal::SIGKILL);
    for reader in readers {
        let abort = reader.abort_handle();
        if tokio::time::timeout(DRAIN, reader).await.is_err() {
            abort.abort();
        }
    }

    let result = result.lock().unwrap_or_else(|e| e.into_inner()).take();
    let cost = result.as_ref().map_or(0.0, |r| r.cost_usd);
    if let Some(result) = &result {
        let metrics = record_usage(engine, execution_id, row, result).await?;
        engine.announce.metrics(execution_id, Some(&shared.project_id), &metrics).await;
    }
    let (outcome, status, exit_code, error) = judge(outcome, result.as_ref(), config.max_cost_usd, timeout);
    let summary = result.as_ref().and_then(|r| r.text.as_deref());
    store::tasks::finish(&engine.db.writer, row, status, exit_code, error.as_deref(), summary).await?;
    let (level, message) = match &error {
        None => ("info", format!("attempt {attempt} completed")),
        Some(error) => ("error", format!("attempt {attempt} {}: {error}", status.as_str().replace('_', " "))),
    };
    engine.log(execution_id, who, level, message).await;
    Ok((outcome, cost))
}

/// Counts a task as waiting for a slot while it lives.
struct Waiting<'a>(&'a AtomicUsize);

impl<'a> Waiting<'a> {
    fn new(count: &'a AtomicUsize) -> Self {
        count.fetch_add(1, Ordering::Relaxed);
        Self(count)
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// How the process ended.
enum Ended {
    Exited(std::process::ExitStatus),
    TimedOut,
    Cancelled,
}

/// The outcome of an attempt from how its process ended and what it reported.
fn judge(
    ended: Ended,
    result: Option<&RunResult>,
    max_cost: Option<f64>,
    timeout: Option<Duration>,
) -> (Outcome, TaskStatus, Option<i32>, Option<String>) {
    match ended {
        Ended::Cancelled => (Outcome::Cancelled, TaskStatus::Cancelled, None, Some("cancelled".into())),
        Ended::TimedOut => {
            let seconds = timeout.map_or(0, |t| t.as_secs());
            (Outcome::TimedOut, TaskStatus::TimedOut, None, Some(format!("timed out after {seconds} s")))
        }
        Ended::Exited(status) => {
            let code = status.code();
            let error = match (code, result) {
                (None, _) => Some(format!("ended by a signal ({status})")),
                (Some(0), Some(result)) if result.is_error => {
                    Some(format!("the agent reported {}", result.subtype))
                }
                (Some(0), _) => None,
                (Some(code), _) => Some(format!("exited with code {code}")),
            };
            let error = error.or_else(|| {
                let cost = result.map_or(0.0, |r| r.cost_usd);
                max_cost
                    .filter(|max| cost > *max)
                    .map(|max| format!("cost ${cost:.4} passed the agent's limit of ${max:.2}"))
            });
            match error {
                None => (Outcome::Completed, TaskStatus::Completed, code, None),
                Some(error) => (Outcome::Failed(error.clone()), TaskStatus::Failed, code, Some(error)),
            }
        }
    }
}

async fn sleep_or_forever(timeout: Option<Duration>) {
    match timeout {
        Some(timeout) => tokio::time::sleep(timeout).await,
        None => std::future::pending().await,
    }
}

async fn record_usage(
    engine: &Engine,
    execution_id: &str,
    row: &str,
    result: &RunResult,
) -> anyhow::Result<Vec<Metric>> {
    let mut tx = engine.db.writer.begin().await?;
    store::tasks::add_usage(&mut *tx, row, result.input_tokens, result.output_tokens, result.cost_usd)
        .await?;
    store::executions::add_usage(
        &mut *tx,
        execution_id,
        result.input_tokens,
        result.output_tokens,
        result.cost_usd,
    )
    .await?;
    let metrics = [
        ("cost_usd", result.cost_usd),
        ("input_tokens", result.input_tokens as f64),
        ("output_tokens", result.output_tokens as f64),
    ];
    let metrics = store::logs::insert_metrics(&mut tx, execution_id, &metrics).await?;
    tx.commit().await?;
    Ok(metrics)
}

fn spawn_readers(
    child: &mut Child,
    logs: LogWriter,
    shared: &Shared,
    task: &Task,
    stream_json: bool,
    result: Arc<Mutex<Option<RunResult>>>,
) -> Vec<tokio::task::JoinHandle<()>> {
    let base = NewLog {
        execution_id: shared.execution_id.clone(),
        task_id: Some(task.id.clone()),
        agent_name: Some(task.agent.clone()),
        level: "info",
        kind: "stdout",
        message: String::new(),
        metadata: None,
        at: Timestamp::now(),
    };
    let mut readers = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        let (logs, base, result) = (logs.clone(), base.clone(), result.clone());
        readers.push(tokio::spawn(async move {
            let mut reader = BufReader::new(stdout);
            while let Ok(Some(line)) = lines::next_line(&mut reader, MAX_LINE_BYTES).await {
                let entries = if stream_json {
                    entries_of(&line, &base, &result)
                } else {
                    vec![plain(&base, line, "stdout", "info")]
                };
                for entry in entries {
                    logs.send(entry).await;
                }
            }
        }));
    }
    if let Some(stderr) = child.stderr.take() {
        readers.push(tokio::spawn(async move {
            let mut reader = BufReader::new(stderr);
            while let Ok(Some(line)) = lines::next_line(&mut reader, MAX_LINE_BYTES).await {
                logs.send(plain(&base, line, "stderr", "warn")).await;
            }
        }));
    }
    readers
}

fn plain(base: &NewLog, message: String, kind: &'static str, level: &'static str) -> NewLog {
    NewLog { message, kind, level, at: Timestamp::now(), ..base.clone() }
}

/// Log entries of one stream-json line; a `result` line also sets the attempt's totals.
fn entries_of(line: &str, base: &NewLog, result: &Mutex<Option<RunResult>>) -> Vec<NewLog> {
    let entry = |kind: &'static str, level: &'static str, message: String, metadata: serde_json::Value| {
        NewLog { kind, level, message, metadata: Some(metadata), at: Timestamp::now(), ..base.clone() }
    };
    stream_json::parse(line)
        .into_iter()
        .map(|parsed| match parsed {
            Line::Plain(text) => plain(base, text, "stdout", "info"),
            Line::Init { session_id, model } => entry(
                "system",
                "info",
                format!("Claude Code session {} started ({})", session_id.as_deref().unwrap_or("?"), model.as_deref().unwrap_or("default model")),
                json!({"session_id": session_id, "model": model}),
            ),
            Line::Text { text, parent_tool_use_id } => {
                entry("assistant", "info", text, json!({"parent_tool_use_id": parent_tool_use_id}))
            }
            Line::ToolUse { id, name, input, parent_tool_use_id } => entry(
                "tool_use",
                "info",
                format!("{name} {}", tool_summary(&input)),
                json!({"tool_use_id": id, "tool": name, "input": input, "parent_tool_use_id": parent_tool_use_id}),
            ),
            Line::ToolResult { tool_use_id, content, is_error, parent_tool_use_id } => entry(
                "tool_result",
                if is_error { "error" } else { "info" },
                content,
                json!({"tool_use_id": tool_use_id, "is_error": is_error, "parent_tool_use_id": parent_tool_use_id}),
            ),
            Line::Result(run) => {
                let message = format!(
                    "result: {} · ${:.4} · {} tokens in, {} out",
                    run.subtype, run.cost_usd, run.input_tokens, run.output_tokens
                );
                let metadata = json!({"is_error": run.is_error, "subtype": run.subtype, "cost_usd": run.cost_usd,
                    "input_tokens": run.input_tokens, "output_tokens": run.output_tokens,
                    "duration_ms": run.duration_ms, "num_turns": run.num_turns, "result": run.text});
                let level = if run.is_error { "error" } else { "info" };
                *result.lock().unwrap_or_else(|e| e.into_inner()) = Some(run);
                entry("result", level, message, metadata)
            }
            Line::Other { kind } => entry("system", "info", line.to_owned(), json!({"type": kind})),
        })
        .collect()
}
