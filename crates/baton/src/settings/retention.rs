//! Applies `logs.retention_days`: hourly, and at once when the setting changes.

use std::{sync::Arc, time::Duration};

use tokio_util::sync::CancellationToken;

use super::SettingsHub;
use crate::{domain::timestamp::Timestamp, store::Db};

/// Time between sweeps.
const EVERY: Duration = Duration::from_secs(3600);

/// Entries deleted per statement.
const BATCH: i64 = 5_000;

pub async fn run(db: Db, settings: Arc<SettingsHub>, stop: CancellationToken) {
    let mut changes = settings.subscribe();
    loop {
        let days = settings.current().logs.retention_days;
        if days > 0
            && let Err(error) = sweep(&db, days).await
        {
            tracing::warn!(error = format!("{error:#}"), "could not delete old log entries");
        }
        tokio::select! {
            () = stop.cancelled() => return,
            () = tokio::time::sleep(EVERY) => {}
            changed = changes.changed() => if changed.is_err() { return },
        }
    }
}

/// Deletes the log entries of executions that ended more than `days` ago.
pub async fn sweep(db: &Db, days: u32) -> anyhow::Result<u64> {
    let cutoff = Timestamp::now().plus_seconds(-i64::from(days) * 86_400).to_db();
    let mut total = 0;
    loop {
        let deleted = crate::store::retention::delete_old_logs(&db.writer, &cutoff, BATCH).await?;
        total += deleted;
        if deleted < BATCH as u64 {
            break;
        }
        tokio::task::yield_now().await;
    }
    if total > 0 {
        tracing::info!(deleted = total, days, "deleted log entries past the retention period");
    }
    Ok(total)
}
