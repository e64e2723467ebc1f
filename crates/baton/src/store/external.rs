//! Runs reported from outside (Claude Code sessions, orchestrator.sh runs): found by the
//! sender's ids, created on first sight, their tasks keyed the same way; and the read
//! positions of watched files.

use serde_json::json;
use sqlx::SqliteConnection;

use crate::domain::{
    execution::{ExecutionStatus, TaskStatus},
    timestamp::Timestamp,
};

/// An external run as the applier keeps it.
#[derive(Debug, Clone)]
pub struct RunRow {
    pub id: String,
    pub project_id: Option<String>,
    pub status: ExecutionStatus,
    /// Baton runs it (an orchestrator agent started by the engine reports on itself): the
    /// engine owns its state.
    pub baton: bool,
}

type RunTuple = (String, Option<String>, String, String);

fn run_row((id, project_id, status, source): RunTuple) -> Option<RunRow> {
    let status = ExecutionStatus::parse(&status).ok()?;
    Some(RunRow { id, project_id, status, baton: source == "baton" })
}

/// The run `source` knows as `external_id`.
pub async fn find_run(
    db: &mut SqliteConnection,
    source: &str,
    external_id: &str,
) -> anyhow::Result<Option<RunRow>> {
    let row: Option<RunTuple> = sqlx::query_as(
        "SELECT id, project_id, status, source FROM agent_executions WHERE source = ? AND external_id = ?",
    )
    .bind(source)
    .bind(external_id)
    .fetch_optional(&mut *db)
    .await?;
    Ok(row.and_then(run_row))
}

/// An execution by Baton's own id (scripts launched by Baton report with it).
pub async fn find_by_id(db: &mut SqliteConnection, id: &str) -> anyhow::Result<Option<RunRow>> {
    let row: Option<RunTuple> =
        sqlx::query_as("SELECT id, project_id, status, source FROM agent_executions WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *db)
            .await?;
    Ok(row.and_then(run_row))
}

/// The newest unfinished run of `source` in `project_id` (for senders that give no run id).
pub async fn find_open_run(
    db: &mut SqliteConnection,
    source: &str,
    project_id: &str,
) -> anyhow::Result<Option<RunRow>> {
    let row: Option<RunTuple> = sqlx::query_as(
        "SELECT id, project_id, status, source FROM agent_executions \
         WHERE source = ? AND project_id = ? AND status = 'running' ORDER BY created_at DESC LIMIT 1",
    )
    .bind(source)
    .bind(project_id)
    .fetch_optional(&mut *db)
    .await?;
    Ok(row.and_then(run_row))
}

/// A new running execution reported by `source`.
pub struct NewRun<'a> {
    pub source: &'a str,
    pub kind: &'a str,
    pub external_id: &'a str,
    pub project_id: &'a str,
    pub name: &'a str,
    pub created_by: &'a str,
    pub at: Timestamp,
}

pub async fn insert_run(db: &mut SqliteConnection, new: &NewRun<'_>) -> anyhow::Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    sqlx::query(
        "INSERT INTO agent_executions (id, project_id, agent_name, status, started_at, kind, created_at, created_by, source, external_id) \
         VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(new.project_id)
    .bind(new.name)
    .bind(new.at.to_db())
    .bind(new.kind)
    .bind(new.at.to_db())
    .bind(new.created_by)
    .bind(new.source)
    .bind(new.external_id)
    .execute(&mut *db)
    .await?;
    Ok(id)
}

/// Running again (a session that gets a new prompt after it stopped), or ended.
pub async fn set_run_status(
    db: &mut SqliteConnection,
    id: &str,
    status: ExecutionStatus,
    error: Option<&str>,
    at: Timestamp,
) -> anyhow::Result<()> {
    let completed = status.is_terminal().then(|| at.to_db());
    sqlx::query("UPDATE agent_executions SET status = ?, completed_at = ?, error = ? WHERE id = ?")
        .bind(status.as_str())
        .bind(completed)
        .bind(error)
        .bind(id)
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// A task of an external run as the applier keeps it.
#[derive(Debug, Clone)]
pub struct TaskRow {
    /// The attempt's id.
    pub id: String,
    pub task_id: String,
    pub agent: String,
    pub status: TaskStatus,
}

pub async fn find_task(
    db: &mut SqliteConnection,
    execution_id: &str,
    external_id: &str,
) -> anyhow::Result<Option<TaskRow>> {
    let row: Option<(String, String, String, String)> = sqlx::query_as(
        "SELECT id, task_id, agent_name, status FROM agent_tasks WHERE execution_id = ? AND external_id = ? \
         ORDER BY attempt DESC LIMIT 1",
    )
    .bind(execution_id)
    .bind(external_id)
    .fetch_optional(&mut *db)
    .await?;
    Ok(row.and_then(|(id, task_id, agent, status)| {
        Some(TaskRow { id, task_id, agent, status: TaskStatus::parse(&status).ok()? })
    }))
}

/// A new running task of an external run.
pub struct NewTask<'a> {
    pub execution_id: &'a str,
    pub external_id: &'a str,
    pub task_id: &'a str,
    pub agent: &'a str,
    pub parent_id: Option<&'a str>,
    pub prompt: Option<&'a str>,
    pub at: Timestamp,
}

