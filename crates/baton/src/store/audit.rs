use serde::Serialize;
use serde_json::Value;
use sqlx::{FromRow, QueryBuilder, SqliteExecutor};
use utoipa::ToSchema;

use crate::domain::timestamp::Timestamp;

/// One recorded change.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditEntry {
    pub id: i64,
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
    pub actor_id: Option<String>,
    /// Username or token name; for failed sign-ins, the name that was tried.
    pub actor_name: Option<String>,
    /// e.g. `project.create`, `auth.login_failed`, `token.revoke`.
    pub action: String,
    pub resource_type: String,
    pub resource_id: Option<String>,
    #[schema(value_type = Object)]
    pub detail: Value,
    /// The client's address.
    pub ip: Option<String>,
}

/// A new entry, before it gets its id and time.
#[derive(Debug, Clone, Default)]
pub struct NewAuditEntry<'a> {
    pub actor_id: Option<&'a str>,
    pub actor_name: Option<&'a str>,
    pub action: &'a str,
    pub resource_type: &'a str,
    pub resource_id: Option<&'a str>,
    pub detail: Value,
    pub ip: Option<&'a str>,
}

pub async fn insert(db: impl SqliteExecutor<'_>, entry: &NewAuditEntry<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, actor_name, action, resource_type, resource_id, detail, ip) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(Timestamp::now().to_db())
    .bind(entry.actor_id)
    .bind(entry.actor_name)
    .bind(entry.action)
    .bind(entry.resource_type)
    .bind(entry.resource_id)
    // Every entry has an object of details, if an empty one.
    .bind(if entry.detail.is_null() { "{}".to_owned() } else { entry.detail.to_string() })
    .bind(entry.ip)
    .execute(db)
    .await?;
    Ok(())
}

/// What to list, newest first.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub resource_type: Option<String>,
    pub resource_id: Option<String>,
    /// Entries with an id below this one.
    pub before_id: Option<i64>,
    pub limit: u32,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    at: String,
    actor_id: Option<String>,
    actor_name: Option<String>,
    action: String,
    resource_type: String,
    resource_id: Option<String>,
    detail: Option<String>,
    ip: Option<String>,
}

/// One page, and whether more entries follow.
pub async fn list(
    db: impl SqliteExecutor<'_>,
    filter: &AuditFilter,
) -> anyhow::Result<(Vec<AuditEntry>, bool)> {
    let mut query = QueryBuilder::new(
        "SELECT id, at, actor_id, actor_name, action, resource_type, resource_id, detail, ip FROM audit_log WHERE 1 = 1",
    );
    if let Some(actor) = &filter.actor {
        query.push(" AND actor_name = ").push_bind(actor).push(" COLLATE NOCASE");
    }
    if let Some(action) = &filter.action {
        query.push(" AND action = ").push_bind(action);
    }
    if let Some(resource_type) = &filter.resource_type {
        query.push(" AND resource_type = ").push_bind(resource_type);
    }
    if let Some(resource_id) = &filter.resource_id {
        query.push(" AND resource_id = ").push_bind(resource_id);
    }
    if let Some(before) = filter.before_id {
        query.push(" AND id < ").push_bind(before);
    }
    query.push(" ORDER BY id DESC LIMIT ").push_bind(i64::from(filter.limit) + 1);
    let rows: Vec<Row> = query.build_query_as().fetch_all(db).await?;
    let more = rows.len() > filter.limit as usize;
    let entries = rows
        .into_iter()
        .take(filter.limit as usize)
        .map(|row| {
            Ok(AuditEntry {
                id: row.id,
                at: Timestamp::from_db(&row.at).map_err(anyhow::Error::msg)?,
                actor_id: row.actor_id,
                actor_name: row.actor_name,
                action: row.action,
                resource_type: row.resource_type,
                resource_id: row.resource_id,
                detail: row
                    .detail
                    .and_then(|d| serde_json::from_str(&d).ok())
                    .filter(|d: &Value| !d.is_null())
                    .unwrap_or_else(|| Value::Object(Default::default())),
                ip: row.ip,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok((entries, more))
}
