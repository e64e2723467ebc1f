//! Outbound webhooks against a real receiver on 127.0.0.1: signatures, retries, dead
//! deliveries, resuming after a restart, the SSRF guard, the API's shapes and errors.

use std::{
    collections::VecDeque,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use axum::{
    Router,
    body::Bytes,
    extract::State,
    http::{HeaderMap, StatusCode as AxumStatus},
    routing::any,
};
use baton::webhooks::signature;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::{net::TcpListener, task::JoinHandle};

use crate::{
    engine::{start_plan, wait_until_ended},
    helpers::{TestApp, error_of, spawn_app, spawn_app_with},
};

/// How the receiver answers one request.
#[derive(Debug, Clone, Copy)]
struct Reply {
    status: u16,
    delay: Duration,
}

fn answer(status: u16) -> Reply {
    Reply { status, delay: Duration::ZERO }
}

/// A request the receiver got.
#[derive(Debug, Clone)]
struct Received {
    headers: HeaderMap,
    body: Bytes,
}

impl Received {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("the body is JSON")
    }
}

#[derive(Default)]
struct Shared {
    replies: Mutex<VecDeque<Reply>>,
    received: Mutex<Vec<Received>>,
}

/// An HTTP server that records every request and answers from a script (then 200).
struct Receiver {
    port: u16,
    shared: Arc<Shared>,
    task: JoinHandle<()>,
}

impl Receiver {
    async fn start(replies: &[Reply]) -> Self {
        Self::start_on(0, replies).await
    }

    async fn start_on(port: u16, replies: &[Reply]) -> Self {
        let listener = TcpListener::bind(("127.0.0.1", port)).await.expect("bind the receiver");
        let port = listener.local_addr().expect("address").port();
        let shared =
            Arc::new(Shared { replies: Mutex::new(replies.iter().copied().collect()), ..Shared::default() });
        let router = Router::new().fallback(any(receive)).with_state(shared.clone());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Self { port, shared, task }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/hook?team=core", self.port)
    }

    fn received(&self) -> Vec<Received> {
        self.shared.received.lock().expect("lock").clone()
    }

