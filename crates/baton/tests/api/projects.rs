use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{error_of, spawn_app};

#[tokio::test]
async fn creating_a_project_returns_it_with_defaults_and_makes_its_workspace() {
    let app = spawn_app().await;

    let response = app
        .post_json("/api/projects", &json!({"name": "  Checkout  ", "description": "Cart and payment"}))
        .await;

    assert_eq!(response.status(), StatusCode::CREATED);
    let location = response.headers().get("location").expect("location").to_str().expect("text").to_owned();
    let project: Value = response.json().await.expect("json");
    assert_eq!(location, format!("/api/projects/{}", project["id"].as_str().expect("id")));
    assert_eq!(project["name"], "Checkout");
    assert_eq!(project["description"], "Cart and payment");
    assert_eq!(project["status"], "inactive");
    assert_eq!(project["config"], json!({}));
    assert_eq!(project["created_at"], project["updated_at"]);
    let workspace = project["workspace_dir"].as_str().expect("workspace");
    assert!(workspace.starts_with(app.data_dir.join("workspaces").to_str().expect("utf-8")));
    assert!(std::path::Path::new(workspace).is_dir());

    let fetched: Value = app.get(&location).await.json().await.expect("json");
    assert_eq!(fetched, project);
}

#[tokio::test]
async fn a_given_workspace_directory_is_created_with_its_parents() {
    let app = spawn_app().await;
    let dir = app.data_dir.join("elsewhere/deep/shop");

    let response = app
        .post_json(
            "/api/projects",
            &json!({"name": "Shop", "workspace_dir": dir, "status": "active", "config": {"level": 3}}),
        )
        .await;

    assert_eq!(response.status(), StatusCode::CREATED);
    let project: Value = response.json().await.expect("json");
    assert_eq!(project["workspace_dir"], dir.to_str().expect("utf-8"));
    assert_eq!(project["status"], "active");
    assert_eq!(project["config"], json!({"level": 3}));
    assert!(dir.is_dir());
}

