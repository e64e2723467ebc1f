use sqlx::{FromRow, SqliteExecutor};

use crate::domain::{timestamp::Timestamp, user::Role};

/// A user as stored, with the password hash (never sent to clients).
#[derive(Debug, Clone)]
pub struct UserRecord {
    pub id: String,
    pub username: String,
    pub password_hash: String,
    pub role: Role,
    pub disabled: bool,
    pub session_epoch: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(FromRow)]
struct Row {
    id: String,
    username: String,
    password_hash: String,
    role: String,
    disabled: bool,
    session_epoch: i64,
    created_at: String,
    updated_at: String,
}

impl TryFrom<Row> for UserRecord {
    type Error = anyhow::Error;

    fn try_from(row: Row) -> anyhow::Result<Self> {
        Ok(Self {
            id: row.id,
            username: row.username,
            password_hash: row.password_hash,
            role: Role::parse(&row.role).map_err(anyhow::Error::msg)?,
            disabled: row.disabled,
            session_epoch: row.session_epoch,
            created_at: Timestamp::from_db(&row.created_at).map_err(anyhow::Error::msg)?,
            updated_at: Timestamp::from_db(&row.updated_at).map_err(anyhow::Error::msg)?,
        })
    }
}

const COLUMNS: &str = "id, username, password_hash, role, disabled, session_epoch, created_at, updated_at";

pub async fn list(db: impl SqliteExecutor<'_>) -> anyhow::Result<Vec<UserRecord>> {
    let rows: Vec<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM users ORDER BY username COLLATE NOCASE"))
            .fetch_all(db)
            .await?;
    rows.into_iter().map(UserRecord::try_from).collect()
}

pub async fn get(db: impl SqliteExecutor<'_>, id: &str) -> anyhow::Result<Option<UserRecord>> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM users WHERE id = ?"))
        .bind(id)
        .fetch_optional(db)
        .await?;
    row.map(UserRecord::try_from).transpose()
}

pub async fn find_by_name(db: impl SqliteExecutor<'_>, username: &str) -> anyhow::Result<Option<UserRecord>> {
    let row: Option<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM users WHERE username = ? COLLATE NOCASE"))
            .bind(username)
            .fetch_optional(db)
            .await?;
    row.map(UserRecord::try_from).transpose()
}

pub async fn count(db: impl SqliteExecutor<'_>) -> anyhow::Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(db).await?)
}

/// Active admins other than `except_id`: Baton must always keep one.
pub async fn other_active_admins(db: impl SqliteExecutor<'_>, except_id: &str) -> anyhow::Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0 AND id != ?")
        .bind(except_id)
        .fetch_one(db)
        .await?)
}

/// Inserts a user; a taken username is a unique violation the caller maps.
pub async fn insert(db: impl SqliteExecutor<'_>, user: &UserRecord) -> sqlx::Result<()> {
    sqlx::query(&format!("INSERT INTO users ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
        .bind(&user.id)
        .bind(&user.username)
        .bind(&user.password_hash)
        .bind(user.role.as_str())
        .bind(user.disabled)
        .bind(user.session_epoch)
        .bind(user.created_at.to_db())
        .bind(user.updated_at.to_db())
        .execute(db)
        .await?;
    Ok(())
}

/// Writes role, password hash, disabled flag, epoch and updated_at.
pub async fn update(db: impl SqliteExecutor<'_>, user: &UserRecord) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE users SET password_hash = ?, role = ?, disabled = ?, session_epoch = ?, updated_at = ? WHERE id = ?",
    )
    .bind(&user.password_hash)
    .bind(user.role.as_str())
    .bind(user.disabled)
    .bind(user.session_epoch)
    .bind(user.updated_at.to_db())
    .bind(&user.id)
    .execute(db)
    .await?;
    Ok(result.rows_affected() > 0)
}
