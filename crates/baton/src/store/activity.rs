//! The recent-activity feed. It is read from the executions and tasks themselves (when each
//! started and ended), so it needs no table of its own and can never disagree with them.

use serde::Serialize;
use sqlx::{FromRow, SqliteExecutor};
use utoipa::ToSchema;

use crate::domain::timestamp::Timestamp;

/// Something that happened to an execution or one of its tasks.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActivityItem {
    /// Stable: the kind and the execution's or attempt's id.
    pub id: String,
    /// `execution_started`, `execution_completed`, `execution_failed`, `execution_cancelled`,
    /// `execution_interrupted`, `task_started`, `task_completed`, `task_failed` or
    /// `task_timed_out`.
    #[schema(example = "task_failed")]
    pub kind: String,
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
    pub execution_id: String,
    pub execution_name: String,
    /// `plan`, `agent`, `session` or `orchestrator`.
    pub execution_kind: String,
    /// `baton`, `hooks`, `notify` or `workspace`.
    pub execution_source: String,
    pub project_id: Option<String>,
    pub project_name: Option<String>,
    pub task_id: Option<String>,
    pub agent: Option<String>,
    /// The attempt of a task (a `task_started` with attempt > 1 is a retry).
    pub attempt: Option<i64>,
    /// One line for people.
    pub message: String,
}

#[derive(FromRow)]
struct Row {
    kind: String,
    row_id: String,
    at: String,
    execution_id: String,
    execution_name: String,
    execution_kind: String,
    execution_source: String,
    project_id: Option<String>,
    project_name: Option<String>,
    task_id: Option<String>,
    agent: Option<String>,
    attempt: Option<i64>,
    error: Option<String>,
}

impl Row {
    fn into_item(self) -> Option<ActivityItem> {
        let at = Timestamp::from_db(&self.at).ok()?;
        let message = describe(
            &self.kind,
            &self.execution_name,
            self.task_id.as_deref(),
            self.agent.as_deref(),
            self.attempt,
            self.error.as_deref(),
        );
        Some(ActivityItem {
            id: format!("{}:{}", self.kind, self.row_id),
            kind: self.kind,
            at,
            execution_id: self.execution_id,
            execution_name: self.execution_name,
            execution_kind: self.execution_kind,
            execution_source: self.execution_source,
            project_id: self.project_id,
            project_name: self.project_name,
            task_id: self.task_id,
            agent: self.agent,
            attempt: self.attempt,
            message,
        })
    }
}

/// The line shown for an item.
pub fn describe(
    kind: &str,
    execution: &str,
    task: Option<&str>,
    agent: Option<&str>,
    attempt: Option<i64>,
    error: Option<&str>,
) -> String {
    let task = match (task, agent) {
        (Some(task), Some(agent)) => format!("{task} ({agent})"),
        (Some(task), None) => task.to_owned(),
        _ => String::new(),
    };
    let because = error.map(|e| format!(": {}", first_line(e))).unwrap_or_default();
    match kind {
        "execution_started" => format!("{execution} started"),
        "execution_completed" => format!("{execution} completed"),
        "execution_failed" => format!("{execution} failed{because}"),
        "execution_cancelled" => format!("{execution} was cancelled{because}"),
        "execution_interrupted" => format!("{execution} was interrupted{because}"),
        "task_started" if attempt.unwrap_or(1) > 1 => {
            format!("{task} retried (attempt {}) in {execution}", attempt.unwrap_or(1))
        }
        "task_started" => format!("{task} started in {execution}"),
        "task_completed" => format!("{task} completed in {execution}"),
        "task_failed" => format!("{task} failed in {execution}{because}"),
        "task_timed_out" => format!("{task} timed out in {execution}"),
        other => format!("{execution}: {other}"),
    }
}

fn first_line(text: &str) -> &str {
    let line = text.lines().next().unwrap_or_default();
    match line.char_indices().nth(160) {
        Some((cut, _)) => &line[..cut],
        None => line,
    }
}

const EXECUTION: &str = "e.id AS execution_id, e.agent_name AS execution_name, e.kind AS execution_kind, \
                         e.source AS execution_source, e.project_id, \
                         (SELECT name FROM projects p WHERE p.id = e.project_id) AS project_name";

