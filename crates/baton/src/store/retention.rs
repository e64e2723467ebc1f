//! Log retention: log entries of executions that ended before a cutoff are deleted, a batch at
//! a time so the writer is never held for long.

use sqlx::SqliteExecutor;

/// Deletes up to `batch` log entries of executions that ended before `cutoff` (a database
/// timestamp); returns how many went.
pub async fn delete_old_logs(db: impl SqliteExecutor<'_>, cutoff: &str, batch: i64) -> anyhow::Result<u64> {
    let done = sqlx::query(
        "DELETE FROM agent_logs WHERE id IN (\
             SELECT l.id FROM agent_executions e JOIN agent_logs l ON l.execution_id = e.id \
             WHERE e.completed_at IS NOT NULL AND e.completed_at < ? LIMIT ?)",
    )
    .bind(cutoff)
    .bind(batch)
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}
