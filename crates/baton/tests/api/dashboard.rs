//! What the dashboard reads: notifications, activity, metrics over time, agent statuses, system
//! health, and the executions list's sorting and search.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    engine::{start_plan, wait_until_ended},
    helpers::{TestApp, error_of, spawn_app},
};

async fn json_of(app: &TestApp, path: &str) -> Value {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.json().await.expect("json")
}

async fn failing_run(app: &TestApp) -> String {
    let id = start_plan(
        app,
        json!({"name": "Nightly", "tasks": [{"id": "boom", "agent": "tester", "prompt": "[fake:fail,delay=10]", "retries": 1}]}),
    )
    .await;
    wait_until_ended(app, &id).await;
    id
}

#[tokio::test]
async fn a_failed_run_notifies_every_user_who_can_mark_them_read() {
    let app = spawn_app().await;
    let id = failing_run(&app).await;

    let page = json_of(&app, "/api/notifications").await;
    let kinds: Vec<&str> =
        page["items"].as_array().expect("items").iter().filter_map(|n| n["kind"].as_str()).collect();
    assert_eq!(kinds, ["execution_failed", "task_retried"], "newest first");
    assert_eq!(page["unread"], 2);
    let failed = &page["items"][0];
    assert_eq!(failed["link"], format!("/executions/{id}"));
    assert_eq!(failed["title"], "Nightly failed");
    assert!(failed["read_at"].is_null());

    let read = app
        .post_json(&format!("/api/notifications/{}/read", failed["id"].as_str().expect("id")), &json!({}))
        .await;
    assert_eq!(read.status(), StatusCode::NO_CONTENT);
    assert_eq!(json_of(&app, "/api/notifications").await["unread"], 1);
    let unread = json_of(&app, "/api/notifications?unread_only=true").await;
    assert_eq!(unread["items"].as_array().map(Vec::len), Some(1));
    let all = app.post_json("/api/notifications/read-all", &json!({})).await;
    assert_eq!(all.status(), StatusCode::NO_CONTENT);
    assert_eq!(json_of(&app, "/api/notifications").await["unread"], 0);

    let (status, _, body) = error_of(app.post_json("/api/notifications/nope/read", &json!({})).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, _, body) = error_of(app.get("/api/notifications?limit=0").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["limit"].is_string());
    // Another user has their own copy.
    let vera = app.user_token("vera", "viewer").await;
    let theirs: Value = app
        .client
        .get(app.url("/api/notifications"))
        .bearer_auth(&vera)
        .send()
        .await
        .expect("send")
        .json()
        .await
        .expect("json");
    assert_eq!(theirs["unread"], 0, "vera did not exist when the run failed");
    app.stop().await;
}