#[tokio::test]
async fn each_bad_input_gets_its_status_code_and_field() {
    let app = spawn_app().await;
    app.create_project("Taken").await;
    let file = app.data_dir.join("a-file");
    std::fs::write(&file, "x").expect("write");
    let cases = [
        (
            "missing name",
            json!({"description": "x"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "name",
        ),
        ("empty name", json!({"name": "   "}), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", "name"),
        (
            "101-character name",
            json!({"name": "n".repeat(101)}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "name",
        ),
        (
            "name of the wrong type",
            json!({"name": 42}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "name",
        ),
        (
            "duplicate name in another case",
            json!({"name": "tAKEN"}),
            StatusCode::CONFLICT,
            "conflict",
            "name",
        ),
        (
            "unknown status",
            json!({"name": "A", "status": "paused"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "status",
        ),
        (
            "relative workspace",
            json!({"name": "A", "workspace_dir": "code/a"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "workspace_dir",
        ),
        (
            "workspace under a file",
            json!({"name": "A", "workspace_dir": file.join("sub")}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "workspace_dir",
        ),
        (
            "config not an object",
            json!({"name": "A", "config": "level=3"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "config",
        ),
        (
            "unknown field",
            json!({"name": "A", "owner": "me"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "owner",
        ),
    ];

    for (what, body, status, code, field) in cases {
        let (got_status, got_code, fields) = error_of(app.post_json("/api/projects", &body).await).await;
        assert_eq!((got_status, got_code.as_str()), (status, code), "{what}");
        assert!(fields[field].is_string(), "{what}: fields {fields} should name {field}");
    }
    let total = app.get("/api/projects").await.json::<Value>().await.expect("json")["total"].clone();
    assert_eq!(total, 1, "no bad input created anything");
}

#[tokio::test]
async fn a_100_character_name_is_accepted() {
    let app = spawn_app().await;

    let project = app.create_project(&"n".repeat(100)).await;

    assert_eq!(project["name"].as_str().map(str::len), Some(100));
}

#[tokio::test]
async fn bodies_that_are_not_json_or_too_large_are_refused() {
    let app = spawn_app().await;

    let (status, code, _) =
        error_of(app.post_raw("/api/projects", "application/json", "{\"name\": ").await).await;
    assert_eq!((status, code.as_str()), (StatusCode::BAD_REQUEST, "malformed_json"));

    let (status, code, _) =
        error_of(app.post_raw("/api/projects", "text/plain", "{\"name\": \"A\"}").await).await;
    assert_eq!((status, code.as_str()), (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"));

    let huge = format!("{{\"name\": \"A\", \"description\": \"{}\"}}", "x".repeat(2 * 1024 * 1024));
    let (status, code, _) = error_of(app.post_raw("/api/projects", "application/json", huge).await).await;
    assert_eq!((status, code.as_str()), (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"));
}

#[tokio::test]
async fn an_unknown_project_is_404_for_every_method() {
    let app = spawn_app().await;
    let path = "/api/projects/no-such-id";

    for response in
        [app.get(path).await, app.put_json(path, &json!({"name": "X"})).await, app.delete(path).await]
    {
        let (status, code, _) = error_of(response).await;
        assert_eq!((status, code.as_str()), (StatusCode::NOT_FOUND, "not_found"));
    }
}

#[tokio::test]
async fn the_list_is_newest_first_and_pages_with_an_opaque_cursor() {
    let app = spawn_app().await;
    for name in ["p1", "p2", "p3", "p4", "p5"] {
        app.create_project(name).await;
    }

    let first: Value = app.get("/api/projects?limit=2").await.json().await.expect("json");
    let cursor = first["next_cursor"].as_str().expect("a next page");
    let second: Value =
        app.get(&format!("/api/projects?limit=2&cursor={cursor}")).await.json().await.expect("json");
    let cursor = second["next_cursor"].as_str().expect("a last page");
    let third: Value =
        app.get(&format!("/api/projects?limit=2&cursor={cursor}")).await.json().await.expect("json");

    let names = |page: &Value| -> Vec<String> {
        page["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|p| p["name"].as_str().expect("name").to_owned())
            .collect()
    };
    assert_eq!(names(&first), ["p5", "p4"]);
    assert_eq!(names(&second), ["p3", "p2"]);
    assert_eq!(names(&third), ["p1"]);
    assert!(third["next_cursor"].is_null());
    assert_eq!(first["total"], 5);
}

#[tokio::test]
async fn the_list_filters_by_status_and_searches_names_case_insensitively() {
    let app = spawn_app().await;
    app.create_project("Checkout API").await;
    app.create_project("checkout UI").await;
    app.create_project("Search").await;
    app.create_project("100%_done").await;
    app.post_json("/api/projects", &json!({"name": "Archived checkout", "status": "archived"})).await;

    let found: Value = app.get("/api/projects?q=CHECKOUT").await.json().await.expect("json");
    let archived: Value =
        app.get("/api/projects?status=archived&q=checkout").await.json().await.expect("json");
    let literal: Value = app.get("/api/projects?q=%25_").await.json().await.expect("json");

    assert_eq!(found["total"], 3);
    assert_eq!(archived["total"], 1);
    assert_eq!(archived["items"][0]["name"], "Archived checkout");
    assert_eq!(literal["total"], 1, "% and _ are matched literally");
}

#[tokio::test]
async fn bad_list_parameters_are_named() {
    let app = spawn_app().await;
    let cases = [
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("limit=ten", "limit"),
        ("cursor=not-a-cursor", "cursor"),
        ("status=paused", "status"),
    ];

    for (query, field) in cases {
        let (status, code, fields) = error_of(app.get(&format!("/api/projects?{query}")).await).await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
            "{query}"
        );
        assert!(fields[field].is_string(), "{query}: {fields}");
    }
}

#[tokio::test]
async fn an_update_changes_only_the_fields_sent() {
    let app = spawn_app().await;
    let created: Value = app
        .post_json("/api/projects", &json!({"name": "Shop", "description": "old", "config": {"a": 1}}))
        .await
        .json()
        .await
        .expect("json");
    let path = format!("/api/projects/{}", created["id"].as_str().expect("id"));

    let response = app.put_json(&path, &json!({"name": "Shop v2", "status": "active"})).await;
    assert_eq!(response.status(), StatusCode::OK);
    let updated: Value = response.json().await.expect("json");
    assert_eq!(updated["name"], "Shop v2");
    assert_eq!(updated["status"], "active");
    assert_eq!(updated["description"], "old");
    assert_eq!(updated["config"], json!({"a": 1}));
    assert_eq!(updated["created_at"], created["created_at"]);
    assert!(updated["updated_at"].as_str() >= created["updated_at"].as_str());

    let cleared: Value =
        app.put_json(&path, &json!({"description": null, "config": {}})).await.json().await.expect("json");
    assert!(cleared["description"].is_null());
    assert_eq!(cleared["config"], json!({}));
    assert_eq!(app.get(&path).await.json::<Value>().await.expect("json"), cleared);
}

#[tokio::test]
async fn renaming_onto_another_projects_name_is_a_conflict_but_recasing_ones_own_is_not() {
    let app = spawn_app().await;
    app.create_project("Alpha").await;
    let beta = app.create_project("Beta").await;
    let path = format!("/api/projects/{}", beta["id"].as_str().expect("id"));

    let (status, code, fields) = error_of(app.put_json(&path, &json!({"name": "ALPHA"})).await).await;
    assert_eq!((status, code.as_str()), (StatusCode::CONFLICT, "conflict"));
    assert!(fields["name"].is_string());

    let recased = app.put_json(&path, &json!({"name": "BETA"})).await;
    assert_eq!(recased.status(), StatusCode::OK);
}

#[tokio::test]
async fn bad_updates_change_nothing() {
    let app = spawn_app().await;
    let project = app.create_project("Stable").await;
    let path = format!("/api/projects/{}", project["id"].as_str().expect("id"));

    for body in [
        json!({"name": ""}),
        json!({"workspace_dir": "relative"}),
        json!({"status": 1}),
        json!({"config": []}),
    ] {
        let (status, _, _) = error_of(app.put_json(&path, &body).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    }

    assert_eq!(app.get(&path).await.json::<Value>().await.expect("json"), project);
}

#[tokio::test]
async fn deleting_a_project_removes_it_and_its_history_but_not_its_workspace() {
    let app = spawn_app().await;
    let project = app.create_project("Doomed").await;
    let id = project["id"].as_str().expect("id");
    let db = app.db();
    sqlx::query("INSERT INTO agent_executions (id, project_id, agent_name, status) VALUES ('e1', ?, 'backend-expert', 'completed')")
        .bind(id)
        .execute(db)
        .await
        .expect("insert");
    sqlx::query("INSERT INTO agent_logs (execution_id, message) VALUES ('e1', 'done')")
        .execute(db)
        .await
        .expect("insert");

    let response = app.delete(&format!("/api/projects/{id}")).await;

    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get(&format!("/api/projects/{id}")).await.status(), StatusCode::NOT_FOUND);
    let logs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM agent_logs").fetch_one(db).await.expect("count");
    assert_eq!(logs, 0);
    assert!(std::path::Path::new(project["workspace_dir"].as_str().expect("dir")).is_dir());
}

#[tokio::test]
async fn a_project_with_a_running_execution_cannot_be_deleted() {
    let app = spawn_app().await;
    let project = app.create_project("Busy").await;
    let id = project["id"].as_str().expect("id");
    sqlx::query("INSERT INTO agent_executions (id, project_id, agent_name, status) VALUES ('e1', ?, 'qa-test-engineer', 'running')")
        .bind(id)
        .execute(app.db())
        .await
        .expect("insert");

    let (status, code, _) = error_of(app.delete(&format!("/api/projects/{id}")).await).await;

    assert_eq!((status, code.as_str()), (StatusCode::CONFLICT, "conflict"));
    assert_eq!(app.get(&format!("/api/projects/{id}")).await.status(), StatusCode::OK);
}
