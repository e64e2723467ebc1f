use serde::Serialize;
use sqlx::{FromRow, QueryBuilder, Sqlite, SqliteExecutor};
use utoipa::ToSchema;

use crate::domain::{execution::ExecutionStatus, plan::Plan, timestamp::Timestamp};

/// An execution as listed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Execution {
    pub id: String,
    pub project_id: Option<String>,
    /// `plan`, `agent`, `session` or `orchestrator`.
    pub kind: String,
    /// The plan's name (or the agent's, for a single-agent run).
    pub name: String,
    pub plan_id: Option<String>,
    pub status: ExecutionStatus,
    pub error: Option<String>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub created_at: Option<Timestamp>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub started_at: Option<Timestamp>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub completed_at: Option<Timestamp>,
    pub cost_usd: f64,
    pub input_tokens: i64,
    pub output_tokens: i64,
    /// Who started it (username or token name).
    pub created_by: Option<String>,
    /// The execution this one re-runs.
    pub rerun_of: Option<String>,
}

#[derive(FromRow)]
struct Row {
    id: String,
    project_id: Option<String>,
    kind: String,
    agent_name: String,
    plan_id: Option<String>,
    status: String,
    error: Option<String>,
    created_at: Option<String>,
    started_at: Option<String>,
    completed_at: Option<String>,
    cost_usd: f64,
    input_tokens: i64,
    output_tokens: i64,
    created_by: Option<String>,
    rerun_of: Option<String>,
}

fn time(text: Option<String>) -> Option<Timestamp> {
    text.and_then(|t| Timestamp::from_db(&t).ok())
}

impl TryFrom<Row> for Execution {
    type Error = anyhow::Error;

    fn try_from(row: Row) -> anyhow::Result<Self> {
        Ok(Self {
            status: ExecutionStatus::parse(&row.status).map_err(anyhow::Error::msg)?,
            id: row.id,
            project_id: row.project_id,
            kind: row.kind,
            name: row.agent_name,
            plan_id: row.plan_id,
            error: row.error,
            created_at: time(row.created_at),
            started_at: time(row.started_at),
            completed_at: time(row.completed_at),
            cost_usd: row.cost_usd,
            input_tokens: row.input_tokens,
            output_tokens: row.output_tokens,
            created_by: row.created_by,
            rerun_of: row.rerun_of,
        })
    }
}

const COLUMNS: &str = "id, project_id, kind, agent_name, plan_id, status, error, created_at, started_at, completed_at, \
                       cost_usd, input_tokens, output_tokens, created_by, rerun_of";

/// A new execution, queued.
pub struct NewExecution<'a> {
    pub id: &'a str,
    pub project_id: &'a str,
    pub plan_id: Option<&'a str>,
    pub plan: &'a Plan,
    pub created_by: &'a str,
    pub rerun_of: Option<&'a str>,
}

pub async fn insert(db: impl SqliteExecutor<'_>, new: &NewExecution<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO agent_executions (id, project_id, agent_name, status, started_at, kind, plan_id, plan, created_at, created_by, rerun_of) \
         VALUES (?, ?, ?, 'queued', NULL, 'plan', ?, ?, ?, ?, ?)",
    )
    .bind(new.id)
    .bind(new.project_id)
    .bind(&new.plan.name)
    .bind(new.plan_id)
    .bind(serde_json::to_string(new.plan)?)
    .bind(Timestamp::now().to_db())
    .bind(new.created_by)
    .bind(new.rerun_of)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn get(db: impl SqliteExecutor<'_>, id: &str) -> anyhow::Result<Option<Execution>> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM agent_executions WHERE id = ?"))
        .bind(id)
        .fetch_optional(db)
        .await?;
    row.map(Execution::try_from).transpose()
}

/// The plan an execution runs (its own copy, taken when it started).
pub async fn plan_of(db: impl SqliteExecutor<'_>, id: &str) -> anyhow::Result<Option<Plan>> {
    let text: Option<Option<String>> = sqlx::query_scalar("SELECT plan FROM agent_executions WHERE id = ?")
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(text.flatten().map(|t| serde_json::from_str(&t)).transpose()?)
}

