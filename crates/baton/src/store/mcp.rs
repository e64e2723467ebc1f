use std::collections::HashMap;

use sqlx::{FromRow, SqliteExecutor};

use crate::{
    domain::timestamp::Timestamp,
    mcp::{CheckResult, HISTORY_KEPT, KnownServer, Scope, ServerConfig},
};

/// A server added in Baton.
#[derive(Debug, Clone)]
pub struct StoredServer {
    pub id: String,
    pub name: String,
    pub project_id: Option<String>,
    /// Secrets sealed.
    pub config: ServerConfig,
    pub updated_at: Timestamp,
}

impl StoredServer {
    pub fn known(&self) -> KnownServer {
        KnownServer {
            name: self.name.clone(),
            scope: Scope::Baton,
            project_id: self.project_id.clone(),
            config: self.config.clone(),
        }
    }
}

#[derive(FromRow)]
struct Row {
    id: String,
    name: String,
    project_id: Option<String>,
    config: Option<String>,
    updated_at: Option<String>,
    created_at: Option<String>,
}

impl Row {
    /// None for a row whose configuration Baton cannot read (written by another tool).
    fn parse(self) -> Option<StoredServer> {
        let config = serde_json::from_str(self.config.as_deref()?).ok()?;
        let at = self.updated_at.or(self.created_at);
        let updated_at = at.and_then(|t| Timestamp::from_db(&t).ok()).unwrap_or_else(Timestamp::now);
        Some(StoredServer { id: self.id, name: self.name, project_id: self.project_id, config, updated_at })
    }
}

const COLUMNS: &str = "id, name, project_id, config, updated_at, created_at";

/// Every server added in Baton whose configuration can be read.
pub async fn list(db: impl SqliteExecutor<'_>) -> anyhow::Result<Vec<StoredServer>> {
    let rows: Vec<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM mcp_servers ORDER BY name")).fetch_all(db).await?;
    Ok(rows.into_iter().filter_map(Row::parse).collect())
}

/// The server of exactly this name and project (None: the global one).
pub async fn get(
    db: impl SqliteExecutor<'_>,
    name: &str,
    project_id: Option<&str>,
) -> anyhow::Result<Option<StoredServer>> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM mcp_servers WHERE name = ? AND IFNULL(project_id, '') = IFNULL(?, '')"
    ))
    .bind(name)
    .bind(project_id)
    .fetch_optional(db)
    .await?;
    Ok(row.and_then(Row::parse))
}

/// Adds a server; a duplicate name in the same project is a unique violation.
pub async fn insert(db: impl SqliteExecutor<'_>, server: &StoredServer) -> anyhow::Result<()> {
    let at = server.updated_at.to_db();
    sqlx::query(
        "INSERT INTO mcp_servers (id, name, project_id, status, config, created_at, updated_at) \
         VALUES (?, ?, ?, 'unknown', ?, ?, ?)",
    )
    .bind(&server.id)
    .bind(&server.name)
    .bind(&server.project_id)
    .bind(serde_json::to_string(&server.config)?)
    .bind(&at)
    .bind(&at)
    .execute(db)
    .await?;
    Ok(())
}

/// Replaces a server's configuration.
pub async fn update(db: impl SqliteExecutor<'_>, server: &StoredServer) -> anyhow::Result<bool> {
    let done = sqlx::query("UPDATE mcp_servers SET config = ?, updated_at = ? WHERE id = ?")
        .bind(serde_json::to_string(&server.config)?)
        .bind(server.updated_at.to_db())
        .bind(&server.id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn delete(db: impl SqliteExecutor<'_>, id: &str) -> anyhow::Result<bool> {
    let done = sqlx::query("DELETE FROM mcp_servers WHERE id = ?").bind(id).execute(db).await?;
    Ok(done.rows_affected() > 0)
}

/// Keeps the seed's `status` and `last_check` columns of an added server current.
pub async fn set_status(
    db: impl SqliteExecutor<'_>,
    name: &str,
    project_id: Option<&str>,
    status: &str,
    at: Timestamp,
) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE mcp_servers SET status = ?, last_check = ? WHERE name = ? AND IFNULL(project_id, '') = IFNULL(?, '')",
    )
    .bind(status)
    .bind(at.to_db())
    .bind(name)
    .bind(project_id)
    .execute(db)
    .await?;
    Ok(())
}

/// Records a check and forgets all but the newest [`HISTORY_KEPT`] of the server.
pub async fn insert_check(
    db: &mut sqlx::SqliteConnection,
    key: &str,
    check: &CheckResult,
) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO mcp_checks (server_key, checked_at, ok, result) VALUES (?, ?, ?, ?)")
        .bind(key)
        .bind(Timestamp::now().to_db())
        .bind(check.ok)
        .bind(serde_json::to_string(check)?)
        .execute(&mut *db)
        .await?;
    sqlx::query(
        "DELETE FROM mcp_checks WHERE server_key = ?1 AND id <= \
         (SELECT id FROM mcp_checks WHERE server_key = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)",
    )
    .bind(key)
    .bind(HISTORY_KEPT)
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Whether the server's newest check passed; None before its first check.
pub async fn last_ok(db: impl SqliteExecutor<'_>, key: &str) -> anyhow::Result<Option<bool>> {
    Ok(sqlx::query_scalar("SELECT ok FROM mcp_checks WHERE server_key = ? ORDER BY id DESC LIMIT 1")
        .bind(key)
        .fetch_optional(db)
        .await?)
}

/// The newest check of every server, by key.
pub async fn latest_checks(db: impl SqliteExecutor<'_>) -> anyhow::Result<HashMap<String, CheckResult>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT server_key, result FROM mcp_checks WHERE id IN (SELECT MAX(id) FROM mcp_checks GROUP BY server_key)",
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(key, result)| Some((key, serde_json::from_str(&result).ok()?)))
        .collect())
}

/// The newest `limit` checks of a server, newest first, without their tool lists.
pub async fn history(db: impl SqliteExecutor<'_>, key: &str, limit: i64) -> anyhow::Result<Vec<CheckResult>> {
    let rows: Vec<String> =
        sqlx::query_scalar("SELECT result FROM mcp_checks WHERE server_key = ? ORDER BY id DESC LIMIT ?")
            .bind(key)
            .bind(limit)
            .fetch_all(db)
            .await?;
    Ok(rows
        .iter()
        .filter_map(|text| serde_json::from_str::<CheckResult>(text).ok())
        .map(|check| CheckResult { tools: None, ..check })
        .collect())
}

/// Forgets a server's checks (it was deleted).
pub async fn delete_history(db: impl SqliteExecutor<'_>, key: &str) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM mcp_checks WHERE server_key = ?").bind(key).execute(db).await?;
    Ok(())
}
