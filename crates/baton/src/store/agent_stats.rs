//! What agents have done: counts, success rates, durations and costs of their task attempts,
//! and the agents Baton knows only from configuration or from having seen them work.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;
use sqlx::{FromRow, SqliteExecutor};
use utoipa::ToSchema;

use super::dashboard::{Bucket, Range, percentile};
use crate::domain::{execution::TaskStatus, timestamp::Timestamp};

/// An agent's task attempts over a window.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct AgentStats {
    pub tasks: u32,
    pub completed: u32,
    /// Failed or timed out.
    pub failed: u32,
    /// completed / (completed + failed), 0 to 1; none when nothing ended.
    pub success_rate: Option<f64>,
    pub median_duration_ms: Option<i64>,
    pub p90_duration_ms: Option<i64>,
    pub p99_duration_ms: Option<i64>,
    pub input_tokens: i64,
    pub output_tokens: i64,
    pub cost_usd: f64,
}

#[derive(FromRow)]
struct TaskRow {
    agent_name: String,
    status: String,
    started_at: Option<String>,
    completed_at: Option<String>,
    input_tokens: i64,
    output_tokens: i64,
    cost_usd: f64,
}

fn duration_ms(started: Option<&str>, completed: Option<&str>) -> Option<i64> {
    let start = Timestamp::from_db(started?).ok()?;
    let end = Timestamp::from_db(completed?).ok()?;
    Some((end.unix_millis() - start.unix_millis()).max(0))
}

#[derive(Default)]
struct Tally {
    stats: AgentStats,
    durations: Vec<i64>,
}

impl Tally {
    fn add(&mut self, row: &TaskRow) {
        let stats = &mut self.stats;
        stats.tasks += 1;
        match TaskStatus::parse(&row.status) {
            Ok(TaskStatus::Completed) => stats.completed += 1,
            Ok(TaskStatus::Failed | TaskStatus::TimedOut) => stats.failed += 1,
            _ => {}
        }
        stats.input_tokens += row.input_tokens;
        stats.output_tokens += row.output_tokens;
        stats.cost_usd += row.cost_usd;
        if let Some(ms) = duration_ms(row.started_at.as_deref(), row.completed_at.as_deref()) {
            self.durations.push(ms);
        }
    }

    fn finish(mut self) -> AgentStats {
        self.durations.sort_unstable();
        let mut stats = self.stats;
        let ended = stats.completed + stats.failed;
        stats.success_rate = (ended > 0).then(|| f64::from(stats.completed) / f64::from(ended));
        stats.median_duration_ms = percentile(&self.durations, 50);
        stats.p90_duration_ms = percentile(&self.durations, 90);
        stats.p99_duration_ms = percentile(&self.durations, 99);
        stats
    }
}

const TASK_COLUMNS: &str =
    "agent_name, status, started_at, completed_at, input_tokens, output_tokens, cost_usd";

/// Every agent's attempts that started since `since`.
pub async fn by_agent(
    db: impl SqliteExecutor<'_>,
    since: Timestamp,
) -> anyhow::Result<HashMap<String, AgentStats>> {
    let rows: Vec<TaskRow> =
        sqlx::query_as(&format!("SELECT {TASK_COLUMNS} FROM agent_tasks WHERE started_at >= ?"))
            .bind(since.to_db())
            .fetch_all(db)
            .await?;
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    for row in &rows {
        tallies.entry(row.agent_name.clone()).or_default().add(row);
    }
    Ok(tallies.into_iter().map(|(agent, tally)| (agent, tally.finish())).collect())
}