pub async fn set_running(db: impl SqliteExecutor<'_>, id: &str) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE agent_executions SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'",
    )
    .bind(Timestamp::now().to_db())
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn finish(
    db: impl SqliteExecutor<'_>,
    id: &str,
    status: ExecutionStatus,
    error: Option<&str>,
) -> anyhow::Result<()> {
    sqlx::query("UPDATE agent_executions SET status = ?, error = ?, completed_at = ? WHERE id = ?")
        .bind(status.as_str())
        .bind(error)
        .bind(Timestamp::now().to_db())
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Adds a task's usage to the execution's totals.
pub async fn add_usage(
    db: impl SqliteExecutor<'_>,
    id: &str,
    input: i64,
    output: i64,
    cost: f64,
) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE agent_executions SET input_tokens = input_tokens + ?, output_tokens = output_tokens + ?, \
         cost_usd = cost_usd + ? WHERE id = ?",
    )
    .bind(input)
    .bind(output)
    .bind(cost)
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}

/// Executions a previous process left queued or running.
pub async fn unfinished(db: impl SqliteExecutor<'_>) -> anyhow::Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM agent_executions WHERE status IN ('queued', 'running') AND kind = 'plan'",
    )
    .fetch_all(db)
    .await?)
}

pub async fn active_for_project(
    db: impl SqliteExecutor<'_>,
    project_id: &str,
) -> anyhow::Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM agent_executions WHERE project_id = ? AND status IN ('queued', 'running')",
    )
    .bind(project_id)
    .fetch_all(db)
    .await?)
}

/// What to list, newest first.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub project_id: Option<String>,
    pub status: Option<ExecutionStatus>,
    pub agent: Option<String>,
    pub since: Option<Timestamp>,
    pub until: Option<Timestamp>,
    pub after: Option<super::cursor::Cursor>,
    pub limit: u32,
}

fn push_filter<'a>(query: &mut QueryBuilder<'a, Sqlite>, filter: &'a ListFilter) {
    query.push(" WHERE 1 = 1");
    if let Some(project) = &filter.project_id {
        query.push(" AND project_id = ").push_bind(project);
    }
    if let Some(status) = filter.status {
        query.push(" AND status = ").push_bind(status.as_str());
    }
    if let Some(agent) = &filter.agent {
        query
            .push(" AND id IN (SELECT execution_id FROM agent_tasks WHERE agent_name = ")
            .push_bind(agent)
            .push(")");
    }
    if let Some(since) = filter.since {
        query.push(" AND created_at >= ").push_bind(since.to_db());
    }
    if let Some(until) = filter.until {
        query.push(" AND created_at < ").push_bind(until.to_db());
    }
    if let Some(cursor) = &filter.after {
        cursor.push_condition(query);
    }
}

/// One page and whether another follows.
pub async fn list(
    db: impl SqliteExecutor<'_>,
    filter: &ListFilter,
) -> anyhow::Result<(Vec<Execution>, bool)> {
    let mut query = QueryBuilder::new(format!("SELECT {COLUMNS} FROM agent_executions"));
    push_filter(&mut query, filter);
    query.push(" ORDER BY created_at DESC, id DESC LIMIT ").push_bind(i64::from(filter.limit) + 1);
    let rows: Vec<Row> = query.build_query_as().fetch_all(db).await?;
    let more = rows.len() > filter.limit as usize;
    let items = rows
        .into_iter()
        .take(filter.limit as usize)
        .map(Execution::try_from)
        .collect::<anyhow::Result<_>>()?;
    Ok((items, more))
}

pub async fn created_at_db(db: impl SqliteExecutor<'_>, id: &str) -> anyhow::Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT created_at FROM agent_executions WHERE id = ?")
        .bind(id)
        .fetch_optional(db)
        .await?
        .flatten())
}
