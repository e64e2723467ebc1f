use sqlx::{FromRow, SqliteExecutor};

use crate::domain::timestamp::Timestamp;

/// A stored refresh token (by hash).
#[derive(Debug, Clone, FromRow)]
pub struct RefreshToken {
    pub id: String,
    pub user_id: String,
    pub family_id: String,
    pub expires_at: String,
    pub used_at: Option<String>,
    pub revoked_at: Option<String>,
}

pub async fn insert(
    db: impl SqliteExecutor<'_>,
    id: &str,
    user_id: &str,
    family_id: &str,
    token_hash: &str,
    expires_at: Timestamp,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(user_id)
    .bind(family_id)
    .bind(token_hash)
    .bind(Timestamp::now().to_db())
    .bind(expires_at.to_db())
    .execute(db)
    .await?;
    Ok(())
}

pub async fn find(db: impl SqliteExecutor<'_>, token_hash: &str) -> sqlx::Result<Option<RefreshToken>> {
    sqlx::query_as(
        "SELECT id, user_id, family_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = ?",
    )
    .bind(token_hash)
    .fetch_optional(db)
    .await
}

/// Marks a token used; false when another request used it first.
pub async fn mark_used(db: impl SqliteExecutor<'_>, id: &str) -> sqlx::Result<bool> {
    let result = sqlx::query("UPDATE refresh_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL")
        .bind(Timestamp::now().to_db())
        .bind(id)
        .execute(db)
        .await?;
    Ok(result.rows_affected() > 0)
}

pub async fn revoke_family(db: impl SqliteExecutor<'_>, family_id: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")
        .bind(Timestamp::now().to_db())
        .bind(family_id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn revoke_user(db: impl SqliteExecutor<'_>, user_id: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
        .bind(Timestamp::now().to_db())
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}
