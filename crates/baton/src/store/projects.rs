use serde_json::Value;
use sqlx::{FromRow, QueryBuilder, Sqlite, SqliteExecutor};

use super::cursor::Cursor;
use crate::domain::{
    project::{Project, ProjectStatus},
    timestamp::Timestamp,
};

const COLUMNS: &str = "id, name, description, status, workspace_dir, config, created_at, updated_at";

#[derive(FromRow)]
struct Row {
    id: String,
    name: String,
    description: Option<String>,
    status: Option<String>,
    workspace_dir: Option<String>,
    config: Option<String>,
    created_at: Option<String>,
    updated_at: Option<String>,
}

impl TryFrom<Row> for Project {
    type Error = anyhow::Error;

    fn try_from(row: Row) -> anyhow::Result<Self> {
        let time = |text: Option<String>| -> anyhow::Result<Timestamp> {
            Ok(match text {
                Some(text) => Timestamp::from_db(&text).map_err(anyhow::Error::msg)?,
                None => Timestamp::now(),
            })
        };
        let status = match row.status.as_deref() {
            None => ProjectStatus::default(),
            Some(text) => ProjectStatus::parse(text).map_err(anyhow::Error::msg)?,
        };
        // A row written by something other than Baton may hold text that is not JSON: show it
        // as it is rather than losing it.
        let config = match row.config {
            None => Value::Object(Default::default()),
            Some(text) => serde_json::from_str(&text).unwrap_or(Value::String(text)),
        };
        Ok(Self {
            id: row.id,
            name: row.name,
            description: row.description,
            status,
            workspace_dir: row.workspace_dir,
            config,
            created_at: time(row.created_at)?,
            updated_at: time(row.updated_at)?,
        })
    }
}

/// What to list, newest first.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub status: Option<ProjectStatus>,
    /// A case-insensitive substring of the name.
    pub q: Option<String>,
    pub after: Option<Cursor>,
    pub limit: u32,
}

/// Adds the WHERE clause shared by the page and the count.
fn push_filter<'a>(query: &mut QueryBuilder<'a, Sqlite>, filter: &'a ListFilter, with_cursor: bool) {
    query.push(" WHERE 1 = 1");
    if let Some(status) = filter.status {
        query.push(" AND status = ").push_bind(status.as_str());
    }
    if let Some(q) = &filter.q {
        query.push(" AND name LIKE ").push_bind(super::contains_pattern(q)).push(" ESCAPE '\\'");
    }
    if let (true, Some(cursor)) = (with_cursor, &filter.after) {
        cursor.push_condition(query);
    }
}

/// One page of projects and the cursor of the next page, if there is one.
pub async fn list(
    db: impl SqliteExecutor<'_>,
    filter: &ListFilter,
) -> anyhow::Result<(Vec<Project>, Option<Cursor>)> {
    let mut query = QueryBuilder::new(format!("SELECT {COLUMNS} FROM projects"));
    push_filter(&mut query, filter, true);
    // One row more than asked tells whether another page exists.
    query.push(" ORDER BY created_at DESC, id DESC LIMIT ").push_bind(i64::from(filter.limit) + 1);
    let rows: Vec<Row> = query.build_query_as().fetch_all(db).await?;
    let mut projects = rows.into_iter().map(Project::try_from).collect::<anyhow::Result<Vec<_>>>()?;
    let next = if projects.len() > filter.limit as usize {
        projects.truncate(filter.limit as usize);
        projects.last().map(|p| Cursor::new(p.created_at.to_db(), p.id.clone()))
    } else {
        None
    };
    Ok((projects, next))
}

/// How many projects match the filter, all pages together.
pub async fn count(db: impl SqliteExecutor<'_>, filter: &ListFilter) -> anyhow::Result<i64> {
    let mut query = QueryBuilder::new("SELECT COUNT(*) FROM projects");
    push_filter(&mut query, filter, false);
    Ok(query.build_query_scalar().fetch_one(db).await?)
}