/// One agent's attempts over `range`, in buckets by when they started, and their totals.
pub async fn series<'c, E>(
    db: E,
    agent: &str,
    range: Range,
    now: Timestamp,
) -> anyhow::Result<(i64, AgentStats, Vec<Bucket>)>
where
    E: SqliteExecutor<'c>,
{
    let (width, count) = range.buckets();
    let first = (now.unix_seconds().div_euclid(width) - (count - 1)) * width;
    let rows: Vec<TaskRow> = sqlx::query_as(&format!(
        "SELECT {TASK_COLUMNS} FROM agent_tasks WHERE agent_name = ? AND started_at >= ?"
    ))
    .bind(agent)
    .bind(Timestamp::from_unix_seconds(first).to_db())
    .fetch_all(db)
    .await?;
    let mut total = Tally::default();
    let mut buckets: Vec<(Bucket, Vec<i64>)> = (0..count)
        .map(|i| {
            let start = Timestamp::from_unix_seconds(first + i * width).to_rfc3339();
            (Bucket { start, ..Bucket::default() }, Vec::new())
        })
        .collect();
    for row in &rows {
        total.add(row);
        let Some(started) = row.started_at.as_deref().and_then(|t| Timestamp::from_db(t).ok()) else {
            continue;
        };
        let Some((bucket, durations)) = usize::try_from((started.unix_seconds() - first).div_euclid(width))
            .ok()
            .and_then(|i| buckets.get_mut(i))
        else {
            continue;
        };
        bucket.tasks += 1;
        match TaskStatus::parse(&row.status) {
            Ok(TaskStatus::Completed) => bucket.completed += 1,
            Ok(TaskStatus::Failed | TaskStatus::TimedOut) => bucket.failed += 1,
            Ok(TaskStatus::Cancelled | TaskStatus::Skipped) => bucket.cancelled += 1,
            _ => {}
        }
        bucket.input_tokens += row.input_tokens;
        bucket.output_tokens += row.output_tokens;
        bucket.cost_usd += row.cost_usd;
        durations.extend(duration_ms(row.started_at.as_deref(), row.completed_at.as_deref()));
    }
    let buckets = buckets
        .into_iter()
        .map(|(mut bucket, mut durations)| {
            durations.sort_unstable();
            bucket.task_p50_ms = percentile(&durations, 50);
            bucket.task_p90_ms = percentile(&durations, 90);
            bucket.task_p99_ms = percentile(&durations, 99);
            bucket
        })
        .collect();
    Ok((width, total.finish(), buckets))
}

/// Agents with a configuration saved in Baton.
pub async fn configured(db: impl SqliteExecutor<'_>) -> anyhow::Result<BTreeSet<String>> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT agent_name FROM agent_configurations WHERE agent_name IS NOT NULL",
    )
    .fetch_all(db)
    .await?;
    Ok(names.into_iter().collect())
}

/// Agents that have had a task (in `project_id`'s executions, if given).
pub async fn seen(db: impl SqliteExecutor<'_>, project_id: Option<&str>) -> anyhow::Result<BTreeSet<String>> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT agent_name FROM agent_tasks WHERE ?1 IS NULL OR execution_id IN \
         (SELECT id FROM agent_executions WHERE project_id = ?1)",
    )
    .bind(project_id)
    .fetch_all(db)
    .await?;
    Ok(names.into_iter().collect())
}

/// One of an agent's recent task attempts, with its execution.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RecentTask {
    pub execution_id: String,
    pub execution_name: String,
    /// `plan`, `agent`, `session` or `orchestrator`.
    pub execution_kind: String,
    /// `baton`, `hooks`, `notify` or `workspace`.
    pub execution_source: String,
    pub project_id: Option<String>,
    pub project_name: Option<String>,
    pub task_id: String,
    pub attempt: i64,
    pub status: TaskStatus,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub started_at: Option<Timestamp>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub completed_at: Option<Timestamp>,
    pub duration_ms: Option<i64>,
    pub cost_usd: f64,
    pub input_tokens: i64,
    pub output_tokens: i64,
}

type RecentRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
    f64,
    i64,
    i64,
);

/// The agent's `limit` newest attempts.
pub async fn recent(db: impl SqliteExecutor<'_>, agent: &str, limit: u32) -> anyhow::Result<Vec<RecentTask>> {
    let rows: Vec<RecentRow> = sqlx::query_as(
        "SELECT e.id, e.agent_name, e.kind, e.source, e.project_id, p.name, t.task_id, t.attempt, t.status, \
         t.started_at, t.completed_at, t.cost_usd, t.input_tokens, t.output_tokens \
         FROM agent_tasks t JOIN agent_executions e ON e.id = t.execution_id LEFT JOIN projects p ON p.id = e.project_id \
         WHERE t.agent_name = ? ORDER BY t.started_at DESC, t.id DESC LIMIT ?",
    )
    .bind(agent)
    .bind(i64::from(limit))
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let time = |t: &Option<String>| t.as_deref().and_then(|t| Timestamp::from_db(t).ok());
            Some(RecentTask {
                duration_ms: duration_ms(r.9.as_deref(), r.10.as_deref()),
                started_at: time(&r.9),
                completed_at: time(&r.10),
                status: TaskStatus::parse(&r.8).ok()?,
                execution_id: r.0,
                execution_name: r.1,
                execution_kind: r.2,
                execution_source: r.3,
                project_id: r.4,
                project_name: r.5,
                task_id: r.6,
                attempt: r.7,
                cost_usd: r.11,
                input_tokens: r.12,
                output_tokens: r.13,
            })
        })
        .collect())
}