    /// The first `count` requests, once they have arrived.
    async fn wait_for(&self, count: usize) -> Vec<Received> {
        let started = Instant::now();
        loop {
            let received = self.received();
            if received.len() >= count {
                return received;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "only {} of {count} requests arrived",
                received.len()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn receive(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> (AxumStatus, String) {
    shared.received.lock().expect("lock").push(Received { headers, body });
    let reply = shared.replies.lock().expect("lock").pop_front().unwrap_or(answer(200));
    tokio::time::sleep(reply.delay).await;
    let status = AxumStatus::from_u16(reply.status).unwrap_or(AxumStatus::OK);
    (status, format!("answered {}", reply.status))
}

/// Baton allowed to post to 127.0.0.1, retrying after 100 ms, 400 ms, 2 s...
async fn spawn_receiving_app() -> (TestApp, TempDir) {
    let temp = tempfile::tempdir().expect("temp dir");
    let app = spawn_app_with(&temp.path().join("data"), allow_local).await;
    (app, temp)
}

fn allow_local(args: &mut baton::config::ServeArgs) {
    args.allow_private_webhooks = true;
    args.webhook_backoff_base = Duration::from_millis(100);
}

/// Creates a webhook and returns the 201 body.
async fn create_webhook(app: &TestApp, body: Value) -> Value {
    let response = app.post_json("/api/webhooks", &body).await;
    let status = response.status();
    let created: Value = response.json().await.expect("json");
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created
}

async fn send_test(app: &TestApp, webhook_id: &str) -> Value {
    let response = app.post_json(&format!("/api/webhooks/{webhook_id}/test"), &json!({})).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    response.json().await.expect("json")
}

async fn deliveries(app: &TestApp, webhook_id: &str) -> Vec<Value> {
    let page: Value =
        app.get(&format!("/api/webhooks/{webhook_id}/deliveries")).await.json().await.expect("json");
    page["deliveries"].as_array().unwrap_or_else(|| panic!("deliveries in {page}")).clone()
}

/// The delivery once `done` holds for it.
async fn wait_for_delivery(
    app: &TestApp,
    webhook_id: &str,
    id: &str,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let started = Instant::now();
    loop {
        let found = deliveries(app, webhook_id).await.into_iter().find(|d| d["id"] == id);
        if let Some(delivery) = found.filter(|d| done(d)) {
            return delivery;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "delivery {id} never got there");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

fn status_is(status: &'static str) -> impl Fn(&Value) -> bool {
    move |delivery| delivery["status"] == status
}

fn codes(delivery: &Value) -> Vec<Option<i64>> {
    delivery["attempts_log"]
        .as_array()
        .expect("attempts_log")
        .iter()
        .map(|a| a["status_code"].as_i64())
        .collect()
}

#[tokio::test]
async fn a_test_event_arrives_signed_with_the_secret_returned_on_create_and_with_its_headers() {
    let receiver = Receiver::start(&[]).await;
    let (app, _temp) = spawn_receiving_app().await;
    let webhook = create_webhook(
        &app,
        json!({"name": "ci", "url": receiver.url(), "events": ["execution:failed"],
               "headers": {"X-Team": "core", "Authorization": {"secret": "Bearer planted-header-secret"}}}),
    )
    .await;
    let secret = webhook["secret"].as_str().expect("secret").to_owned();
    assert!(secret.starts_with("whsec_"), "{secret}");

    let queued = send_test(&app, webhook["id"].as_str().expect("id")).await;

    assert_eq!(queued["status"], "pending");
    assert_eq!(queued["event"], "webhook:test");
    let request = receiver.wait_for(1).await.remove(0);
    let now = time_now();
    let signed = request.header("baton-signature");
    assert!(signature::verify(signed, &secret, &request.body, now, 300), "{signed} does not verify");
    assert!(!signature::verify(signed, "whsec_another", &request.body, now, 300));
    assert_eq!(request.header("baton-delivery"), queued["id"].as_str().expect("id"));
    assert_eq!(request.header("baton-event"), "webhook:test");
    assert_eq!(request.header("content-type"), "application/json");
    assert!(request.header("user-agent").starts_with("Baton-Webhooks/"), "{}", request.header("user-agent"));
    assert_eq!(request.header("x-team"), "core");
    assert_eq!(request.header("authorization"), "Bearer planted-header-secret");
    let body = request.json();
    assert_eq!(body["id"], queued["id"]);
    assert_eq!(body["event"], "webhook:test");
    assert_eq!(body["data"]["webhook_id"], webhook["id"]);
    assert!(body["created_at"].as_str().is_some_and(|t| t.ends_with('Z')), "{body}");
    let id = queued["id"].as_str().expect("id");
    let delivered =
        wait_for_delivery(&app, webhook["id"].as_str().expect("id"), id, status_is("delivered")).await;
    assert_eq!(codes(&delivered), [Some(200)]);
    assert_eq!(delivered["attempts_log"][0]["response_excerpt"], "answered 200");
    assert_eq!(delivered["payload"], body, "the log shows the body that was sent");
}

fn time_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[tokio::test]
async fn a_receiver_failing_twice_gets_three_attempts_and_the_delivery_ends_delivered() {
    let receiver = Receiver::start(&[answer(500), answer(503)]).await;
    let (app, _temp) = spawn_receiving_app().await;
    let webhook = create_webhook(&app, json!({"url": receiver.url()})).await;
    let webhook_id = webhook["id"].as_str().expect("id");

    let queued = send_test(&app, webhook_id).await;

    let id = queued["id"].as_str().expect("id");
    let delivered = wait_for_delivery(&app, webhook_id, id, status_is("delivered")).await;
    assert_eq!(codes(&delivered), [Some(500), Some(503), Some(200)]);
    assert_eq!(delivered["attempts"], 3);
    assert_eq!(delivered["next_attempt_at"], Value::Null);
    let requests = receiver.received();
    assert_eq!(requests.len(), 3);
    assert!(requests.iter().all(|r| r.header("baton-delivery") == id && r.body == requests[0].body));
    let listed: Vec<Value> = app.get("/api/webhooks").await.json().await.expect("json");
    assert_eq!(listed[0]["last_delivery"]["status"], "delivered");
    assert_eq!(listed[0]["last_delivery"]["status_code"], 200);
}

#[tokio::test]
async fn a_410_or_a_400_is_final_and_the_delivery_is_dead_at_once() {
    for code in [410, 400] {
        let receiver = Receiver::start(&[answer(code)]).await;
        let (app, _temp) = spawn_receiving_app().await;
        let webhook = create_webhook(&app, json!({"url": receiver.url()})).await;
        let webhook_id = webhook["id"].as_str().expect("id");

        let queued = send_test(&app, webhook_id).await;

        let dead =
            wait_for_delivery(&app, webhook_id, queued["id"].as_str().expect("id"), status_is("dead")).await;
        assert_eq!(codes(&dead), [Some(i64::from(code))]);
        assert_eq!(dead["last_status_code"], code);
        // Ten times the first backoff: a retry would have come by now.
        tokio::time::sleep(Duration::from_secs(1)).await;
        assert_eq!(receiver.received().len(), 1, "{code} was retried");
    }
}

#[tokio::test]
async fn a_429_is_retried_after_the_wait_it_asks_for() {
    let receiver = Receiver::start(&[answer(429)]).await;
    let (app, _temp) = spawn_receiving_app().await;
    let webhook = create_webhook(&app, json!({"url": receiver.url()})).await;
    let webhook_id = webhook["id"].as_str().expect("id");

    let queued = send_test(&app, webhook_id).await;

    let id = queued["id"].as_str().expect("id");
    let delivered = wait_for_delivery(&app, webhook_id, id, status_is("delivered")).await;
    assert_eq!(codes(&delivered), [Some(429), Some(200)]);
}

/// Changes `webhooks.*` of the global configuration, as the Configuration page does.
async fn configure_webhooks(app: &TestApp, webhooks: Value) {
    let response = app.put_json("/api/config/global", &json!({"config": {"webhooks": webhooks}})).await;
    let status = response.status();
    assert_eq!(status, StatusCode::OK, "{}", response.text().await.unwrap_or_default());
}

#[tokio::test]
async fn a_receiver_that_does_not_answer_in_time_is_retried() {
    let slow = Reply { status: 200, delay: Duration::from_secs(4) };
    let receiver = Receiver::start(&[slow]).await;
    let (app, _temp) = spawn_receiving_app().await;
    configure_webhooks(&app, json!({"timeout": "1s"})).await;
    let webhook = create_webhook(&app, json!({"url": receiver.url()})).await;
    let webhook_id = webhook["id"].as_str().expect("id");

    let queued = send_test(&app, webhook_id).await;

    let id = queued["id"].as_str().expect("id");
    let delivered = wait_for_delivery(&app, webhook_id, id, status_is("delivered")).await;
    assert_eq!(codes(&delivered), [None, Some(200)]);
    let first = &delivered["attempts_log"][0];
    assert!(first["error"].as_str().is_some_and(|e| e.contains("timed out")), "{first}");
    let waited = first["duration_ms"].as_i64().expect("duration_ms");
    assert!((900..3_000).contains(&waited), "the attempt was cut at the timeout, not after {waited} ms");
}

#[tokio::test]
async fn a_delivery_that_keeps_failing_is_dead_after_the_last_attempt() {
    let receiver = Receiver::start(&[answer(500); 10]).await;
    let (app, _temp) = spawn_receiving_app().await;
    configure_webhooks(&app, json!({"max_attempts": 3})).await;
    let webhook = create_webhook(&app, json!({"url": receiver.url()})).await;
    let webhook_id = webhook["id"].as_str().expect("id");

    let queued = send_test(&app, webhook_id).await;

    let dead =
        wait_for_delivery(&app, webhook_id, queued["id"].as_str().expect("id"), status_is("dead")).await;
    assert_eq!(codes(&dead), [Some(500), Some(500), Some(500)]);
    assert_eq!(dead["next_attempt_at"], Value::Null);
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(receiver.received().len(), 3, "a dead delivery is not sent again");
}

#[tokio::test]
async fn a_delivery_pending_when_baton_stops_is_sent_after_it_starts_again() {
    let temp = tempfile::tempdir().expect("temp dir");
    let data_dir = temp.path().join("data");
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
    let app = spawn_app_with(&data_dir, allow_local).await;
    let url = format!("http://127.0.0.1:{port}/hook");
    let webhook = create_webhook(&app, json!({"url": url})).await;
    let webhook_id = webhook["id"].as_str().expect("id").to_owned();
    let queued = send_test(&app, &webhook_id).await;
    let id = queued["id"].as_str().expect("id").to_owned();
    // Nothing listens yet: the first attempt fails and the delivery waits for another.
    let failed = wait_for_delivery(&app, &webhook_id, &id, status_is("failed")).await;
    assert_eq!(codes(&failed)[0], None, "{failed}");
    assert!(failed["last_error"].as_str().is_some_and(|e| !e.is_empty()), "{failed}");
    app.stop().await;

    let receiver = Receiver::start_on(port, &[]).await;
    let app = spawn_app_with(&data_dir, allow_local).await;

    let request = receiver.wait_for(1).await.remove(0);
    assert_eq!(request.header("baton-delivery"), id);
    let delivered = wait_for_delivery(&app, &webhook_id, &id, status_is("delivered")).await;
    assert_eq!(codes(&delivered).last(), Some(&Some(200)));
    assert!(codes(&delivered).len() >= 2, "{delivered}");
}

#[tokio::test]
async fn without_the_flag_private_loopback_and_metadata_urls_are_refused() {
    let app = spawn_app().await;
    for url in [
        "http://127.0.0.1:9/hook",
        "http://10.0.0.1/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
        "http://[::ffff:10.0.0.1]/hook",
        "http://localhost:9/hook",
        "http://metadata.google.internal/computeMetadata/v1/",
    ] {
        let response = app.post_json("/api/webhooks", &json!({"url": url})).await;
        let (status, code, fields) = error_of(response).await;
        assert_eq!((status, code.as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"), "{url}");
        let message = fields["url"].as_str().unwrap_or_default();
        assert!(message.contains("private"), "{url}: {fields}");
    }
    let listed: Vec<Value> = app.get("/api/webhooks").await.json().await.expect("json");
    assert!(listed.is_empty(), "{listed:?}");
}

#[tokio::test]
async fn without_the_flag_a_private_target_is_refused_again_when_sending() {
    let receiver = Receiver::start(&[]).await;
    let app = spawn_app().await;
    // Stored as if made while the flag was on (or before DNS changed): the API would refuse it.
    for (id, url) in
        [("literal", receiver.url()), ("named", format!("http://localhost:{}/hook", receiver.port))]
    {
        sqlx::query(
            "INSERT INTO webhooks (id, name, url, events, headers, active, created_at, updated_at) \
                     VALUES (?, ?, ?, '[]', '{}', 1, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')",
        )
        .bind(id)
        .bind(id)
        .bind(url)
        .execute(app.db())
        .await
        .expect("insert");
    }

    let literal = send_test(&app, "literal").await;
    let named = send_test(&app, "named").await;

    let literal =
        wait_for_delivery(&app, "literal", literal["id"].as_str().expect("id"), status_is("dead")).await;
    assert!(literal["last_error"].as_str().is_some_and(|e| e.contains("private address")), "{literal}");
    let named =
        wait_for_delivery(&app, "named", named["id"].as_str().expect("id"), |d| d["attempts"] == 1).await;
    assert_eq!(named["status"], "failed", "a name is looked up again later: DNS answers change");
    assert!(named["last_error"].as_str().is_some_and(|e| e.contains("private address")), "{named}");
    assert!(receiver.received().is_empty(), "the receiver was reached");
}

#[tokio::test]
async fn redeliver_sends_the_same_event_again_as_a_new_delivery() {
    let receiver = Receiver::start(&[]).await;
    let (app, _temp) = spawn_receiving_app().await;
    let webhook = create_webhook(&app, json!({"url": receiver.url()})).await;
    let webhook_id = webhook["id"].as_str().expect("id");
    let first = send_test(&app, webhook_id).await;
    let first_id = first["id"].as_str().expect("id");
    wait_for_delivery(&app, webhook_id, first_id, status_is("delivered")).await;

    let response = app
        .post_json(&format!("/api/webhooks/{webhook_id}/deliveries/{first_id}/redeliver"), &json!({}))
        .await;

    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let again: Value = response.json().await.expect("json");
    assert_ne!(again["id"], first["id"]);
    assert_eq!(again["redelivery_of"], first["id"]);
    let requests = receiver.wait_for(2).await;
    assert_eq!(requests[1].header("baton-delivery"), again["id"].as_str().expect("id"));
    assert_eq!(requests[1].json()["data"], requests[0].json()["data"]);
    let missing =
        app.post_json(&format!("/api/webhooks/{webhook_id}/deliveries/nope/redeliver"), &json!({})).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn webhooks_are_created_read_changed_rotated_and_deleted_with_secrets_masked() {
    let receiver = Receiver::start(&[]).await;
    let (app, _temp) = spawn_receiving_app().await;
    let project = app.create_project("hooked").await;
    let created = create_webhook(
        &app,
        json!({"url": receiver.url(), "events": ["execution:*"], "project_id": project["id"],
               "headers": {"X-Plain": "p", "X-Key": {"secret": "planted-key-123"}}, "secret": "my-own-secret-0123456789"}),
    )
    .await;
    let id = created["id"].as_str().expect("id");
    assert_eq!(created["secret"], "my-own-secret-0123456789");
    assert_eq!(created["name"], "127.0.0.1", "named after the host");

    let read: Value = app.get(&format!("/api/webhooks/{id}")).await.json().await.expect("json");
    assert_eq!(read["headers"], json!({"X-Plain": "p", "X-Key": {"secret": "********"}}));
    assert_eq!(read["secret_set"], true);
    assert_eq!(read["active"], true);
    assert_eq!(read["project_id"], project["id"]);
    assert_eq!(read["last_delivery"], Value::Null);
    assert!(read.get("secret").is_none(), "{read}");
    let stored: (String, String) =
        sqlx::query_as("SELECT headers, COALESCE(secret, '') FROM webhooks WHERE id = ?")
            .bind(id)
            .fetch_one(app.db())
            .await
            .expect("row");
    assert!(!stored.0.contains("planted-key-123") && !stored.1.contains("my-own-secret"), "{stored:?}");
    let by_project: Vec<Value> = app
        .get(&format!("/api/webhooks?project_id={}", project["id"].as_str().expect("id")))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(by_project.len(), 1);
    let other: Vec<Value> = app.get("/api/webhooks?project_id=another").await.json().await.expect("json");
    assert!(other.is_empty());

    // The masked header is sent back as shown: its value is kept.
    let mut headers = read["headers"].clone();
    headers["X-Plain"] = json!("q");
    let response = app
        .put_json(
            &format!("/api/webhooks/{id}"),
            &json!({"name": "renamed", "headers": headers, "project_id": null}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let updated: Value = response.json().await.expect("json");
    assert_eq!((updated["name"].as_str(), updated["project_id"].is_null()), (Some("renamed"), true));
    assert_eq!(updated["events"], json!(["execution:*"]), "unsent fields stay");

    let rotated: Value = app
        .post_json(&format!("/api/webhooks/{id}/rotate-secret"), &json!({}))
        .await
        .json()
        .await
        .expect("json");
    let new_secret = rotated["secret"].as_str().expect("secret").to_owned();
    assert!(new_secret.starts_with("whsec_"));
    send_test(&app, id).await;
    let request = receiver.wait_for(1).await.remove(0);
    assert_eq!((request.header("x-key"), request.header("x-plain")), ("planted-key-123", "q"));
    let signed = request.header("baton-signature");
    assert!(signature::verify(signed, &new_secret, &request.body, time_now(), 300));
    assert!(!signature::verify(signed, "my-own-secret-0123456789", &request.body, time_now(), 300));

    assert_eq!(app.delete(&format!("/api/webhooks/{id}")).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get(&format!("/api/webhooks/{id}")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/api/webhooks/{id}/deliveries")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.delete(&format!("/api/webhooks/{id}")).await.status(), StatusCode::NOT_FOUND);
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM webhook_deliveries")
        .fetch_one(app.db())
        .await
        .expect("count");
    assert_eq!(left, 0, "deliveries go with their webhook");
}

#[tokio::test]
async fn bad_fields_answer_422_naming_each_field() {
    let (app, _temp) = spawn_receiving_app().await;
    let long = format!("https://example.com/{}", "a".repeat(2_100));
    let cases = [
        (json!({"url": "ftp://example.com/x"}), "url"),
        (json!({"url": "https://user:pw@example.com/"}), "url"),
        (json!({"url": long}), "url"),
        (json!({"url": "not a url"}), "url"),
        (json!({}), "url"),
        (
            json!({"url": "https://example.com/", "events": ["execution:completed", "task:completed"]}),
            "events[1]",
        ),
        (json!({"url": "https://example.com/", "headers": {"Bad Name": "x"}}), "headers.Bad Name"),
        (json!({"url": "https://example.com/", "headers": {"X-A": "one\r\nX-B: two"}}), "headers.X-A"),
        (
            json!({"url": "https://example.com/", "headers": {"Baton-Signature": "forged"}}),
            "headers.Baton-Signature",
        ),
        (json!({"url": "https://example.com/", "headers": {"X-K": {"secret": "********"}}}), "headers.X-K"),
        (json!({"url": "https://example.com/", "project_id": "no-such-project"}), "project_id"),
        (json!({"url": "https://example.com/", "secret": "short"}), "secret"),
        (json!({"url": "https://example.com/", "name": " "}), "name"),
        (json!({"url": "https://example.com/", "colour": "red"}), "colour"),
    ];
    for (body, field) in cases {
        let (status, _, fields) = error_of(app.post_json("/api/webhooks", &body).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(fields.get(field).is_some(), "{field} not named for {body}: {fields}");
    }
    let created = create_webhook(&app, json!({"url": "https://example.com/"})).await;
    let id = created["id"].as_str().expect("id");
    let (status, _, fields) = error_of(
        app.put_json(&format!("/api/webhooks/{id}"), &json!({"url": "gopher://x", "events": ["nope"]})).await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fields.get("url").is_some() && fields.get("events[0]").is_some(), "{fields}");
    let unchanged: Value = app.get(&format!("/api/webhooks/{id}")).await.json().await.expect("json");
    assert_eq!(unchanged["url"], "https://example.com/", "a refused change changes nothing");
    let (status, _, fields) =
        error_of(app.get(&format!("/api/webhooks/{id}/deliveries?limit=0")).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fields.get("limit").is_some());
}

#[tokio::test]
async fn an_execution_that_completes_is_delivered_to_the_webhooks_that_want_it() {
    let receiver = Receiver::start(&[]).await;
    let (app, _temp) = spawn_receiving_app().await;
    let completed =
        create_webhook(&app, json!({"url": receiver.url(), "events": ["execution:completed"]})).await;
    let elsewhere = app.create_project("somewhere else").await;
    let other_project = create_webhook(
        &app,
        json!({"url": receiver.url(), "project_id": elsewhere["id"], "events": ["execution:*"]}),
    )
    .await;

    let id = start_plan(
        &app,
        json!({"name": "hooked run", "tasks": [{"id": "a", "agent": "backend-expert", "prompt": "hi"}]}),
    )
    .await;
    let execution = wait_until_ended(&app, &id).await;

    assert_eq!(execution["status"], "completed", "{execution}");
    let request = receiver.wait_for(1).await.remove(0);
    assert_eq!(request.header("baton-event"), "execution:completed");
    let body = request.json();
    assert_eq!(body["data"]["execution"]["id"], id.as_str());
    assert_eq!(body["data"]["execution"]["status"], "completed");
    let deliveries_of_completed = deliveries(&app, completed["id"].as_str().expect("id")).await;
    assert_eq!(deliveries_of_completed.len(), 1, "only execution:completed: {deliveries_of_completed:?}");
    let deliveries_of_other = deliveries(&app, other_project["id"].as_str().expect("id")).await;
    assert!(deliveries_of_other.is_empty(), "another project's webhook got {deliveries_of_other:?}");
}
