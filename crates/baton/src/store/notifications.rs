use serde::Serialize;
use sqlx::{FromRow, QueryBuilder, SqliteExecutor};
use utoipa::ToSchema;

use super::cursor::Cursor;
use crate::domain::timestamp::Timestamp;

/// Something a user should know about, with where to look.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Notification {
    pub id: String,
    /// `execution_failed`, `execution_completed`, `execution_cancelled`, `budget_exceeded`,
    /// `task_retried`, or `agent_attention` (a Claude Code notification or permission request).
    #[schema(example = "execution_failed")]
    pub kind: String,
    pub title: String,
    pub body: String,
    /// The app path of what it is about, e.g. `/executions/<id>`.
    pub link: String,
    pub execution_id: Option<String>,
    pub project_id: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub read_at: Option<Timestamp>,
}

/// A notification before it is sent to its users.
#[derive(Debug, Clone)]
pub struct NewNotification {
    pub kind: &'static str,
    pub title: String,
    pub body: String,
    pub link: String,
    pub execution_id: Option<String>,
    pub project_id: Option<String>,
}

#[derive(FromRow)]
struct Row {
    id: String,
    kind: String,
    title: String,
    body: String,
    link: String,
    execution_id: Option<String>,
    project_id: Option<String>,
    created_at: String,
    read_at: Option<String>,
}

impl From<Row> for Notification {
    fn from(row: Row) -> Self {
        Self {
            id: row.id,
            kind: row.kind,
            title: row.title,
            body: row.body,
            link: row.link,
            execution_id: row.execution_id,
            project_id: row.project_id,
            created_at: Timestamp::from_db(&row.created_at).unwrap_or_else(|_| Timestamp::now()),
            read_at: row.read_at.and_then(|t| Timestamp::from_db(&t).ok()),
        }
    }
}

const COLUMNS: &str = "id, kind, title, body, link, execution_id, project_id, created_at, read_at";

/// Gives `new` to every active user; returns each user's id with their copy.
pub async fn insert_for_active_users(
    tx: &mut sqlx::SqliteConnection,
    new: &NewNotification,
) -> anyhow::Result<Vec<(String, Notification)>> {
    let users: Vec<String> =
        sqlx::query_scalar("SELECT id FROM users WHERE disabled = 0").fetch_all(&mut *tx).await?;
    let created_at = Timestamp::now();
    let mut made = Vec::with_capacity(users.len());
    for user in users {
        let notification = Notification {
            id: uuid::Uuid::now_v7().to_string(),
            kind: new.kind.to_owned(),
            title: new.title.clone(),
            body: new.body.clone(),
            link: new.link.clone(),
            execution_id: new.execution_id.clone(),
            project_id: new.project_id.clone(),
            created_at,
            read_at: None,
        };
        sqlx::query(&format!(
            "INSERT INTO notifications (user_id, {COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"
        ))
        .bind(&user)
        .bind(&notification.id)
        .bind(&notification.kind)
        .bind(&notification.title)
        .bind(&notification.body)
        .bind(&notification.link)
        .bind(&notification.execution_id)
        .bind(&notification.project_id)
        .bind(created_at.to_db())
        .execute(&mut *tx)
        .await?;
        made.push((user, notification));
    }
    Ok(made)
}

/// One page of a user's notifications, newest first, and whether another follows.
pub async fn list(
    db: impl SqliteExecutor<'_>,
    user_id: &str,
    unread_only: bool,
    after: Option<&Cursor>,
    limit: u32,
) -> anyhow::Result<(Vec<Notification>, Option<Cursor>)> {
    let mut query = QueryBuilder::new(format!("SELECT {COLUMNS} FROM notifications WHERE user_id = "));
    query.push_bind(user_id);
    if unread_only {
        query.push(" AND read_at IS NULL");
    }
    if let Some(cursor) = after {
        cursor.push_condition(&mut query);
    }
    query.push(" ORDER BY created_at DESC, id DESC LIMIT ").push_bind(i64::from(limit) + 1);
    let rows: Vec<Row> = query.build_query_as().fetch_all(db).await?;
    let more = rows.len() > limit as usize;
    let items: Vec<Notification> = rows.into_iter().take(limit as usize).map(Notification::from).collect();
    let next = match (more, items.last()) {
        (true, Some(last)) => Some(Cursor::new(last.created_at.to_db(), last.id.clone())),
        _ => None,
    };
    Ok((items, next))
}

pub async fn unread_count(db: impl SqliteExecutor<'_>, user_id: &str) -> anyhow::Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL")
        .bind(user_id)
        .fetch_one(db)
        .await?)
}

/// Marks one of the user's notifications read; false when the user has none with that id.
pub async fn mark_read(db: impl SqliteExecutor<'_>, user_id: &str, id: &str) -> anyhow::Result<bool> {
    let done =
        sqlx::query("UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?")
            .bind(Timestamp::now().to_db())
            .bind(id)
            .bind(user_id)
            .execute(db)
            .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn mark_all_read(db: impl SqliteExecutor<'_>, user_id: &str) -> anyhow::Result<u64> {
    let done = sqlx::query("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
        .bind(Timestamp::now().to_db())
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
