//! The outbox of outbound webhooks: one delivery per event and webhook, and the log of its
//! attempts.

use std::collections::HashMap;

use serde_json::Value;
use sqlx::{FromRow, QueryBuilder, SqliteExecutor};

use super::cursor::Cursor;
use crate::domain::timestamp::Timestamp;

/// A delivery as stored.
#[derive(Debug, Clone)]
pub struct DeliveryRecord {
    pub id: String,
    pub webhook_id: String,
    pub event: String,
    /// The event's payload (the `data` of the body).
    pub data: Value,
    /// `pending`, `delivered`, `failed` (will be tried again) or `dead`.
    pub status: String,
    pub attempts: i64,
    pub next_attempt_at: Option<Timestamp>,
    pub last_status_code: Option<i64>,
    pub last_error: Option<String>,
    pub redelivery_of: Option<String>,
    pub created_at: Timestamp,
}

/// One try to send a delivery.
#[derive(Debug, Clone)]
pub struct AttemptRecord {
    pub at: Timestamp,
    pub status_code: Option<i64>,
    pub duration_ms: i64,
    pub error: Option<String>,
    pub response_excerpt: Option<String>,
}

/// What an attempt changes on its delivery.
#[derive(Debug, Clone)]
pub struct AttemptResult {
    pub attempt: AttemptRecord,
    pub status: &'static str,
    pub next_attempt_at: Option<Timestamp>,
}

const COLUMNS: &str = "id, webhook_id, event, data, status, attempts, next_attempt_at, last_status_code, \
     last_error, redelivery_of, created_at";

#[derive(FromRow)]
struct Row {
    id: String,
    webhook_id: String,
    event: String,
    data: String,
    status: String,
    attempts: i64,
    next_attempt_at: Option<String>,
    last_status_code: Option<i64>,
    last_error: Option<String>,
    redelivery_of: Option<String>,
    created_at: String,
}

fn time(text: &str) -> anyhow::Result<Timestamp> {
    Timestamp::from_db(text).map_err(anyhow::Error::msg)
}

impl TryFrom<Row> for DeliveryRecord {
    type Error = anyhow::Error;

    fn try_from(row: Row) -> anyhow::Result<Self> {
        Ok(Self {
            data: serde_json::from_str(&row.data).unwrap_or(Value::Null),
            next_attempt_at: row.next_attempt_at.as_deref().map(time).transpose()?,
            created_at: time(&row.created_at)?,
            id: row.id,
            webhook_id: row.webhook_id,
            event: row.event,
            status: row.status,
            attempts: row.attempts,
            last_status_code: row.last_status_code,
            last_error: row.last_error,
            redelivery_of: row.redelivery_of,
        })
    }
}

/// Stores a new delivery, due now.
pub async fn insert(db: impl SqliteExecutor<'_>, delivery: &DeliveryRecord) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO webhook_deliveries (id, webhook_id, event, data, status, attempts, next_attempt_at, \
         redelivery_of, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)",
    )
    .bind(&delivery.id)
    .bind(&delivery.webhook_id)
    .bind(&delivery.event)
    .bind(delivery.data.to_string())
    .bind(delivery.next_attempt_at.unwrap_or(delivery.created_at).to_db())
    .bind(&delivery.redelivery_of)
    .bind(delivery.created_at.to_db())
    .bind(delivery.created_at.to_db())
    .execute(db)
    .await?;
    Ok(())
}

/// A delivery of the webhook.
pub async fn get(
    db: impl SqliteExecutor<'_>,
    webhook_id: &str,
    id: &str,
) -> anyhow::Result<Option<DeliveryRecord>> {
    let row: Option<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM webhook_deliveries WHERE id = ? AND webhook_id = ?"))
            .bind(id)
            .bind(webhook_id)
            .fetch_optional(db)
            .await?;
    row.map(DeliveryRecord::try_from).transpose()
}

