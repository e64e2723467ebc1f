//! Outbound webhooks (the seed's `webhooks` table): where Baton posts events.

use serde_json::Value;
use sqlx::{FromRow, SqliteExecutor};

use crate::domain::timestamp::Timestamp;

/// A webhook as stored: its secret and secret header values sealed.
#[derive(Debug, Clone)]
pub struct WebhookRecord {
    pub id: String,
    pub name: String,
    pub url: String,
    /// Event names or `prefix:*` patterns; empty: every event.
    pub events: Vec<String>,
    /// Header name → string, or `{"sealed": ...}` for a secret value.
    pub headers: Value,
    pub active: bool,
    pub project_id: Option<String>,
    /// The sealed signing secret.
    pub secret: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// The newest delivery, when listed or read.
    pub last_delivery: Option<LastDelivery>,
}

/// How the newest delivery of a webhook went.
#[derive(Debug, Clone)]
pub struct LastDelivery {
    pub status: String,
    pub at: Timestamp,
    pub status_code: Option<i64>,
}

const COLUMNS: &str = "w.id, w.name, w.url, w.events, w.headers, w.active, w.project_id, w.secret, \
     w.created_at, COALESCE(w.updated_at, w.created_at) AS updated_at, \
     d.status AS last_status, d.updated_at AS last_at, d.last_status_code AS last_status_code";

/// The newest delivery of each webhook, by the newest-first index.
const FROM: &str = "FROM webhooks w LEFT JOIN webhook_deliveries d ON d.id = \
     (SELECT id FROM webhook_deliveries WHERE webhook_id = w.id ORDER BY created_at DESC, id DESC LIMIT 1)";

#[derive(FromRow)]
struct Row {
    id: String,
    name: String,
    url: String,
    events: Option<String>,
    headers: Option<String>,
    active: Option<bool>,
    project_id: Option<String>,
    secret: Option<String>,
    created_at: Option<String>,
    updated_at: Option<String>,
    last_status: Option<String>,
    last_at: Option<String>,
    last_status_code: Option<i64>,
}

impl TryFrom<Row> for WebhookRecord {
    type Error = anyhow::Error;

    fn try_from(row: Row) -> anyhow::Result<Self> {
        let time = |text: Option<&str>| match text {
            Some(text) => Timestamp::from_db(text).map_err(anyhow::Error::msg),
            None => Ok(Timestamp::from_unix_seconds(0)),
        };
        // Rows from before Baton (the seed's table) may hold anything in its JSON columns.
        let events: Vec<String> =
            row.events.as_deref().and_then(|e| serde_json::from_str(e).ok()).unwrap_or_default();
        let headers = row
            .headers
            .as_deref()
            .and_then(|h| serde_json::from_str::<Value>(h).ok())
            .filter(Value::is_object)
            .unwrap_or_else(|| Value::Object(Default::default()));
        let last_delivery = match (row.last_status, row.last_at) {
            (Some(status), Some(at)) => {
                Some(LastDelivery { status, at: time(Some(&at))?, status_code: row.last_status_code })
            }
            _ => None,
        };
        Ok(Self {
            created_at: time(row.created_at.as_deref())?,
            updated_at: time(row.updated_at.as_deref())?,
            id: row.id,
            name: row.name,
            url: row.url,
            events,
            headers,
            active: row.active.unwrap_or(true),
            project_id: row.project_id,
            secret: row.secret,
            last_delivery,
        })
    }
}

/// Webhooks, newest first: all of them, or those of one project.
pub async fn list(
    db: impl SqliteExecutor<'_>,
    project_id: Option<&str>,
) -> anyhow::Result<Vec<WebhookRecord>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} {FROM} WHERE (?1 IS NULL OR w.project_id = ?1) ORDER BY w.created_at DESC, w.id DESC"
    ))
    .bind(project_id)
    .fetch_all(db)
    .await?;
    rows.into_iter().map(WebhookRecord::try_from).collect()
}

pub async fn get(db: impl SqliteExecutor<'_>, id: &str) -> anyhow::Result<Option<WebhookRecord>> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} {FROM} WHERE w.id = ?"))
        .bind(id)
        .fetch_optional(db)
        .await?;
    row.map(WebhookRecord::try_from).transpose()
}

/// The active webhooks that may get events of `project_id`: the global ones, and that
/// project's (none of a project for events that belong to no project).
pub async fn active_for(
    db: impl SqliteExecutor<'_>,
    project_id: Option<&str>,
) -> anyhow::Result<Vec<WebhookRecord>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} {FROM} WHERE COALESCE(w.active, 1) = 1 AND (w.project_id IS NULL OR w.project_id = ?)"
    ))
    .bind(project_id)
    .fetch_all(db)
    .await?;
    rows.into_iter().map(WebhookRecord::try_from).collect()
}

pub async fn insert(db: impl SqliteExecutor<'_>, webhook: &WebhookRecord) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO webhooks (id, name, url, events, headers, active, project_id, secret, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&webhook.id)
    .bind(&webhook.name)
    .bind(&webhook.url)
    .bind(serde_json::to_string(&webhook.events)?)
    .bind(webhook.headers.to_string())
    .bind(webhook.active)
    .bind(&webhook.project_id)
    .bind(&webhook.secret)
    .bind(webhook.created_at.to_db())
    .bind(webhook.updated_at.to_db())
    .execute(db)
    .await?;
    Ok(())
}

/// Writes every field but the id and the creation time; false when no webhook has that id.
pub async fn update(db: impl SqliteExecutor<'_>, webhook: &WebhookRecord) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE webhooks SET name = ?, url = ?, events = ?, headers = ?, active = ?, project_id = ?, secret = ?, \
         updated_at = ? WHERE id = ?",
    )
    .bind(&webhook.name)
    .bind(&webhook.url)
    .bind(serde_json::to_string(&webhook.events)?)
    .bind(webhook.headers.to_string())
    .bind(webhook.active)
    .bind(&webhook.project_id)
    .bind(&webhook.secret)
    .bind(webhook.updated_at.to_db())
    .bind(&webhook.id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Deletes a webhook and (by cascade) its deliveries; false when no webhook has that id.
pub async fn delete(db: impl SqliteExecutor<'_>, id: &str) -> anyhow::Result<bool> {
    let done = sqlx::query("DELETE FROM webhooks WHERE id = ?").bind(id).execute(db).await?;
    Ok(done.rows_affected() > 0)
}
