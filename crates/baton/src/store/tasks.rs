use serde::Serialize;
use serde_json::{Value, json};
use sqlx::{FromRow, SqliteExecutor};
use utoipa::ToSchema;

use crate::domain::{execution::TaskStatus, plan::Task, timestamp::Timestamp};

/// One attempt of one task of an execution.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TaskAttempt {
    /// The attempt's own id.
    pub id: String,
    /// The plan's task id.
    pub task_id: String,
    pub agent: String,
    pub status: TaskStatus,
    pub attempt: i64,
    pub depends_on: Vec<String>,
    /// The attempt that started this one (a subagent's session task).
    pub parent_id: Option<String>,
    pub prompt: String,
    /// What the agent reported at the end (the `result` text for Claude Code).
    pub output: Option<String>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub started_at: Option<Timestamp>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub completed_at: Option<Timestamp>,
    pub exit_code: Option<i64>,
    pub error: Option<String>,
    pub input_tokens: i64,
    pub output_tokens: i64,
    pub cost_usd: f64,
}

#[derive(FromRow)]
struct Row {
    id: String,
    task_id: String,
    agent_name: String,
    status: String,
    attempt: i64,
    depends_on: Option<String>,
    parent_id: Option<String>,
    input: Option<String>,
    output: Option<String>,
    started_at: Option<String>,
    completed_at: Option<String>,
    exit_code: Option<i64>,
    error: Option<String>,
    input_tokens: i64,
    output_tokens: i64,
    cost_usd: f64,
}

impl TryFrom<Row> for TaskAttempt {
    type Error = anyhow::Error;

    fn try_from(row: Row) -> anyhow::Result<Self> {
        let time = |t: Option<String>| t.and_then(|t| Timestamp::from_db(&t).ok());
        let input: Value = row.input.and_then(|i| serde_json::from_str(&i).ok()).unwrap_or(Value::Null);
        let output: Value = row.output.and_then(|o| serde_json::from_str(&o).ok()).unwrap_or(Value::Null);
        Ok(Self {
            status: TaskStatus::parse(&row.status).map_err(anyhow::Error::msg)?,
            id: row.id,
            task_id: row.task_id,
            agent: row.agent_name,
            attempt: row.attempt,
            depends_on: row.depends_on.and_then(|d| serde_json::from_str(&d).ok()).unwrap_or_default(),
            parent_id: row.parent_id,
            prompt: input.get("prompt").and_then(Value::as_str).unwrap_or_default().to_owned(),
            output: output.get("result").and_then(Value::as_str).map(str::to_owned),
            started_at: time(row.started_at),
            completed_at: time(row.completed_at),
            exit_code: row.exit_code,
            error: row.error,
            input_tokens: row.input_tokens,
            output_tokens: row.output_tokens,
            cost_usd: row.cost_usd,
        })
    }
}

/// Inserts a pending attempt of `task` and returns its id.
pub async fn insert_pending(
    db: impl SqliteExecutor<'_>,
    execution_id: &str,
    task: &Task,
    attempt: i64,
) -> anyhow::Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    sqlx::query(
        "INSERT INTO agent_tasks (id, execution_id, task_id, agent_name, status, input, attempt, depends_on) \
         VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)",
    )
    .bind(&id)
    .bind(execution_id)
    .bind(&task.id)
    .bind(&task.agent)
    .bind(json!({"prompt": task.prompt}).to_string())
    .bind(attempt)
    .bind(serde_json::to_string(&task.depends_on)?)
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn set_running(db: impl SqliteExecutor<'_>, id: &str, pgid: i32) -> anyhow::Result<()> {
    sqlx::query("UPDATE agent_tasks SET status = 'running', started_at = ?, pgid = ? WHERE id = ?")
        .bind(Timestamp::now().to_db())
        .bind(pgid)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Records how an attempt ended.
pub async fn finish(
    db: impl SqliteExecutor<'_>,
    id: &str,
    status: TaskStatus,
    exit_code: Option<i32>,
    error: Option<&str>,
    result: Option<&str>,
) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE agent_tasks SET status = ?, exit_code = ?, error = ?, output = ?, pgid = NULL, \
         completed_at = ?, started_at = IFNULL(started_at, ?) WHERE id = ?",
    )
    .bind(status.as_str())
    .bind(exit_code)
    .bind(error)
    .bind(result.map(|r| json!({"result": r}).to_string()))
    .bind(Timestamp::now().to_db())
    .bind(Timestamp::now().to_db())
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn add_usage(
    db: impl SqliteExecutor<'_>,
    id: &str,
    input: i64,
    output: i64,
    cost: f64,
) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE agent_tasks SET input_tokens = input_tokens + ?, output_tokens = output_tokens + ?, cost_usd = cost_usd + ? WHERE id = ?",
    )
    .bind(input)
    .bind(output)
    .bind(cost)
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}