/// One page of the webhook's deliveries, newest first, and the cursor of the next page.
pub async fn list(
    db: impl SqliteExecutor<'_>,
    webhook_id: &str,
    after: Option<&Cursor>,
    limit: u32,
) -> anyhow::Result<(Vec<DeliveryRecord>, Option<Cursor>)> {
    let mut query =
        QueryBuilder::new(format!("SELECT {COLUMNS} FROM webhook_deliveries WHERE webhook_id = "));
    query.push_bind(webhook_id);
    if let Some(cursor) = after {
        cursor.push_condition(&mut query);
    }
    query.push(" ORDER BY created_at DESC, id DESC LIMIT ").push_bind(i64::from(limit) + 1);
    let rows: Vec<Row> = query.build_query_as().fetch_all(db).await?;
    let more = rows.len() > limit as usize;
    let items = rows
        .into_iter()
        .take(limit as usize)
        .map(DeliveryRecord::try_from)
        .collect::<anyhow::Result<Vec<_>>>()?;
    let next = match (more, items.last()) {
        (true, Some(last)) => Some(Cursor::new(last.created_at.to_db(), last.id.clone())),
        _ => None,
    };
    Ok((items, next))
}

/// The attempts of each delivery, oldest first.
pub async fn attempts_of(
    db: impl SqliteExecutor<'_>,
    delivery_ids: &[String],
) -> anyhow::Result<HashMap<String, Vec<AttemptRecord>>> {
    #[derive(FromRow)]
    struct AttemptRow {
        delivery_id: String,
        at: String,
        status_code: Option<i64>,
        duration_ms: i64,
        error: Option<String>,
        response_excerpt: Option<String>,
    }
    let mut by_delivery: HashMap<String, Vec<AttemptRecord>> = HashMap::new();
    if delivery_ids.is_empty() {
        return Ok(by_delivery);
    }
    let mut query = QueryBuilder::new(
        "SELECT delivery_id, at, status_code, duration_ms, error, response_excerpt FROM webhook_attempts \
         WHERE delivery_id IN (",
    );
    let mut ids = query.separated(", ");
    for id in delivery_ids {
        ids.push_bind(id);
    }
    query.push(") ORDER BY delivery_id, id");
    let rows: Vec<AttemptRow> = query.build_query_as().fetch_all(db).await?;
    for row in rows {
        let attempt = AttemptRecord {
            at: time(&row.at)?,
            status_code: row.status_code,
            duration_ms: row.duration_ms,
            error: row.error,
            response_excerpt: row.response_excerpt,
        };
        by_delivery.entry(row.delivery_id).or_default().push(attempt);
    }
    Ok(by_delivery)
}

/// Deliveries waiting to be sent whose time has come, the longest-waiting first.
pub async fn due(
    db: impl SqliteExecutor<'_>,
    now: Timestamp,
    limit: u32,
) -> anyhow::Result<Vec<DeliveryRecord>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM webhook_deliveries WHERE status IN ('pending', 'failed') AND next_attempt_at <= ? \
         ORDER BY next_attempt_at LIMIT ?"
    ))
    .bind(now.to_db())
    .bind(i64::from(limit))
    .fetch_all(db)
    .await?;
    rows.into_iter().map(DeliveryRecord::try_from).collect()
}

/// When the next waiting delivery is due, if any waits.
pub async fn next_due_at(db: impl SqliteExecutor<'_>) -> anyhow::Result<Option<Timestamp>> {
    let next: Option<String> = sqlx::query_scalar(
        "SELECT MIN(next_attempt_at) FROM webhook_deliveries WHERE status IN ('pending', 'failed')",
    )
    .fetch_one(db)
    .await?;
    next.as_deref().map(time).transpose()
}

/// Moves a delivery's due time to `until` while it is being sent, so it is not picked again.
pub async fn lease(db: impl SqliteExecutor<'_>, id: &str, until: Timestamp) -> anyhow::Result<()> {
    sqlx::query("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ?")
        .bind(until.to_db())
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Logs an attempt and moves its delivery on, in one transaction.
pub async fn record_attempt(
    tx: &mut sqlx::SqliteConnection,
    delivery_id: &str,
    result: &AttemptResult,
) -> anyhow::Result<()> {
    let attempt = &result.attempt;
    sqlx::query(
        "INSERT INTO webhook_attempts (delivery_id, at, status_code, duration_ms, error, response_excerpt) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(delivery_id)
    .bind(attempt.at.to_db())
    .bind(attempt.status_code)
    .bind(attempt.duration_ms)
    .bind(&attempt.error)
    .bind(&attempt.response_excerpt)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?, \
         last_status_code = ?, last_error = ?, updated_at = ? WHERE id = ?",
    )
    .bind(result.status)
    .bind(result.next_attempt_at.map(Timestamp::to_db))
    .bind(attempt.status_code)
    .bind(&attempt.error)
    .bind(Timestamp::now().to_db())
    .bind(delivery_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
