use std::{
    collections::{HashMap, HashSet},
    path::PathBuf,
    sync::Arc,
    time::Duration,
};

use tokio::task::JoinSet;

use super::{Engine, Handle, StopReason, attempt, final_status};
use crate::{
    domain::{
        execution::TaskStatus,
        plan::{OnFailure, Plan, Task},
    },
    realtime::announce::TaskChange,
    store,
};

/// What the scheduler of one execution works with.
#[derive(Debug, Clone)]
pub(super) struct Context {
    pub execution_id: String,
    pub project_id: String,
    pub workspace_dir: PathBuf,
    pub plan: Plan,
    /// Task id → the row of its current attempt.
    pub rows: HashMap<String, String>,
}

/// How an attempt ended.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Outcome {
    Completed,
    Failed(String),
    TimedOut,
    Cancelled,
}

/// The longest wait before a retry.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

pub(super) async fn run(engine: Arc<Engine>, context: Context, handle: Arc<Handle>) {
    let id = context.execution_id.clone();
    if let Err(error) = schedule(&engine, context, &handle).await {
        tracing::error!(execution_id = %id, error = format!("{error:#}"), "the scheduler failed");
        let message = format!("the scheduler failed: {error:#}");
        let _ =
            store::tasks::finish_unfinished(&engine.db.writer, &id, TaskStatus::Cancelled, &message).await;
        engine.logs.flush().await;
        let _ = store::executions::finish(
            &engine.db.writer,
            &id,
            crate::domain::execution::ExecutionStatus::Failed,
            Some(&message),
        )
        .await;
        engine.announce.execution_ended(&id).await;
    }
}

async fn schedule(engine: &Arc<Engine>, mut context: Context, handle: &Handle) -> anyhow::Result<()> {
    let id = context.execution_id.clone();
    store::executions::set_running(&engine.db.writer, &id).await?;
    engine.announce.execution_started(&id).await;
    let plan = context.plan.clone();
    let shared = Arc::new(attempt::Shared {
        execution_id: id.clone(),
        project_id: context.project_id.clone(),
        workspace_dir: context.workspace_dir.clone(),
    });
    let mut states: HashMap<String, TaskStatus> =
        plan.tasks.iter().map(|t| (t.id.clone(), TaskStatus::Pending)).collect();
    let mut attempts: HashMap<String, i64> = plan.tasks.iter().map(|t| (t.id.clone(), 1)).collect();
    let mut started: HashSet<String> = HashSet::new();
    let mut running: JoinSet<(String, Outcome, f64)> = JoinSet::new();
    let mut waiting_retry: JoinSet<String> = JoinSet::new();
    let mut spent = 0.0;
    let mut stopping = false;

    loop {
        if !stopping {
            for task in ready(&plan, &states, &started) {
                if running.len() >= plan.max_parallel as usize {
                    break;
                }
                started.insert(task.id.clone());
                let row = context.rows.get(&task.id).cloned().unwrap_or_default();
                let attempt_no = attempts.get(&task.id).copied().unwrap_or(1);
                states.insert(task.id.clone(), TaskStatus::Running);
                let (engine, shared, task, token) =
                    (engine.clone(), shared.clone(), task.clone(), handle.token.child_token());
                running.spawn(async move {
                    let (outcome, cost) =
                        attempt::run(&engine, &shared, &task, &row, attempt_no, token).await;
                    (task.id, outcome, cost)
                });
            }
        }
        if running.is_empty() && (waiting_retry.is_empty() || stopping) {
            break;
        }
        tokio::select! {
            Some(joined) = running.join_next() => {
                let (task_id, outcome, cost) = joined?;
                spent += cost;
                let task = plan.task(&task_id).cloned().ok_or_else(|| anyhow::anyhow!("unknown task {task_id}"))?;
                let attempt_no = attempts.get(&task_id).copied().unwrap_or(1);
                match outcome {
                    Outcome::Completed => { states.insert(task_id, TaskStatus::Completed); }
                    Outcome::Cancelled => { states.insert(task_id, TaskStatus::Cancelled); }
                    Outcome::Failed(_) | Outcome::TimedOut if !stopping && attempt_no <= i64::from(task.retries) => {
                        let wait = backoff(attempt_no);
                        engine.log(&id, Some((&task.id, &task.agent)), "warn", format!(
                            "attempt {attempt_no} of {} did not succeed; retrying in {} s", task.retries + 1, wait.as_secs()
                        )).await;
                        states.insert(task_id.clone(), TaskStatus::Pending);
                        engine.announce.task_retried(&id, &task_id, attempt_no, wait.as_secs()).await;
                        waiting_retry.spawn(async move { tokio::time::sleep(wait).await; task_id });
                    }
                    failure => {
                        let status = if failure == Outcome::TimedOut { TaskStatus::TimedOut } else { TaskStatus::Failed };
                        states.insert(task_id.clone(), status);
                        skip_dependents(engine, &context, &plan, &task, &mut states).await?;
                        if plan.on_failure == OnFailure::FailFast {
                            handle.stop(StopReason::FailFast { task: task_id });
                        }
                    }
                }
                if let Some(budget) = plan.budget_usd && spent > budget {
                    handle.stop(StopReason::Budget { budget, spent });
                }
            }
            Some(joined) = waiting_retry.join_next(), if !stopping => {
                let task_id = joined?;
                let task = plan.task(&task_id).cloned().ok_or_else(|| anyhow::anyhow!("unknown task {task_id}"))?;
                let next = attempts.get(&task_id).copied().unwrap_or(1) + 1;
                attempts.insert(task_id.clone(), next);
                let row = store::tasks::insert_pending(&engine.db.writer, &id, &task, next).await?;
                engine.announce.task_changed(&id, &row, TaskChange::Updated).await;
                context.rows.insert(task_id.clone(), row);
                started.remove(&task_id);
            }
            () = handle.token.cancelled(), if !stopping => {
                stopping = true;
                waiting_retry.abort_all();
            }
            else => break,
        }
        if handle.token.is_cancelled() {
            stopping = true;
        }
    }

    let reason = handle.reason();
    let (status, error) = final_status(&states, reason.as_ref());
    if let Some(error) = &error {
        let level =
            if status == crate::domain::execution::ExecutionStatus::Completed { "info" } else { "warn" };
        engine.log(&id, None, level, format!("execution {}: {error}", status.as_str())).await;
    }
    let unfinished = match reason {
        Some(StopReason::Shutdown) => "Baton stopped before this task ran",
        _ => "the execution stopped before this task ran",
    };
    store::tasks::finish_unfinished(&engine.db.writer, &id, TaskStatus::Cancelled, unfinished).await?;
    // Everything the execution logged is committed before it is seen as ended, so a client that
    // reads the logs of an ended execution gets all of them.
    engine.logs.flush().await;
    store::executions::finish(&engine.db.writer, &id, status, error.as_deref()).await?;
    engine.announce.execution_ended(&id).await;
    Ok(())
}