#[tokio::test]
async fn activity_metrics_and_agent_statuses_describe_what_ran() {
    let app = spawn_app().await;
    let id = failing_run(&app).await;

    let activity = json_of(&app, "/api/activity?limit=10").await;
    let items = activity["items"].as_array().expect("items");
    let kinds: Vec<&str> = items.iter().filter_map(|i| i["kind"].as_str()).collect();
    assert_eq!(kinds.first(), Some(&"execution_failed"), "{kinds:?}");
    assert!(kinds.contains(&"task_failed") && kinds.contains(&"execution_started"), "{kinds:?}");
    let retried = items.iter().find(|i| i["kind"] == "task_started" && i["attempt"] == 2).expect("a retry");
    assert_eq!(retried["message"], "boom (tester) retried (attempt 2) in Nightly");
    assert!(items.iter().all(|i| i["execution_id"] == id.as_str()));
    let times: Vec<&str> = items.iter().filter_map(|i| i["at"].as_str()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first: {times:?}");
    let older = json_of(&app, &format!("/api/activity?before={}", times[1])).await;
    assert!(older["items"].as_array().expect("items").iter().all(|i| i["at"].as_str() < Some(times[1])));
    let (status, _, body) = error_of(app.get("/api/activity?before=yesterday").await).await;
    assert_eq!(
        (status, body["before"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("must be an RFC 3339 time"))
    );

    let metrics = json_of(&app, "/api/metrics/executions?range=1h").await;
    assert_eq!(metrics["bucket_seconds"], 300);
    let buckets = metrics["buckets"].as_array().expect("buckets");
    assert_eq!(buckets.len(), 12);
    let now = buckets.last().expect("bucket");
    assert_eq!((now["failed"].as_u64(), now["completed"].as_u64()), (Some(1), Some(0)));
    assert_eq!(now["tasks"], 2, "both attempts ended");
    assert!(now["task_p50_ms"].as_i64().is_some_and(|ms| ms > 0));
    assert_eq!(json_of(&app, "/api/metrics/executions").await["buckets"].as_array().map(Vec::len), Some(24));
    let (status, _, _) = error_of(app.get("/api/metrics/executions?range=2h").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let hanging = start_plan(
        &app,
        json!({"name": "Long", "tasks": [{"id": "wait", "agent": "sleeper", "prompt": "[fake:hang]"}]}),
    )
    .await;
    let mut statuses = Value::Null;
    for _ in 0..100 {
        statuses = json_of(&app, "/api/agents/status").await;
        if statuses["agents"][0]["status"] == "running" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let first = &statuses["agents"][0];
    assert_eq!((first["agent"].as_str(), first["status"].as_str()), (Some("sleeper"), Some("running")));
    assert_eq!(first["running"][0]["execution_id"], hanging.as_str());
    assert_eq!(first["running"][0]["task_id"], "wait");
    let tester = statuses["agents"]
        .as_array()
        .expect("agents")
        .iter()
        .find(|a| a["agent"] == "tester")
        .expect("tester");
    assert_eq!(tester["status"], "idle");
    assert!(tester["last_seen"].is_string());

    let health = json_of(&app, "/api/system/health").await;
    assert_eq!(health["queues"]["executions_running"], 1);
    assert_eq!(health["queues"]["tasks_running"], 1);
    assert!(health["host"]["memory_total_bytes"].as_u64() > Some(0));
    assert!(health["database"]["size_bytes"].as_u64() > Some(0));
    assert!(health["process"]["rss_bytes"].as_u64() > Some(0));
    let cancel = app.post_json(&format!("/api/executions/{hanging}/cancel"), &json!({})).await;
    assert_eq!(cancel.status(), StatusCode::ACCEPTED);
    wait_until_ended(&app, &hanging).await;
    app.stop().await;
}

#[tokio::test]
async fn executions_sort_by_cost_page_by_cursor_and_search_by_name() {
    let app = spawn_app().await;
    let mut ids = Vec::new();
    for (name, cost) in [("Alpha", 0.3), ("Beta", 0.1), ("Gamma", 0.2)] {
        let plan = json!({"name": name, "tasks": [{"id": "t", "agent": "a", "prompt": format!("[fake:cost={cost},delay=1]")}]});
        let id = start_plan(&app, plan).await;
        wait_until_ended(&app, &id).await;
        ids.push(id);
    }
    let names = |page: &Value| -> Vec<String> {
        page["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|e| e["name"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let first = json_of(&app, "/api/executions?sort=cost&order=asc&limit=2").await;
    assert_eq!(names(&first), ["Beta", "Gamma"]);
    let cursor = first["next_cursor"].as_str().expect("a next page");
    let second = json_of(&app, &format!("/api/executions?sort=cost&order=asc&limit=2&cursor={cursor}")).await;
    assert_eq!(names(&second), ["Alpha"]);
    assert!(second["next_cursor"].is_null());
    assert_eq!(names(&json_of(&app, "/api/executions?sort=cost").await), ["Alpha", "Gamma", "Beta"]);
    assert_eq!(names(&json_of(&app, "/api/executions?sort=duration&limit=3").await).len(), 3);
    assert_eq!(names(&json_of(&app, "/api/executions").await), ["Gamma", "Beta", "Alpha"], "newest first");

    assert_eq!(names(&json_of(&app, "/api/executions?q=amm").await), ["Gamma"]);
    let prefix = &ids[1][..30];
    assert_eq!(names(&json_of(&app, &format!("/api/executions?q={prefix}")).await), ["Beta"]);
    let by_project = json_of(&app, "/api/executions?q=engine").await;
    assert_eq!(names(&by_project).len(), 3, "the test projects are named engine …");
    assert!(by_project["items"][0]["project_name"].as_str().is_some_and(|n| n.starts_with("engine")));
    assert_eq!(names(&json_of(&app, "/api/executions?q=100%25").await).len(), 0, "% is literal");
    assert_eq!(names(&json_of(&app, "/api/executions?active=true").await).len(), 0);

    let (status, _, body) = error_of(app.get("/api/executions?order=sideways").await).await;
    assert_eq!(
        (status, body["order"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("must be asc or desc"))
    );
    let (status, _, body) = error_of(app.get(&format!("/api/executions?cursor={cursor}")).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a cost cursor is not a created_at cursor: {body}");
    let (status, _, _) = error_of(app.get("/api/executions?sort=size").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}
