use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::spawn_app;

#[tokio::test]
async fn health_says_ok_with_version_uptime_and_database() {
    let app = spawn_app().await;

    let response = app.get("/api/health").await;

    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["status"], "ok");
    assert_eq!(body["db"], "ok");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
    assert!(body["uptime_s"].is_u64());
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_a_given_one_is_echoed() {
    let app = spawn_app().await;

    let generated = app.get("/api/health").await;
    let echoed = app
        .client
        .get(app.url("/api/health"))
        .header("x-request-id", "trace-me-42")
        .send()
        .await
        .expect("request");

    let id = generated.headers().get("x-request-id").expect("generated id").to_str().expect("text");
    assert_eq!(id.len(), 36, "a UUID: {id}");
    assert_eq!(echoed.headers().get("x-request-id").expect("echoed id"), "trace-me-42");
}

#[tokio::test]
async fn unknown_api_routes_and_methods_answer_in_the_error_shape() {
    let app = spawn_app().await;

    let (status, code, _) = crate::helpers::error_of(app.get("/api/no-such-thing").await).await;
    assert_eq!((status, code.as_str()), (StatusCode::NOT_FOUND, "not_found"));

    let patch = app.client.patch(app.url("/api/projects")).send().await.expect("request");
    let (status, code, _) = crate::helpers::error_of(patch).await;
    assert_eq!((status, code.as_str()), (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"));
}

#[tokio::test]
async fn the_openapi_document_lists_every_project_endpoint() {
    let app = spawn_app().await;

    let document: Value = app.get("/api/openapi.json").await.json().await.expect("json");

    assert_eq!(document["openapi"], "3.1.0");
    let projects = &document["paths"]["/api/projects"];
    let project = &document["paths"]["/api/projects/{id}"];
    for (path, method) in
        [(projects, "get"), (projects, "post"), (project, "get"), (project, "put"), (project, "delete")]
    {
        assert!(path[method].is_object(), "{method} is documented");
    }
    assert_eq!(
        document.to_string(),
        serde_json::from_str::<Value>(baton::api::openapi_json()).expect("json").to_string()
    );
}

#[tokio::test]
async fn pages_of_the_web_app_fall_back_to_html_but_missing_files_are_404() {
    let app = spawn_app().await;

    let page = app.get("/projects/some-id").await;
    let content_type =
        page.headers().get("content-type").expect("content type").to_str().expect("text").to_owned();
    assert!(content_type.starts_with("text/html"), "{content_type}");
    // 200 when web/dist is built, 503 with instructions when it is not.
    assert!(matches!(page.status(), StatusCode::OK | StatusCode::SERVICE_UNAVAILABLE), "{}", page.status());

    assert_eq!(app.get("/assets/no-such-bundle.js").await.status(), StatusCode::NOT_FOUND);
}
