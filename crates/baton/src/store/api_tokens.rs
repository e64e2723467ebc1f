use sqlx::{FromRow, SqliteExecutor};

use crate::domain::{timestamp::Timestamp, user::TokenRole};

/// An API token as listed (never with its secret).
#[derive(Debug, Clone)]
pub struct ApiTokenRecord {
    pub id: String,
    pub name: String,
    pub role: TokenRole,
    pub prefix: String,
    pub token_hash: String,
    pub created_by: Option<String>,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
}

#[derive(FromRow)]
struct Row {
    id: String,
    name: String,
    role: String,
    prefix: String,
    token_hash: String,
    created_by: Option<String>,
    created_at: String,
    last_used_at: Option<String>,
}

impl TryFrom<Row> for ApiTokenRecord {
    type Error = anyhow::Error;

    fn try_from(row: Row) -> anyhow::Result<Self> {
        let time = |text: &str| Timestamp::from_db(text).map_err(anyhow::Error::msg);
        Ok(Self {
            role: TokenRole::parse(&row.role).map_err(anyhow::Error::msg)?,
            created_at: time(&row.created_at)?,
            last_used_at: row.last_used_at.as_deref().map(time).transpose()?,
            id: row.id,
            name: row.name,
            prefix: row.prefix,
            token_hash: row.token_hash,
            created_by: row.created_by,
        })
    }
}

/// Tokens that have not been revoked, newest first.
pub async fn list_active(db: impl SqliteExecutor<'_>) -> anyhow::Result<Vec<ApiTokenRecord>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT t.id, t.name, t.role, t.prefix, t.token_hash, u.username AS created_by, t.created_at, t.last_used_at \
         FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by \
         WHERE t.revoked_at IS NULL ORDER BY t.created_at DESC, t.id DESC",
    )
    .fetch_all(db)
    .await?;
    rows.into_iter().map(ApiTokenRecord::try_from).collect()
}

/// The active token with this hash, if any.
pub async fn find_active(
    db: impl SqliteExecutor<'_>,
    token_hash: &str,
) -> anyhow::Result<Option<ApiTokenRecord>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT t.id, t.name, t.role, t.prefix, t.token_hash, u.username AS created_by, t.created_at, t.last_used_at \
         FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by \
         WHERE t.token_hash = ? AND t.revoked_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(db)
    .await?;
    row.map(ApiTokenRecord::try_from).transpose()
}

pub async fn insert(db: impl SqliteExecutor<'_>, token: &ApiTokenRecord) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO api_tokens (id, name, role, prefix, token_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&token.id)
    .bind(&token.name)
    .bind(token.role.as_str())
    .bind(&token.prefix)
    .bind(&token.token_hash)
    .bind(&token.created_by)
    .bind(token.created_at.to_db())
    .execute(db)
    .await?;
    Ok(())
}

/// Revokes a token; false when no active token has that id.
pub async fn revoke(db: impl SqliteExecutor<'_>, id: &str) -> sqlx::Result<bool> {
    let result = sqlx::query("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .bind(Timestamp::now().to_db())
        .bind(id)
        .execute(db)
        .await?;
    Ok(result.rows_affected() > 0)
}

pub async fn touch(db: impl SqliteExecutor<'_>, id: &str, at: Timestamp) -> sqlx::Result<()> {
    sqlx::query("UPDATE api_tokens SET last_used_at = ? WHERE id = ?")
        .bind(at.to_db())
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}
