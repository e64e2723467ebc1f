use serde::{Deserialize, Serialize};
use sqlx::{FromRow, QueryBuilder, Sqlite, SqliteExecutor};
use utoipa::ToSchema;

use crate::domain::{execution::ExecutionStatus, plan::Plan, timestamp::Timestamp};

/// An execution as listed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Execution {
    pub id: String,
    pub project_id: Option<String>,
    /// The project's name, when it still exists.
    pub project_name: Option<String>,
    /// `plan`, `agent`, `session` or `orchestrator`.
    pub kind: String,
    /// Who reported it: `baton` (Baton runs it), `hooks` (Claude Code hooks), `notify`
    /// (orchestrator.sh's webhook) or `workspace` (orchestrator.sh's files).
    #[schema(example = "baton")]
    pub source: String,
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
    project_name: Option<String>,
    kind: String,
    source: String,
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
            project_name: row.project_name,
            kind: row.kind,
            source: row.source,
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

const COLUMNS: &str = "id, project_id, (SELECT name FROM projects p WHERE p.id = agent_executions.project_id) \
                       AS project_name, kind, source, agent_name, plan_id, status, error, created_at, started_at, \
                       completed_at, cost_usd, input_tokens, output_tokens, created_by, rerun_of";

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

/// Folds the plans of the executions created since `since` (of one project, if given) into
/// `fold`, one at a time, without holding them all.
pub async fn fold_plans_since(
    db: &sqlx::SqlitePool,
    since: Timestamp,
    project_id: Option<&str>,
    mut fold: impl FnMut(&Plan),
) -> anyhow::Result<()> {
    use futures_util::TryStreamExt as _;
    let mut rows = sqlx::query_scalar::<_, String>(
        "SELECT plan FROM agent_executions WHERE created_at >= ? AND plan IS NOT NULL \
         AND (?2 IS NULL OR project_id = ?2)",
    )
    .bind(since.to_db())
    .bind(project_id)
    .fetch(db);
    while let Some(text) = rows.try_next().await? {
        // A plan stored by an older version that no longer reads is skipped, not fatal.
        if let Ok(plan) = serde_json::from_str::<Plan>(&text) {
            fold(&plan);
        }
    }
    Ok(())
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

/// What a list is ordered by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    #[default]
    CreatedAt,
    Cost,
    Duration,
}

impl SortKey {
    fn name(self) -> &'static str {
        match self {
            Self::CreatedAt => "created_at",
            Self::Cost => "cost",
            Self::Duration => "duration",
        }
    }

    /// The SQL value rows are ordered by; never NULL, so keyset paging is exact.
    fn expression(self) -> &'static str {
        match self {
            Self::CreatedAt => "COALESCE(created_at, '')",
            Self::Cost => "cost_usd",
            Self::Duration => "COALESCE((julianday(completed_at) - julianday(started_at)) * 86400000.0, -1)",
        }
    }
}

/// A position in a sorted list: the sort it belongs to, the last row's key and id.
#[derive(Debug, Clone, PartialEq)]
pub struct SortCursor {
    sort: SortKey,
    key: String,
    id: String,
}

impl SortCursor {
    pub fn encode(&self) -> String {
        use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
        URL_SAFE_NO_PAD.encode(format!("{}\n{}\n{}", self.sort.name(), self.key, self.id))
    }

    /// Reads a cursor issued for `sort`; None for anything else.
    pub fn decode(text: &str, sort: SortKey) -> Option<Self> {
        use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
        let text = String::from_utf8(URL_SAFE_NO_PAD.decode(text).ok()?).ok()?;
        let mut parts = text.splitn(3, '\n');
        let (name, key, id) = (parts.next()?, parts.next()?, parts.next()?);
        if name != sort.name() || (sort != SortKey::CreatedAt && key.parse::<f64>().is_err()) {
            return None;
        }
        Some(Self { sort, key: key.to_owned(), id: id.to_owned() })
    }
}

/// What to list, and in which order.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub project_id: Option<String>,
    pub status: Option<ExecutionStatus>,
    /// Queued or running only.
    pub active: bool,
    pub agent: Option<String>,
    pub since: Option<Timestamp>,
    pub until: Option<Timestamp>,
    /// Text in the name or the project's name, or the start of the id.
    pub q: Option<String>,
    pub sort: SortKey,
    pub ascending: bool,
    pub after: Option<SortCursor>,
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
    if filter.active {
        query.push(" AND status IN ('queued', 'running')");
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
    if let Some(q) = &filter.q {
        let pattern = super::contains_pattern(q);
        query
            .push(" AND (agent_name LIKE ")
            .push_bind(pattern.clone())
            .push(" ESCAPE '\\' OR project_id IN (SELECT id FROM projects WHERE name LIKE ")
            .push_bind(pattern)
            .push(" ESCAPE '\\') OR id LIKE ")
            .push_bind(format!("{}%", q.replace(['%', '_', '\\'], "")))
            .push(")");
    }
    if let Some(cursor) = &filter.after {
        let comparison = if filter.ascending { " > " } else { " < " };
        query.push(format_args!(" AND ({}, id){comparison}(", filter.sort.expression()));
        match cursor.sort {
            SortKey::CreatedAt => query.push_bind(cursor.key.clone()),
            _ => query.push_bind(cursor.key.parse::<f64>().unwrap_or_default()),
        };
        query.push(", ").push_bind(&cursor.id).push(")");
    }
}

/// One page, and the cursor of the next when there is one.
pub async fn list(
    db: impl SqliteExecutor<'_>,
    filter: &ListFilter,
) -> anyhow::Result<(Vec<Execution>, Option<SortCursor>)> {
    let expression = filter.sort.expression();
    let mut query = QueryBuilder::new(format!(
        "SELECT {COLUMNS}, CAST({expression} AS TEXT) AS sort_key FROM agent_executions"
    ));
    push_filter(&mut query, filter);
    let direction = if filter.ascending { "ASC" } else { "DESC" };
    query
        .push(format_args!(" ORDER BY {expression} {direction}, id {direction} LIMIT "))
        .push_bind(i64::from(filter.limit) + 1);
    let rows: Vec<SortedRow> = query.build_query_as().fetch_all(db).await?;
    let more = rows.len() > filter.limit as usize;
    let mut last_key = None;
    let mut items = Vec::with_capacity(rows.len());
    for SortedRow { row, sort_key } in rows.into_iter().take(filter.limit as usize) {
        last_key = Some(sort_key);
        items.push(Execution::try_from(row)?);
    }
    let next = match (more, items.last(), last_key) {
        (true, Some(last), Some(key)) => Some(SortCursor { sort: filter.sort, key, id: last.id.clone() }),
        _ => None,
    };
    Ok((items, next))
}

#[derive(FromRow)]
struct SortedRow {
    #[sqlx(flatten)]
    row: Row,
    sort_key: String,
}
