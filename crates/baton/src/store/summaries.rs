//! Executions as lists and live events show them: each with its tasks counted by state.

use std::collections::HashMap;

use serde::Serialize;
use sqlx::SqliteExecutor;
use utoipa::ToSchema;

use super::{executions::Execution, tasks::TaskAttempt};
use crate::domain::{execution::TaskStatus, timestamp::Timestamp};

/// Counts of the tasks' current states (the latest attempt of each task).
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct Totals {
    pub tasks: usize,
    pub pending: usize,
    pub running: usize,
    pub completed: usize,
    pub failed: usize,
    pub cancelled: usize,
    pub skipped: usize,
    pub timed_out: usize,
    pub attempts: usize,
    /// Milliseconds from start to end (or to now while running).
    pub duration_ms: Option<i64>,
}

/// An execution as listed, with its tasks counted by state.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ExecutionSummary {
    #[serde(flatten)]
    pub execution: Execution,
    pub totals: Totals,
}

pub fn totals(execution: &Execution, tasks: &[TaskAttempt]) -> Totals {
    totals_of(execution, tasks.iter().map(|t| (t.task_id.as_str(), t.status, t.attempt)))
}

/// Counts each task's latest attempt by state; `attempts` are (task id, status, attempt number).
pub fn totals_of<'a>(
    execution: &Execution,
    attempts: impl Iterator<Item = (&'a str, TaskStatus, i64)>,
) -> Totals {
    let mut latest: HashMap<&str, (TaskStatus, i64)> = HashMap::new();
    let mut count = 0;
    for (task, status, attempt) in attempts {
        count += 1;
        let entry = latest.entry(task).or_insert((status, attempt));
        if attempt > entry.1 {
            *entry = (status, attempt);
        }
    }
    let mut totals = Totals { tasks: latest.len(), attempts: count, ..Totals::default() };
    for (status, _) in latest.values() {
        match status {
            TaskStatus::Pending => totals.pending += 1,
            TaskStatus::Running => totals.running += 1,
            TaskStatus::Completed => totals.completed += 1,
            TaskStatus::Failed => totals.failed += 1,
            TaskStatus::Cancelled => totals.cancelled += 1,
            TaskStatus::Skipped => totals.skipped += 1,
            TaskStatus::TimedOut => totals.timed_out += 1,
        }
    }
    totals.duration_ms = execution.started_at.map(|start| {
        let end = execution.completed_at.unwrap_or_else(Timestamp::now);
        (end.unix_millis() - start.unix_millis()).max(0)
    });
    totals
}

/// Counts the tasks of each execution (one query for all of them).
pub async fn summarize(
    db: impl SqliteExecutor<'_>,
    executions: Vec<Execution>,
) -> anyhow::Result<Vec<ExecutionSummary>> {
    let ids: Vec<String> = executions.iter().map(|e| e.id.clone()).collect();
    let mut attempts: HashMap<String, Vec<(String, TaskStatus, i64)>> = HashMap::new();
    for (execution_id, task_id, status, attempt) in super::tasks::states_of(db, &ids).await? {
        attempts.entry(execution_id).or_default().push((task_id, status, attempt));
    }
    Ok(executions
        .into_iter()
        .map(|execution| {
            let mine = attempts.get(&execution.id).map(Vec::as_slice).unwrap_or_default();
            let totals = totals_of(&execution, mine.iter().map(|(t, s, a)| (t.as_str(), *s, *a)));
            ExecutionSummary { execution, totals }
        })
        .collect())
}