/// The newest `limit` items before `before` (or now), newest first.
pub async fn list(
    db: impl SqliteExecutor<'_>,
    before: Option<Timestamp>,
    limit: u32,
) -> anyhow::Result<Vec<ActivityItem>> {
    let before = before.unwrap_or_else(|| Timestamp::now().plus_seconds(1)).to_db();
    // Each branch takes its own newest rows through an index; the union is then small.
    let sql = format!(
        "SELECT * FROM (
           SELECT 'execution_started' AS kind, e.id AS row_id, e.started_at AS at, {EXECUTION},
                  NULL AS task_id, NULL AS agent, NULL AS attempt, NULL AS error
           FROM agent_executions e WHERE e.started_at IS NOT NULL AND e.started_at < ?1
           ORDER BY e.started_at DESC LIMIT ?2)
         UNION ALL SELECT * FROM (
           SELECT 'execution_' || e.status, e.id, e.completed_at, {EXECUTION}, NULL, NULL, NULL, e.error
           FROM agent_executions e WHERE e.completed_at IS NOT NULL AND e.completed_at < ?1
           ORDER BY e.completed_at DESC LIMIT ?2)
         UNION ALL SELECT * FROM (
           SELECT 'task_started', t.id, t.started_at, {EXECUTION}, t.task_id, t.agent_name, t.attempt, NULL
           FROM agent_tasks t JOIN agent_executions e ON e.id = t.execution_id
           WHERE t.started_at IS NOT NULL AND t.started_at < ?1
           ORDER BY t.started_at DESC LIMIT ?2)
         UNION ALL SELECT * FROM (
           SELECT 'task_' || t.status, t.id, t.completed_at, {EXECUTION}, t.task_id, t.agent_name, t.attempt, t.error
           FROM agent_tasks t JOIN agent_executions e ON e.id = t.execution_id
           WHERE t.completed_at IS NOT NULL AND t.completed_at < ?1
             AND t.status IN ('completed', 'failed', 'timed_out')
           ORDER BY t.completed_at DESC LIMIT ?2)
         ORDER BY at DESC, row_id DESC LIMIT ?2"
    );
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(before).bind(i64::from(limit)).fetch_all(db).await?;
    Ok(rows.into_iter().filter_map(Row::into_item).collect())
}

/// The item for an execution that just started or ended.
pub async fn for_execution(
    db: impl SqliteExecutor<'_>,
    execution_id: &str,
    kind: &str,
) -> anyhow::Result<Option<ActivityItem>> {
    let at = if kind == "execution_started" { "e.started_at" } else { "e.completed_at" };
    let sql = format!(
        "SELECT ? AS kind, e.id AS row_id, {at} AS at, {EXECUTION}, NULL AS task_id, NULL AS agent, \
         NULL AS attempt, e.error AS error FROM agent_executions e WHERE e.id = ? AND {at} IS NOT NULL"
    );
    let row: Option<Row> = sqlx::query_as(&sql).bind(kind).bind(execution_id).fetch_optional(db).await?;
    Ok(row.and_then(Row::into_item))
}

/// The item for an attempt that just started or ended.
pub async fn for_task(
    db: impl SqliteExecutor<'_>,
    attempt_id: &str,
    kind: &str,
) -> anyhow::Result<Option<ActivityItem>> {
    let at = if kind == "task_started" { "t.started_at" } else { "t.completed_at" };
    let sql = format!(
        "SELECT ? AS kind, t.id AS row_id, {at} AS at, {EXECUTION}, t.task_id, t.agent_name AS agent, \
         t.attempt, t.error FROM agent_tasks t JOIN agent_executions e ON e.id = t.execution_id \
         WHERE t.id = ? AND {at} IS NOT NULL"
    );
    let row: Option<Row> = sqlx::query_as(&sql).bind(kind).bind(attempt_id).fetch_optional(db).await?;
    Ok(row.and_then(Row::into_item))
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn lines_say_what_happened() {
        assert_eq!(describe("execution_started", "Ship it", None, None, None, None), "Ship it started");
        assert_eq!(
            describe("task_failed", "Ship it", Some("build"), Some("dev"), Some(1), Some("exit 2\nmore")),
            "build (dev) failed in Ship it: exit 2"
        );
        assert_eq!(
            describe("task_started", "Ship it", Some("build"), Some("dev"), Some(3), None),
            "build (dev) retried (attempt 3) in Ship it"
        );
    }
}