/// Tasks whose dependencies have all completed and that have not started.
fn ready<'a>(
    plan: &'a Plan,
    states: &HashMap<String, TaskStatus>,
    started: &HashSet<String>,
) -> Vec<&'a Task> {
    plan.tasks
        .iter()
        .filter(|t| states.get(&t.id) == Some(&TaskStatus::Pending) && !started.contains(&t.id))
        .filter(|t| t.depends_on.iter().all(|d| states.get(d) == Some(&TaskStatus::Completed)))
        .collect()
}

/// Marks every task that depends (directly or not) on `failed` as skipped.
async fn skip_dependents(
    engine: &Engine,
    context: &Context,
    plan: &Plan,
    failed: &Task,
    states: &mut HashMap<String, TaskStatus>,
) -> anyhow::Result<()> {
    let dependents = plan.with_dependents(&HashSet::from([failed.id.clone()]));
    for task in plan.tasks.iter().filter(|t| t.id != failed.id && dependents.contains(&t.id)) {
        if states.get(&task.id) == Some(&TaskStatus::Pending) {
            states.insert(task.id.clone(), TaskStatus::Skipped);
            if let Some(row) = context.rows.get(&task.id) {
                let reason = format!("skipped: {} did not complete", failed.id);
                store::tasks::finish(&engine.db.writer, row, TaskStatus::Skipped, None, Some(&reason), None)
                    .await?;
                engine.announce.task_changed(&context.execution_id, row, TaskChange::Updated).await;
            }
        }
    }
    Ok(())
}

/// 1 s, 2 s, 4 s, ... up to 30 s.
fn backoff(attempt: i64) -> Duration {
    let exponent = u32::try_from(attempt.saturating_sub(1)).unwrap_or(u32::MAX).min(5);
    Duration::from_secs(1u64 << exponent).min(MAX_BACKOFF)
}
