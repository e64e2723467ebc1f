use serde::Serialize;
use sqlx::{FromRow, SqliteConnection, SqliteExecutor};
use utoipa::ToSchema;

use crate::domain::{plan::Plan, timestamp::Timestamp};

/// A saved plan of a project.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlanRecord {
    pub id: String,
    pub project_id: String,
    pub name: String,
    pub plan: Plan,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
}

#[derive(FromRow)]
struct Row {
    id: String,
    project_id: Option<String>,
    plan: String,
    created_at: Option<String>,
    updated_at: Option<String>,
}

impl TryFrom<Row> for PlanRecord {
    type Error = anyhow::Error;

    fn try_from(row: Row) -> anyhow::Result<Self> {
        let plan: Plan = serde_json::from_str(&row.plan)?;
        let time =
            |t: Option<String>| t.and_then(|t| Timestamp::from_db(&t).ok()).unwrap_or_else(Timestamp::now);
        Ok(Self {
            id: row.id,
            project_id: row.project_id.unwrap_or_default(),
            name: plan.name.clone(),
            plan,
            created_at: time(row.created_at),
            updated_at: time(row.updated_at),
        })
    }
}

const COLUMNS: &str = "id, project_id, plan, created_at, updated_at";

pub async fn list_for_project(
    db: impl SqliteExecutor<'_>,
    project_id: &str,
) -> anyhow::Result<Vec<PlanRecord>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM execution_plans WHERE project_id = ? ORDER BY created_at DESC, id DESC"
    ))
    .bind(project_id)
    .fetch_all(db)
    .await?;
    rows.into_iter().map(PlanRecord::try_from).collect()
}

pub async fn get(db: impl SqliteExecutor<'_>, id: &str) -> anyhow::Result<Option<PlanRecord>> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM execution_plans WHERE id = ?"))
        .bind(id)
        .fetch_optional(db)
        .await?;
    row.map(PlanRecord::try_from).transpose()
}

/// Inserts or replaces the plan and its dependency rows (the seed's `agent_dependencies`).
pub async fn save(tx: &mut SqliteConnection, record: &PlanRecord) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO execution_plans (id, project_id, plan, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) \
         ON CONFLICT(id) DO UPDATE SET plan = excluded.plan, name = excluded.name, updated_at = excluded.updated_at",
    )
    .bind(&record.id)
    .bind(&record.project_id)
    .bind(serde_json::to_string(&record.plan)?)
    .bind(&record.name)
    .bind(record.created_at.to_db())
    .bind(record.updated_at.to_db())
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM agent_dependencies WHERE execution_plan_id = ?")
        .bind(&record.id)
        .execute(&mut *tx)
        .await?;
    for task in &record.plan.tasks {
        for dependency in &task.depends_on {
            sqlx::query(
                "INSERT INTO agent_dependencies (id, execution_plan_id, from_task, to_task, dependency_type) \
                 VALUES (?, ?, ?, ?, 'finish_to_start')",
            )
            .bind(uuid::Uuid::now_v7().to_string())
            .bind(&record.id)
            .bind(dependency)
            .bind(&task.id)
            .execute(&mut *tx)
            .await?;
        }
    }
    Ok(())
}

/// Deletes a plan and its dependency rows; executions keep their own copy of the plan.
pub async fn delete(tx: &mut SqliteConnection, id: &str) -> anyhow::Result<bool> {
    sqlx::query("DELETE FROM agent_dependencies WHERE execution_plan_id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE projects SET default_plan_id = NULL WHERE default_plan_id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let result = sqlx::query("DELETE FROM execution_plans WHERE id = ?").bind(id).execute(&mut *tx).await?;
    Ok(result.rows_affected() > 0)
}

pub async fn default_plan_id(
    db: impl SqliteExecutor<'_>,
    project_id: &str,
) -> anyhow::Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT default_plan_id FROM projects WHERE id = ?")
        .bind(project_id)
        .fetch_optional(db)
        .await?
        .flatten())
}

pub async fn set_default(
    db: impl SqliteExecutor<'_>,
    project_id: &str,
    plan_id: Option<&str>,
) -> anyhow::Result<()> {
    sqlx::query("UPDATE projects SET default_plan_id = ? WHERE id = ?")
        .bind(plan_id)
        .bind(project_id)
        .execute(db)
        .await?;
    Ok(())
}