pub async fn insert_task(db: &mut SqliteConnection, new: &NewTask<'_>) -> anyhow::Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    sqlx::query(
        "INSERT INTO agent_tasks (id, execution_id, task_id, agent_name, status, input, started_at, attempt, depends_on, external_id, parent_id) \
         VALUES (?, ?, ?, ?, 'running', ?, ?, 1, '[]', ?, ?)",
    )
    .bind(&id)
    .bind(new.execution_id)
    .bind(new.task_id)
    .bind(new.agent)
    .bind(json!({ "prompt": new.prompt.unwrap_or_default() }).to_string())
    .bind(new.at.to_db())
    .bind(new.external_id)
    .bind(new.parent_id)
    .execute(&mut *db)
    .await?;
    Ok(id)
}

/// A task's new state; `prompt`, `output`, `error` and `task_id` are kept when `None`.
pub struct TaskUpdate<'a> {
    pub status: TaskStatus,
    pub task_id: Option<&'a str>,
    pub prompt: Option<&'a str>,
    pub output: Option<&'a serde_json::Value>,
    pub error: Option<&'a str>,
    pub at: Timestamp,
}

pub async fn update_task(db: &mut SqliteConnection, id: &str, update: &TaskUpdate<'_>) -> anyhow::Result<()> {
    let terminal = update.status.is_terminal();
    sqlx::query(
        "UPDATE agent_tasks SET status = ?, \
         completed_at = CASE WHEN ? THEN ? ELSE NULL END, \
         started_at = COALESCE(started_at, ?), \
         task_id = COALESCE(?, task_id), \
         input = CASE WHEN ? IS NULL THEN input ELSE json_object('prompt', ?) END, \
         output = COALESCE(?, output), error = COALESCE(?, error) WHERE id = ?",
    )
    .bind(update.status.as_str())
    .bind(terminal)
    .bind(update.at.to_db())
    .bind(update.at.to_db())
    .bind(update.task_id)
    .bind(update.prompt)
    .bind(update.prompt)
    .bind(update.output.map(serde_json::Value::to_string))
    .bind(update.error)
    .bind(id)
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// When the call `tool_use_id` was logged as started (after a restart, the applier has
/// forgotten).
pub async fn tool_started_at(
    db: &mut SqliteConnection,
    execution_id: &str,
    tool_use_id: &str,
) -> anyhow::Result<Option<Timestamp>> {
    let at: Option<String> = sqlx::query_scalar(
        "SELECT created_at FROM agent_logs WHERE execution_id = ? AND kind = 'tool_use' \
         AND json_extract(metadata, '$.tool_use_id') = ? ORDER BY id DESC LIMIT 1",
    )
    .bind(execution_id)
    .bind(tool_use_id)
    .fetch_optional(&mut *db)
    .await?;
    Ok(at.and_then(|t| Timestamp::from_db(&t).ok()))
}

/// Projects with a workspace directory, `(id, dir)`, by name.
pub async fn project_dirs(db: impl sqlx::SqliteExecutor<'_>) -> anyhow::Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, workspace_dir FROM projects WHERE workspace_dir IS NOT NULL AND workspace_dir != '' ORDER BY name",
    )
    .fetch_all(db)
    .await?)
}

/// A project by id, or else by name (any case).
pub async fn project_named(db: &mut SqliteConnection, id_or_name: &str) -> anyhow::Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM projects WHERE id = ?1 UNION ALL SELECT id FROM projects WHERE name = ?1 COLLATE NOCASE LIMIT 1",
    )
    .bind(id_or_name)
    .fetch_optional(&mut *db)
    .await?)
}

/// Where a watched file was read up to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub path: String,
    /// The file's identity (device and inode); another file at the path is read from the start.
    pub fingerprint: String,
    pub offset: i64,
    /// A digest of what was last applied from a file that is re-read whole.
    pub digest: Option<String>,
}

pub async fn position(db: impl sqlx::SqliteExecutor<'_>, path: &str) -> anyhow::Result<Option<Position>> {
    let row: Option<(String, i64, Option<String>)> =
        sqlx::query_as("SELECT fingerprint, offset, digest FROM watch_positions WHERE path = ?")
            .bind(path)
            .fetch_optional(db)
            .await?;
    Ok(row.map(|(fingerprint, offset, digest)| Position {
        path: path.to_owned(),
        fingerprint,
        offset,
        digest,
    }))
}

pub async fn save_position(db: &mut SqliteConnection, position: &Position) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO watch_positions (path, fingerprint, offset, digest, updated_at) VALUES (?, ?, ?, ?, ?) \
         ON CONFLICT(path) DO UPDATE SET fingerprint = excluded.fingerprint, offset = excluded.offset, \
         digest = excluded.digest, updated_at = excluded.updated_at",
    )
    .bind(&position.path)
    .bind(&position.fingerprint)
    .bind(position.offset)
    .bind(&position.digest)
    .bind(Timestamp::now().to_db())
    .execute(&mut *db)
    .await?;
    Ok(())
}
