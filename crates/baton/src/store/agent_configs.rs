use sqlx::SqliteExecutor;

use crate::domain::{agent_config::AgentConfig, timestamp::Timestamp};

/// The configuration stored for exactly this scope (`project_id` None: the agent's default).
pub async fn get(
    db: impl SqliteExecutor<'_>,
    agent: &str,
    project_id: Option<&str>,
) -> anyhow::Result<Option<AgentConfig>> {
    let text: Option<Option<String>> = sqlx::query_scalar(
        "SELECT config FROM agent_configurations WHERE agent_name = ? AND IFNULL(project_id, '') = IFNULL(?, '')",
    )
    .bind(agent)
    .bind(project_id)
    .fetch_optional(db)
    .await?;
    Ok(text.flatten().map(|t| serde_json::from_str(&t)).transpose()?)
}

/// The project's configuration of the agent if it has one, else the agent's default.
pub async fn effective(
    db: impl SqliteExecutor<'_> + Copy,
    agent: &str,
    project_id: &str,
) -> anyhow::Result<Option<AgentConfig>> {
    match get(db, agent, Some(project_id)).await? {
        Some(config) => Ok(Some(config)),
        None => get(db, agent, None).await,
    }
}

pub async fn put(
    db: impl SqliteExecutor<'_>,
    agent: &str,
    project_id: Option<&str>,
    config: &AgentConfig,
) -> anyhow::Result<()> {
    let now = Timestamp::now().to_db();
    sqlx::query(
        "INSERT INTO agent_configurations (id, project_id, agent_name, config, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?) \
         ON CONFLICT(IFNULL(project_id, ''), agent_name) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(project_id)
    .bind(agent)
    .bind(serde_json::to_string(config)?)
    .bind(&now)
    .bind(&now)
    .execute(db)
    .await?;
    Ok(())
}