pub async fn get(db: impl SqliteExecutor<'_>, id: &str) -> anyhow::Result<Option<Project>> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM projects WHERE id = ?"))
        .bind(id)
        .fetch_optional(db)
        .await?;
    row.map(Project::try_from).transpose()
}

/// Inserts a new project. A name taken (in any case) is a unique violation the caller maps.
pub async fn insert(db: impl SqliteExecutor<'_>, project: &Project) -> sqlx::Result<()> {
    sqlx::query(&format!("INSERT INTO projects ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
        .bind(&project.id)
        .bind(&project.name)
        .bind(&project.description)
        .bind(project.status.as_str())
        .bind(&project.workspace_dir)
        .bind(project.config.to_string())
        .bind(project.created_at.to_db())
        .bind(project.updated_at.to_db())
        .execute(db)
        .await?;
    Ok(())
}

/// Writes every field of `project` over the stored row. Returns false when no row has its id.
pub async fn update(db: impl SqliteExecutor<'_>, project: &Project) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE projects SET name = ?, description = ?, status = ?, workspace_dir = ?, config = ?, \
         updated_at = ? WHERE id = ?",
    )
    .bind(&project.name)
    .bind(&project.description)
    .bind(project.status.as_str())
    .bind(&project.workspace_dir)
    .bind(project.config.to_string())
    .bind(project.updated_at.to_db())
    .bind(&project.id)
    .execute(db)
    .await?;
    Ok(result.rows_affected() > 0)
}

/// True while an execution Baton runs in the project is queued or running (sessions and
/// orchestrator runs reported from outside cannot be stopped from here, so they do not hold it).
pub async fn has_active_execution(db: impl SqliteExecutor<'_>, id: &str) -> anyhow::Result<bool> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS(SELECT 1 FROM agent_executions WHERE project_id = ? \
         AND status IN ('queued', 'running') AND source = 'baton')",
    )
    .bind(id)
    .fetch_one(db)
    .await?)
}

/// Deletes the project and everything recorded under it (the seed's foreign keys have no
/// cascade, so children go first). Returns false when no project has that id.
pub async fn delete(tx: &mut sqlx::SqliteConnection, id: &str) -> anyhow::Result<bool> {
    const CHILDREN: [&str; 10] = [
        "DELETE FROM notifications WHERE project_id = ?",
        "DELETE FROM agent_logs WHERE execution_id IN (SELECT id FROM agent_executions WHERE project_id = ?)",
        "DELETE FROM execution_metrics WHERE execution_id IN (SELECT id FROM agent_executions WHERE project_id = ?)",
        "DELETE FROM agent_tasks WHERE execution_id IN (SELECT id FROM agent_executions WHERE project_id = ?)",
        "DELETE FROM agent_executions WHERE project_id = ?",
        "DELETE FROM agent_dependencies WHERE execution_plan_id IN (SELECT id FROM execution_plans WHERE project_id = ?)",
        "DELETE FROM execution_plans WHERE project_id = ?",
        "DELETE FROM project_configurations WHERE project_id = ?",
        "DELETE FROM agent_configurations WHERE project_id = ?",
        "DELETE FROM webhooks WHERE project_id = ?",
    ];
    for statement in CHILDREN {
        sqlx::query(statement).bind(id).execute(&mut *tx).await?;
    }
    let result = sqlx::query("DELETE FROM projects WHERE id = ?").bind(id).execute(&mut *tx).await?;
    Ok(result.rows_affected() > 0)
}

/// True when another project (not `except_id`) has this name in any case.
pub async fn name_taken(
    db: impl SqliteExecutor<'_>,
    name: &str,
    except_id: Option<&str>,
) -> anyhow::Result<bool> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS(SELECT 1 FROM projects WHERE name = ? COLLATE NOCASE AND id IS NOT ?)",
    )
    .bind(name)
    .bind(except_id)
    .fetch_one(db)
    .await?)
}
