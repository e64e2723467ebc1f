//! What the dashboard reads: which agents are working now, and executions over time.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;
use utoipa::ToSchema;

use crate::domain::timestamp::Timestamp;

/// A task an agent is running.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RunningTask {
    pub execution_id: String,
    pub execution_name: String,
    pub project_id: Option<String>,
    pub task_id: String,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub started_at: Option<Timestamp>,
}

/// Whether an agent is working, on what, and when it was last seen.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AgentStatus {
    pub agent: String,
    /// `running` or `idle`.
    #[schema(example = "running")]
    pub status: &'static str,
    pub running: Vec<RunningTask>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_seen: Option<Timestamp>,
}

type RunningRow = (String, String, String, Option<String>, String, Option<String>);

/// Every agent that has had a task (or only `agent`), running ones first, then the most
/// recently seen.
pub async fn agent_statuses<'c, E>(db: E, agent: Option<&str>) -> anyhow::Result<Vec<AgentStatus>>
where
    E: SqliteExecutor<'c> + Copy,
{
    let running: Vec<RunningRow> = sqlx::query_as(
        "SELECT t.agent_name, t.execution_id, e.agent_name, e.project_id, t.task_id, t.started_at \
         FROM agent_tasks t JOIN agent_executions e ON e.id = t.execution_id \
         WHERE t.status = 'running' AND (?1 IS NULL OR t.agent_name = ?1) ORDER BY t.started_at",
    )
    .bind(agent)
    .fetch_all(db)
    .await?;
    let seen: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT agent_name, MAX(COALESCE(completed_at, started_at)) FROM agent_tasks \
         WHERE (?1 IS NULL OR agent_name = ?1) GROUP BY agent_name",
    )
    .bind(agent)
    .fetch_all(db)
    .await?;
    let mut statuses: BTreeMap<String, AgentStatus> = seen
        .into_iter()
        .map(|(agent, last)| {
            let status = AgentStatus {
                agent: agent.clone(),
                status: "idle",
                running: Vec::new(),
                last_seen: last.and_then(|t| Timestamp::from_db(&t).ok()),
            };
            (agent, status)
        })
        .collect();
    for (agent, execution_id, execution_name, project_id, task_id, started_at) in running {
        let status = statuses.entry(agent.clone()).or_insert_with(|| AgentStatus {
            agent,
            status: "idle",
            running: Vec::new(),
            last_seen: None,
        });
        status.status = "running";
        status.running.push(RunningTask {
            execution_id,
            execution_name,
            project_id,
            task_id,
            started_at: started_at.and_then(|t| Timestamp::from_db(&t).ok()),
        });
    }
    let mut statuses: Vec<AgentStatus> = statuses.into_values().collect();
    statuses.sort_by(|a, b| {
        (b.status == "running").cmp(&(a.status == "running")).then(b.last_seen.cmp(&a.last_seen))
    });
    Ok(statuses)
}

/// The windows the dashboard's charts offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
pub enum Range {
    #[serde(rename = "1h")]
    Hour,
    #[serde(rename = "24h")]
    Day,
    #[serde(rename = "7d")]
    Week,
    #[serde(rename = "30d")]
    Month,
}

impl Range {
    /// Seconds per bucket and how many buckets.
    pub fn buckets(self) -> (i64, i64) {
        match self {
            Self::Hour => (300, 12),
            Self::Day => (3_600, 24),
            Self::Week => (21_600, 28),
            Self::Month => (86_400, 30),
        }
    }
}

/// Executions and tasks that ended in one bucket of time.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct Bucket {
    #[schema(value_type = String, format = DateTime)]
    pub start: String,
    pub completed: u32,
    pub failed: u32,
    pub cancelled: u32,
    pub interrupted: u32,
    /// Task attempts that ended.
    pub tasks: u32,
    pub task_p50_ms: Option<i64>,
    pub task_p90_ms: Option<i64>,
    pub task_p99_ms: Option<i64>,
    pub input_tokens: i64,
    pub output_tokens: i64,
    pub cost_usd: f64,
}

/// Buckets, oldest first, ending with the one that holds `now`.
pub async fn execution_buckets<'c, E>(
    db: E,
    range: Range,
    now: Timestamp,
) -> anyhow::Result<(i64, Vec<Bucket>)>
where
    E: SqliteExecutor<'c> + Copy,
{
    let (width, count) = range.buckets();
    let first = (now.unix_seconds().div_euclid(width) - (count - 1)) * width;
    let since = Timestamp::from_unix_seconds(first).to_db();
    let executions: Vec<(String, String, i64, i64, f64)> = sqlx::query_as(
        "SELECT completed_at, status, input_tokens, output_tokens, cost_usd FROM agent_executions \
         WHERE completed_at >= ?",
    )
    .bind(&since)
    .fetch_all(db)
    .await?;
    let tasks: Vec<(String, String)> = sqlx::query_as(
        "SELECT started_at, completed_at FROM agent_tasks WHERE completed_at >= ? AND started_at IS NOT NULL \
         AND status IN ('completed', 'failed', 'timed_out')",
    )
    .bind(&since)
    .fetch_all(db)
    .await?;

    let index = |text: &str| -> Option<usize> {
        let at = Timestamp::from_db(text).ok()?.unix_seconds();
        usize::try_from((at - first).div_euclid(width)).ok().filter(|&i| i < count as usize)
    };
    let mut buckets: Vec<Bucket> = (0..count)
        .map(|i| Bucket {
            start: Timestamp::from_unix_seconds(first + i * width).to_rfc3339(),
            ..Bucket::default()
        })
        .collect();
    for (completed_at, status, input, output, cost) in executions {
        let Some(bucket) = index(&completed_at).and_then(|i| buckets.get_mut(i)) else { continue };
        match status.as_str() {
            "completed" => bucket.completed += 1,
            "failed" => bucket.failed += 1,
            "cancelled" => bucket.cancelled += 1,
            "interrupted" => bucket.interrupted += 1,
            _ => {}
        }
        bucket.input_tokens += input;
        bucket.output_tokens += output;
        bucket.cost_usd += cost;
    }
    let mut durations: Vec<Vec<i64>> = vec![Vec::new(); buckets.len()];
    for (started_at, completed_at) in tasks {
        let (Ok(start), Ok(end)) = (Timestamp::from_db(&started_at), Timestamp::from_db(&completed_at))
        else {
            continue;
        };
        if let Some(i) = index(&completed_at) {
            durations[i].push((end.unix_millis() - start.unix_millis()).max(0));
        }
    }
    for (bucket, mut durations) in buckets.iter_mut().zip(durations) {
        durations.sort_unstable();
        bucket.tasks = u32::try_from(durations.len()).unwrap_or(u32::MAX);
        bucket.task_p50_ms = percentile(&durations, 50);
        bucket.task_p90_ms = percentile(&durations, 90);
        bucket.task_p99_ms = percentile(&durations, 99);
    }
    Ok((width, buckets))
}

/// Nearest-rank percentile of sorted values.
pub fn percentile(sorted: &[i64], p: usize) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn nearest_rank_percentiles() {
        let values: Vec<i64> = (1..=100).collect();
        assert_eq!(percentile(&values, 50), Some(50));
        assert_eq!(percentile(&values, 99), Some(99));
        assert_eq!(percentile(&[7], 90), Some(7));
        assert_eq!(percentile(&[], 50), None);
    }
}
