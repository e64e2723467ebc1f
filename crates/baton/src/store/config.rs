//! Versions of configuration documents (`config_versions`): the newest is in force.

use serde::Serialize;
use serde_json::Value;
use sqlx::SqliteExecutor;
use utoipa::ToSchema;

use crate::{domain::timestamp::Timestamp, settings::tree::Change};

/// Whose document: Baton's own, or a project's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'a> {
    Global,
    Project(&'a str),
}

impl Scope<'_> {
    fn key(&self) -> &str {
        match self {
            Self::Global => "global",
            Self::Project(id) => id,
        }
    }

    fn project_id(&self) -> Option<&str> {
        match self {
            Self::Global => None,
            Self::Project(id) => Some(id),
        }
    }
}

/// One saved version, as stored (secrets sealed).
#[derive(Debug, Clone)]
pub struct StoredVersion {
    pub version: i64,
    pub document: Value,
    pub changes: Vec<Change>,
    pub author: Option<String>,
    pub reverted_from: Option<i64>,
    pub created_at: Timestamp,
}

/// A version without its document, for lists.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VersionSummary {
    pub version: i64,
    /// Who saved it.
    pub author: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    /// What changed from the version before (secrets masked).
    pub changes: Vec<Change>,
    /// Set when this version restored an older one.
    pub reverted_from: Option<i64>,
}

type Row = (i64, String, String, Option<String>, Option<i64>, String);

fn from_row(
    (version, document, changes, author, reverted_from, created_at): Row,
) -> anyhow::Result<StoredVersion> {
    Ok(StoredVersion {
        version,
        document: serde_json::from_str(&document)?,
        changes: serde_json::from_str(&changes).unwrap_or_default(),
        author,
        reverted_from,
        created_at: Timestamp::from_db(&created_at).map_err(anyhow::Error::msg)?,
    })
}

const COLUMNS: &str = "version, document, changes, author, reverted_from, created_at";

/// The version in force, if the document was ever saved.
pub async fn current(db: impl SqliteExecutor<'_>, scope: Scope<'_>) -> anyhow::Result<Option<StoredVersion>> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM config_versions WHERE scope = ? ORDER BY version DESC LIMIT 1"
    ))
    .bind(scope.key())
    .fetch_optional(db)
    .await?;
    row.map(from_row).transpose()
}

pub async fn get(
    db: impl SqliteExecutor<'_>,
    scope: Scope<'_>,
    version: i64,
) -> anyhow::Result<Option<StoredVersion>> {
    let row: Option<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM config_versions WHERE scope = ? AND version = ?"))
            .bind(scope.key())
            .bind(version)
            .fetch_optional(db)
            .await?;
    row.map(from_row).transpose()
}

/// Every version, newest first.
pub async fn list(db: impl SqliteExecutor<'_>, scope: Scope<'_>) -> anyhow::Result<Vec<VersionSummary>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM config_versions WHERE scope = ? ORDER BY version DESC LIMIT 500"
    ))
    .bind(scope.key())
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            let stored = from_row(row)?;
            Ok(VersionSummary {
                version: stored.version,
                author: stored.author,
                created_at: stored.created_at,
                changes: stored.changes,
                reverted_from: stored.reverted_from,
            })
        })
        .collect()
}

/// What a new version holds.
#[derive(Debug)]
pub struct NewVersion<'a> {
    pub document: &'a Value,
    pub changes: &'a [Change],
    pub author: Option<&'a str>,
    pub reverted_from: Option<i64>,
}

/// Saves `new` as the next version and returns its number.
pub async fn insert(
    db: impl SqliteExecutor<'_>,
    scope: Scope<'_>,
    new: &NewVersion<'_>,
) -> anyhow::Result<i64> {
    let version: i64 = sqlx::query_scalar(
        "INSERT INTO config_versions (scope, version, project_id, document, changes, author, reverted_from, created_at) \
         VALUES (?1, (SELECT IFNULL(MAX(version), 0) + 1 FROM config_versions WHERE scope = ?1), ?2, ?3, ?4, ?5, ?6, ?7) \
         RETURNING version",
    )
    .bind(scope.key())
    .bind(scope.project_id())
    .bind(new.document.to_string())
    .bind(serde_json::to_string(new.changes)?)
    .bind(new.author)
    .bind(new.reverted_from)
    .bind(Timestamp::now().to_db())
    .fetch_one(db)
    .await?;
    Ok(version)
}
