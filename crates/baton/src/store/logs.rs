use serde::Serialize;
use serde_json::Value;
use sqlx::{FromRow, QueryBuilder, SqliteConnection, SqliteExecutor};
use utoipa::ToSchema;

use crate::domain::timestamp::Timestamp;

/// A log entry on its way to the database.
#[derive(Debug, Clone)]
pub struct NewLog {
    pub execution_id: String,
    pub task_id: Option<String>,
    pub agent_name: Option<String>,
    /// `info`, `warn` or `error`.
    pub level: &'static str,
    /// `stdout`, `stderr`, `system`, `assistant`, `tool_use`, `tool_result`, `result`.
    pub kind: &'static str,
    pub message: String,
    pub metadata: Option<Value>,
    pub at: Timestamp,
}

/// A stored entry; `seq` orders every entry of an execution and never repeats.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LogEntry {
    pub seq: i64,
    pub task_id: Option<String>,
    pub agent: Option<String>,
    /// `info`, `warn` or `error`.
    #[schema(value_type = String, pattern = "^(info|warn|error)$", example = "info")]
    pub level: String,
    /// `stdout`, `stderr`, `system`, `assistant`, `tool_use`, `tool_result` or `result`.
    #[schema(value_type = String, example = "tool_use")]
    pub kind: String,
    pub message: String,
    #[schema(value_type = Option<Object>)]
    pub metadata: Option<Value>,
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
}

/// Writes a batch in the caller's transaction; returns the `seq` given to each entry, in order.
pub async fn insert_batch(tx: &mut SqliteConnection, entries: &[NewLog]) -> anyhow::Result<Vec<i64>> {
    let mut seqs = Vec::with_capacity(entries.len());
    // 250 rows × 8 values stays far below SQLite's limit of bound variables per statement.
    for chunk in entries.chunks(250) {
        let mut query = QueryBuilder::new(
            "INSERT INTO agent_logs (execution_id, task_id, agent_name, level, kind, message, metadata, created_at) ",
        );
        query.push_values(chunk, |mut row, entry| {
            row.push_bind(&entry.execution_id)
                .push_bind(&entry.task_id)
                .push_bind(&entry.agent_name)
                .push_bind(entry.level)
                .push_bind(entry.kind)
                .push_bind(&entry.message)
                .push_bind(entry.metadata.as_ref().map(Value::to_string))
                .push_bind(entry.at.to_db());
        });
        // One writer holds the write lock for the whole transaction and gives no ids, so the
        // rows of one INSERT get consecutive ids ending at last_insert_rowid (AUTOINCREMENT
        // never reuses one). Reading them back with RETURNING would cost a message per row
        // between SQLite's thread and ours.
        let done = query.build().execute(&mut *tx).await?;
        let count = i64::try_from(done.rows_affected())?;
        let last = done.last_insert_rowid();
        seqs.extend(last - count + 1..=last);
    }
    Ok(seqs)
}

impl NewLog {
    /// The entry as stored under `seq`.
    pub fn committed(self, seq: i64) -> LogEntry {
        LogEntry {
            seq,
            task_id: self.task_id,
            agent: self.agent_name,
            level: self.level.to_owned(),
            kind: self.kind.to_owned(),
            message: self.message,
            metadata: self.metadata,
            at: self.at,
        }
    }
}

/// What to read.
#[derive(Debug, Clone, Default)]
pub struct LogFilter {
    pub execution_id: String,
    pub task_id: Option<String>,
    pub agent: Option<String>,
    pub level: Option<String>,
    /// Case-insensitive text in the message.
    pub q: Option<String>,
    pub after_seq: i64,
    pub limit: u32,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    task_id: Option<String>,
    agent_name: Option<String>,
    level: Option<String>,
    kind: Option<String>,
    message: Option<String>,
    metadata: Option<String>,
    created_at: Option<String>,
}

/// Entries after `after_seq`, oldest first.
pub async fn list(db: impl SqliteExecutor<'_>, filter: &LogFilter) -> anyhow::Result<Vec<LogEntry>> {
    let mut query = QueryBuilder::new(
        "SELECT id, task_id, agent_name, level, kind, message, metadata, created_at FROM agent_logs WHERE execution_id = ",
    );
    query.push_bind(&filter.execution_id).push(" AND id > ").push_bind(filter.after_seq);
    if let Some(task) = &filter.task_id {
        query.push(" AND task_id = ").push_bind(task);
    }
    if let Some(agent) = &filter.agent {
        query.push(" AND agent_name = ").push_bind(agent);
    }
    if let Some(level) = &filter.level {
        query.push(" AND level = ").push_bind(level);
    }
    if let Some(q) = &filter.q {
        query.push(" AND message LIKE ").push_bind(super::contains_pattern(q)).push(" ESCAPE '\\'");
    }
    query.push(" ORDER BY id LIMIT ").push_bind(i64::from(filter.limit));
    let rows: Vec<Row> = query.build_query_as().fetch_all(db).await?;
    Ok(rows
        .into_iter()
        .map(|row| LogEntry {
            seq: row.id,
            task_id: row.task_id,
            agent: row.agent_name,
            level: row.level.unwrap_or_else(|| "info".into()),
            kind: row.kind.unwrap_or_else(|| "stdout".into()),
            message: row.message.unwrap_or_default(),
            metadata: row.metadata.and_then(|m| serde_json::from_str(&m).ok()),
            at: row.created_at.and_then(|t| Timestamp::from_db(&t).ok()).unwrap_or_else(Timestamp::now),
        })
        .collect())
}

/// Inserts the metrics of a finished attempt (the seed's `execution_metrics`).
pub async fn insert_metrics(
    db: &mut SqliteConnection,
    execution_id: &str,
    metrics: &[(&str, f64)],
) -> anyhow::Result<Vec<Metric>> {
    let at = Timestamp::now();
    let mut recorded = Vec::with_capacity(metrics.len());
    for &(name, value) in metrics {
        sqlx::query("INSERT INTO execution_metrics (execution_id, metric_name, metric_value, recorded_at) VALUES (?, ?, ?, ?)")
            .bind(execution_id)
            .bind(name)
            .bind(value)
            .bind(at.to_db())
            .execute(&mut *db)
            .await?;
        recorded.push(Metric {
            metric_name: Some(name.to_owned()),
            metric_value: Some(value),
            recorded_at: Some(at),
        });
    }
    Ok(recorded)
}

/// A named number recorded for an execution.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Metric {
    pub metric_name: Option<String>,
    pub metric_value: Option<f64>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub recorded_at: Option<Timestamp>,
}

pub async fn metrics(db: impl SqliteExecutor<'_>, execution_id: &str) -> anyhow::Result<Vec<Metric>> {
    let rows: Vec<(Option<String>, Option<f64>, Option<String>)> = sqlx::query_as(
        "SELECT metric_name, metric_value, recorded_at FROM execution_metrics WHERE execution_id = ? ORDER BY id",
    )
    .bind(execution_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(metric_name, metric_value, recorded_at)| Metric {
            metric_name,
            metric_value,
            recorded_at: recorded_at.and_then(|t| Timestamp::from_db(&t).ok()),
        })
        .collect())
}