/// Every attempt of every task of an execution, in plan order then attempt.
const COLUMNS: &str = "id, task_id, agent_name, status, attempt, depends_on, parent_id, input, output, started_at, \
                       completed_at, exit_code, error, input_tokens, output_tokens, cost_usd";

/// One attempt by its own id.
pub async fn get(db: impl SqliteExecutor<'_>, id: &str) -> anyhow::Result<Option<TaskAttempt>> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM agent_tasks WHERE id = ?"))
        .bind(id)
        .fetch_optional(db)
        .await?;
    row.map(TaskAttempt::try_from).transpose()
}

/// The task ids running now in an execution.
pub async fn running_in(db: impl SqliteExecutor<'_>, execution_id: &str) -> anyhow::Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT task_id FROM agent_tasks WHERE execution_id = ? AND status = 'running' ORDER BY started_at",
    )
    .bind(execution_id)
    .fetch_all(db)
    .await?)
}

pub async fn list_for_execution(
    db: impl SqliteExecutor<'_>,
    execution_id: &str,
) -> anyhow::Result<Vec<TaskAttempt>> {
    let rows: Vec<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM agent_tasks WHERE execution_id = ? ORDER BY rowid"))
            .bind(execution_id)
            .fetch_all(db)
            .await?;
    rows.into_iter().map(TaskAttempt::try_from).collect()
}

/// Marks the execution's attempts that had not finished with `status` (and an explanation).
pub async fn finish_unfinished(
    db: impl SqliteExecutor<'_>,
    execution_id: &str,
    status: TaskStatus,
    error: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE agent_tasks SET status = ?, error = IFNULL(error, ?), completed_at = ?, pgid = NULL \
         WHERE execution_id = ? AND status IN ('pending', 'running')",
    )
    .bind(status.as_str())
    .bind(error)
    .bind(Timestamp::now().to_db())
    .bind(execution_id)
    .execute(db)
    .await?;
    Ok(())
}

/// Process groups of attempts recorded as running in this execution.
pub async fn running_groups(db: impl SqliteExecutor<'_>, execution_id: &str) -> anyhow::Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT pgid FROM agent_tasks WHERE execution_id = ? AND status = 'running' AND pgid IS NOT NULL",
    )
    .bind(execution_id)
    .fetch_all(db)
    .await?)
}

/// (execution id, task id, status, attempt) of every attempt of these executions: enough to count
/// a page of executions' tasks in one query.
pub async fn states_of(
    db: impl SqliteExecutor<'_>,
    execution_ids: &[String],
) -> anyhow::Result<Vec<(String, String, TaskStatus, i64)>> {
    if execution_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = sqlx::QueryBuilder::new(
        "SELECT execution_id, task_id, status, attempt FROM agent_tasks WHERE execution_id IN (",
    );
    let mut ids = query.separated(", ");
    for id in execution_ids {
        ids.push_bind(id);
    }
    query.push(")");
    let rows: Vec<(String, String, String, i64)> = query.build_query_as().fetch_all(db).await?;
    rows.into_iter()
        .map(|(execution, task, status, attempt)| {
            Ok((execution, task, TaskStatus::parse(&status).map_err(anyhow::Error::msg)?, attempt))
        })
        .collect()
}
