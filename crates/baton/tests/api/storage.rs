use std::collections::BTreeSet;

use crate::helpers::{spawn_app, spawn_app_in};

const SEED_TABLES: [&str; 11] = [
    "agent_configurations",
    "agent_dependencies",
    "agent_executions",
    "agent_logs",
    "agent_tasks",
    "execution_metrics",
    "execution_plans",
    "mcp_servers",
    "project_configurations",
    "projects",
    "webhooks",
];

const SEED_INDEXES: [&str; 5] = [
    "idx_executions_project",
    "idx_executions_status",
    "idx_logs_execution",
    "idx_metrics_execution",
    "idx_tasks_execution",
];

async fn names(db: &sqlx::SqlitePool, kind: &str) -> BTreeSet<String> {
    sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = ?")
        .bind(kind)
        .fetch_all(db)
        .await
        .expect("sqlite_master")
        .into_iter()
        .collect()
}

#[tokio::test]
async fn the_first_start_creates_every_seed_table_and_index() {
    let app = spawn_app().await;
    let db = app.db();

    let tables = names(db, "table").await;
    let indexes = names(db, "index").await;

    for table in SEED_TABLES {
        assert!(tables.contains(table), "table {table} in {tables:?}");
    }
    for index in SEED_INDEXES {
        assert!(indexes.contains(index), "index {index} in {indexes:?}");
    }
}

#[tokio::test]
async fn the_seed_columns_keep_their_names() {
    let app = spawn_app().await;
    let db = app.db();

    let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info('agent_executions')")
        .fetch_all(db)
        .await
        .expect("columns");

    for column in
        ["id", "project_id", "agent_name", "status", "started_at", "completed_at", "error", "metrics"]
    {
        assert!(columns.iter().any(|c| c == column), "agent_executions.{column} in {columns:?}");
    }
}

#[tokio::test]
async fn the_database_is_in_wal_mode_with_foreign_keys_enforced() {
    let app = spawn_app().await;
    let db = app.db();

    let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(db).await.expect("pragma");
    assert_eq!(mode, "wal");
    let orphan = sqlx::query(
        "INSERT INTO agent_executions (id, project_id, agent_name, status) VALUES ('x', 'missing', 'a', 'queued')",
    )
    .execute(db)
    .await;
    assert!(orphan.is_err(), "an execution of a missing project was accepted");
}

#[tokio::test]
async fn a_second_start_on_the_same_data_dir_keeps_the_data() {
    let temp = tempfile::tempdir().expect("temp dir");
    let data_dir = temp.path().join("data");
    let first = spawn_app_in(&data_dir).await;
    let project = first.create_project("Survivor").await;
    first.stop().await;

    let second = spawn_app_in(&data_dir).await;
    let path = format!("/api/projects/{}", project["id"].as_str().expect("id"));
    let fetched: serde_json::Value = second.get(&path).await.json().await.expect("json");

    assert_eq!(fetched, project);
}

#[tokio::test]
async fn updated_at_is_maintained_for_writers_other_than_baton() {
    let app = spawn_app().await;
    let project = app.create_project("Touched").await;
    let db = app.db();
    // Timestamps have millisecond precision: make sure the clock moves.
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;

    sqlx::query("UPDATE projects SET description = 'from a script' WHERE id = ?")
        .bind(project["id"].as_str().expect("id"))
        .execute(db)
        .await
        .expect("update");

    let after: serde_json::Value = app
        .get(&format!("/api/projects/{}", project["id"].as_str().expect("id")))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(after["description"], "from a script");
    assert!(after["updated_at"].as_str() > project["updated_at"].as_str(), "{after}");
}
