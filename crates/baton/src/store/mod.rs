//! All SQL lives here, one module per table group, in plain functions named by intent that take
//! an executor so the caller chooses the transaction.

use std::{path::Path, str::FromStr, time::Duration};

use anyhow::Context;
use sqlx::{
    SqlitePool,
    migrate::MigrateError,
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};

/// The recent-activity feed, read from executions and tasks.
pub mod activity;
/// Per-agent runner configuration (the seed's `agent_configurations`).
pub mod agent_configs;
/// What agents have done, and which agents Baton knows from its own tables.
pub mod agent_stats;
/// API tokens for scripts and hooks, stored hashed.
pub mod api_tokens;
/// The audit log of every change.
pub mod audit;
/// Versions of configuration documents, global and per project.
pub mod config;
/// Opaque keyset cursors for newest-first lists.
pub mod cursor;
/// What agents are doing now, and execution metrics over time.
pub mod dashboard;
/// Executions and their totals.
pub mod executions;
/// Runs reported from outside, and read positions of watched files.
pub mod external;
/// The batched writer of log entries.
pub mod log_writer;
/// Log entries and metrics of executions.
pub mod logs;
/// MCP servers added in Baton, and the checks of every server.
pub mod mcp;
/// Notifications of each user.
pub mod notifications;
/// Plans of projects and their dependency rows.
pub mod plans;
/// Projects and what hangs off them.
pub mod projects;
/// Rotating refresh tokens, by family.
pub mod refresh_tokens;
/// Deleting what is older than the retention settings allow.
pub mod retention;
/// Executions with their tasks counted by state.
pub mod summaries;
/// Task attempts of executions.
pub mod tasks;
/// Users and their roles.
pub mod users;
/// The outbox of outbound webhooks: deliveries and their attempts.
pub mod webhook_deliveries;
/// Outbound webhooks.
pub mod webhooks;

/// The database file inside the data directory.
pub const DB_FILE: &str = "baton.db";

/// The database: one connection that writes, a small pool that reads.
///
/// SQLite allows one writer at a time; funnelling every write through one connection turns
/// lock contention (and `SQLITE_BUSY`) into an orderly queue, while WAL lets readers go on.
#[derive(Debug, Clone)]
pub struct Db {
    pub reader: SqlitePool,
    pub writer: SqlitePool,
}

impl Db {
    /// Opens (creating if needed) the database in `data_dir` and brings its schema up to date.
    pub async fn open(data_dir: &Path) -> anyhow::Result<Self> {
        let path = data_dir.join(DB_FILE);
        let options = SqliteConnectOptions::from_str("sqlite:")
            .context("building SQLite options")?
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true);
        // The writer keeps the hot pages of the log indexes in memory (64 MiB) and checkpoints
        // the WAL every ~40 MB rather than every 4 MB: under a flood of hook events from many
        // sessions, each commit touches a page per session in every index, and re-reading those
        // pages and checkpointing them often cost more than the inserts themselves.
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(
                options.clone().pragma("cache_size", "-65536").pragma("wal_autocheckpoint", "10000"),
            )
            .await
            .with_context(|| format!("cannot open the database {}", path.display()))?;
        migrate(&writer, &path).await?;
        let reader = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options.read_only(true))
            .await
            .with_context(|| format!("cannot open the database {} for reading", path.display()))?;
        Ok(Self { reader, writer })
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.reader).await.is_ok()
    }

    pub async fn close(&self) {
        self.reader.close().await;
        self.writer.close().await;
    }
}

async fn migrate(pool: &SqlitePool, path: &Path) -> anyhow::Result<()> {
    match sqlx::migrate!().run(pool).await {
        Ok(()) => Ok(()),
        Err(MigrateError::VersionMissing(version)) => anyhow::bail!(
            "the database {} was written by a newer Baton (it has migration {version}, which this \
             version does not know): upgrade Baton, or start with another --data-dir",
            path.display()
        ),
        Err(error) => Err(error).with_context(|| format!("cannot migrate the database {}", path.display())),
    }
}

/// A LIKE pattern (with `ESCAPE '\\'`) matching text that contains `needle` literally: `%` and
/// `_` typed by a person are not wildcards.
pub fn contains_pattern(needle: &str) -> String {
    let escaped = needle.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

/// True when `error` is a violated UNIQUE constraint (a duplicate).
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    error.as_database_error().is_some_and(|e| e.is_unique_violation())
}
