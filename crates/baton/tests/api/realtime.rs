//! socket.io with a real client (rust_socketio over websocket) and, for the client that never
//! reads, raw engine.io long-polling over HTTP.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use futures_util::FutureExt;
use reqwest::StatusCode;
use rust_socketio::{
    Event, Payload,
    asynchronous::{Client, ClientBuilder},
};
use serde_json::{Value, json};
use tokio::sync::{Mutex, mpsc};

use crate::{
    engine::start_plan,
    helpers::{TestApp, spawn_app},
};

/// A connected client and what it has received, in order.
pub struct Socket {
    client: Client,
    events: mpsc::UnboundedReceiver<(String, Value)>,
}

/// Connects with `token`; returns the client, or the `connect_error` message.
pub async fn connect(app: &TestApp, token: Option<&str>) -> Result<Socket, String> {
    let (sender, mut events) = mpsc::unbounded_channel();
    let on_any = {
        let sender = sender.clone();
        move |event: Event, payload: Payload, _: Client| {
            let sender = sender.clone();
            async move {
                if let Payload::Text(values) = payload {
                    let _ =
                        sender.send((event.to_string(), values.into_iter().next().unwrap_or(Value::Null)));
                }
            }
            .boxed()
        }
    };
    let on_error = move |payload: Payload, _: Client| {
        let sender = sender.clone();
        async move {
            let text = match payload {
                Payload::Text(values) => values.iter().map(Value::to_string).collect::<Vec<_>>().join(" "),
                other => format!("{other:?}"),
            };
            let _ = sender.send(("error".into(), Value::String(text)));
        }
        .boxed()
    };
    let mut builder = ClientBuilder::new(app.address.clone())
        .transport_type(rust_socketio::TransportType::Websocket)
        .on_any(on_any)
        .on(Event::Error, on_error);
    if let Some(token) = token {
        builder = builder.auth(json!({ "token": token }));
    }
    let client = builder.connect().await.map_err(|e| e.to_string())?;
    // The first thing the server says is `hello`, or why it refused.
    let (name, payload) = next(&mut events, Duration::from_secs(5)).await.ok_or("no answer")?;
    match name.as_str() {
        "hello" => Ok(Socket { client, events }),
        _ => Err(payload.to_string()),
    }
}

async fn next(
    events: &mut mpsc::UnboundedReceiver<(String, Value)>,
    wait: Duration,
) -> Option<(String, Value)> {
    tokio::time::timeout(wait, events.recv()).await.ok().flatten()
}

impl Socket {
    /// Emits with an acknowledgement and returns it.
    pub async fn ask(&self, event: &str, payload: Value) -> Value {
        let (sender, mut answer) = mpsc::unbounded_channel();
        let sender = Arc::new(Mutex::new(Some(sender)));
        self.client
            .emit_with_ack(event, payload, Duration::from_secs(5), move |payload: Payload, _: Client| {
                let sender = sender.clone();
                async move {
                    if let (Payload::Text(values), Some(sender)) = (payload, sender.lock().await.take()) {
                        // The acknowledgement's arguments, as an array: we send one.
                        let first = match values.into_iter().next() {
                            Some(Value::Array(arguments)) => arguments.into_iter().next(),
                            other => other,
                        };
                        let _ = sender.send(first.unwrap_or(Value::Null));
                    }
                }
                .boxed()
            })
            .await
            .expect("emit");
        tokio::time::timeout(Duration::from_secs(5), answer.recv())
            .await
            .expect("an acknowledgement")
            .expect("ack")
    }

    /// Collects events until `done` says so (the matching event is included).
    pub async fn until(&mut self, mut done: impl FnMut(&str, &Value) -> bool) -> Vec<(String, Value)> {
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut seen = Vec::new();
        while let Some(remaining) = deadline.checked_duration_since(Instant::now()) {
            let Some((name, payload)) = next(&mut self.events, remaining).await else { break };
            let finished = done(&name, &payload);
            seen.push((name, payload));
            if finished {
                return seen;
            }
        }
        panic!("gave up waiting; saw {:?}", seen.iter().map(|(n, _)| n).collect::<Vec<_>>());
    }
}

fn ended(id: &str) -> impl Fn(&str, &Value) -> bool + '_ {
    move |name, payload| {
        ["execution:completed", "execution:failed", "execution:cancelled"].contains(&name)
            && payload["execution"]["id"] == id
    }
}

/// Every log entry of the execution through the REST API, paging with `after_seq`.
async fn rest_logs(app: &TestApp, id: &str, after: i64) -> Vec<Value> {
    let mut entries = Vec::new();
    let mut after = after;
    loop {
        let page: Value = app
            .get(&format!("/api/executions/{id}/logs?after_seq={after}&limit=1000"))
            .await
            .json()
            .await
            .expect("json");
        let items = page["items"].as_array().cloned().unwrap_or_default();
        let Some(last) = items.last() else { return entries };
        after = last["seq"].as_i64().expect("seq");
        entries.extend(items);
    }
}

fn seqs(entries: &[Value]) -> Vec<i64> {
    entries.iter().map(|e| e["seq"].as_i64().expect("seq")).collect()
}

#[tokio::test]
async fn handshakes_without_a_token_with_a_bad_one_or_with_an_ingest_token_are_refused() {
    let app = spawn_app().await;
    let missing = connect(&app, None).await.err().expect("refused");
    assert!(missing.contains("authentication required"), "{missing}");
    let invalid = connect(&app, Some("not-a-token")).await.err().expect("refused");
    assert!(invalid.contains("invalid or expired token"), "{invalid}");
    let ingest = app.api_token("ingest").await;
    let refused = connect(&app, Some(&ingest)).await.err().expect("refused");
    assert!(refused.contains("ingest tokens may not subscribe"), "{refused}");

    let viewer = app.api_token("viewer").await;
    let socket = connect(&app, Some(&viewer)).await.expect("a viewer token connects");
    assert_eq!(socket.ask("subscribe:global", json!({})).await, json!({"ok": true}));
    let bad = socket.ask("subscribe:execution", json!({"id": 7})).await;
    assert_eq!(bad, json!({"ok": false, "error": "id: must be a string"}));
    let unknown = socket.ask("subscribe:logs", json!({"execution_id": "nope"})).await;
    assert_eq!(unknown, json!({"ok": false, "error": "execution_id: execution not found"}));
    app.stop().await;
}

#[tokio::test]
async fn a_subscriber_sees_a_run_start_progress_log_and_end_in_order() {
    let app = spawn_app().await;
    let mut socket = connect(&app, Some(&app.token)).await.expect("connect");
    assert_eq!(socket.ask("subscribe:global", json!({})).await["ok"], true);
    let id = start_plan(
        &app,
        json!({"name": "realtime", "tasks": [
            {"id": "plan", "agent": "architect", "prompt": "Plan the work [fake:delay=150]"},
            {"id": "build", "agent": "developer", "prompt": "Build it", "depends_on": ["plan"]}
        ]}),
    )
    .await;
    assert_eq!(socket.ask("subscribe:logs", json!({"execution_id": id})).await["ok"], true);
    let events = socket.until(ended(&id)).await;

    let mine: Vec<&(String, Value)> = events
        .iter()
        .filter(|(_, p)| p["execution"]["id"] == id.as_str() || p["execution_id"] == id.as_str())
        .collect();
    let names: Vec<&str> = mine.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.first(), Some(&"execution:started"), "{names:?}");
    assert_eq!(names.last(), Some(&"execution:completed"), "{names:?}");
    let progress: Vec<&Value> =
        mine.iter().filter(|(n, _)| n == "execution:progress").map(|(_, p)| p).collect();
    assert!(progress.len() >= 4, "each task starts and ends: {names:?}");
    assert!(progress.iter().any(|p| p["running"] == json!(["plan"])));
    let done = progress.last().expect("progress");
    assert_eq!(done["execution"]["totals"]["completed"], 2);
    let frames: Vec<&Value> = mine.iter().filter(|(n, _)| n == "log:entry").map(|(_, p)| p).collect();
    assert!(!frames.is_empty(), "{names:?}");
    // The last log frame comes before the end.
    let last_frame = names.iter().rposition(|n| *n == "log:entry").expect("a frame");
    assert!(last_frame < names.len() - 1);

    let numbers: Vec<u64> = events.iter().filter_map(|(_, p)| p["seq"].as_u64()).collect();
    assert_eq!(numbers.len(), events.len(), "every event carries seq");
    assert!(numbers.windows(2).all(|w| w[0] < w[1]), "seq increases: {numbers:?}");
    // Frames hold entries in order and each entry is what the API has.
    let streamed: Vec<Value> =
        frames.iter().flat_map(|f| f["entries"].as_array().cloned().unwrap_or_default()).collect();
    let all = rest_logs(&app, &id, 0).await;
    let from_frames = seqs(&streamed);
    assert!(from_frames.windows(2).all(|w| w[0] < w[1]));
    let tail: Vec<&Value> =
        all.iter().filter(|e| e["seq"].as_i64() >= from_frames.first().copied()).collect();
    assert_eq!(tail.len(), streamed.len(), "nothing lost after the subscription");
    assert_eq!(tail.last().map(|e| &e["message"]), streamed.last().map(|e| &e["message"]));
    app.stop().await;
}

#[tokio::test]
async fn a_client_that_reconnects_and_reads_after_its_last_seq_has_exactly_the_full_log() {
    let app = spawn_app().await;
    let id = start_plan(
        &app,
        json!({"name": "realtime", "tasks": [
            {"id": "one", "agent": "writer", "prompt": "[fake:flood=1500,delay=100]"},
            {"id": "two", "agent": "writer", "prompt": "[fake:flood=1500,delay=100]", "depends_on": ["one"]},
            {"id": "three", "agent": "writer", "prompt": "[fake:flood=1500,delay=100]", "depends_on": ["two"]}
        ]}),
    )
    .await;

    // The first connection subscribes, reads the start through the API, then drops mid-run.
    let mut kept: Vec<Value> = Vec::new();
    let mut first = connect(&app, Some(&app.token)).await.expect("connect");
    assert_eq!(first.ask("subscribe:logs", json!({"execution_id": id})).await["ok"], true);
    merge(&mut kept, rest_logs(&app, &id, 0).await);
    let frames = first.until(|name, _| name == "log:entry").await;
    for (_, frame) in frames {
        merge(&mut kept, frame["entries"].as_array().cloned().unwrap_or_default());
    }
    first.client.disconnect().await.expect("disconnect");
    let last = kept.last().and_then(|e| e["seq"].as_i64()).unwrap_or(0);
    tokio::time::sleep(Duration::from_millis(300)).await;

    // The second subscribes first, then reads what it missed, and merges the frames by seq.
    let mut second = connect(&app, Some(&app.token)).await.expect("reconnect");
    assert_eq!(second.ask("subscribe:logs", json!({"execution_id": id})).await["ok"], true);
    assert_eq!(second.ask("subscribe:execution", json!({"id": id})).await["ok"], true);
    merge(&mut kept, rest_logs(&app, &id, last).await);
    for (name, payload) in second.until(ended(&id)).await {
        if name == "log:entry" {
            merge(&mut kept, payload["entries"].as_array().cloned().unwrap_or_default());
        }
    }

    let full = rest_logs(&app, &id, 0).await;
    assert!(full.len() > 4_500, "three floods: {}", full.len());
    assert_eq!(seqs(&kept), seqs(&full), "no gap and no duplicate");
    app.stop().await;
}

/// What the web app does: keep an entry only if its seq is past the last kept.
fn merge(kept: &mut Vec<Value>, entries: Vec<Value>) {
    for entry in entries {
        let last = kept.last().and_then(|e| e["seq"].as_i64()).unwrap_or(0);
        if entry["seq"].as_i64().is_some_and(|seq| seq > last) {
            kept.push(entry);
        }
    }
}

/// engine.io long-polling by hand: a client that connects, subscribes, and then never polls.
struct PollingClient {
    url: String,
}

impl PollingClient {
    async fn connect(app: &TestApp, token: &str) -> Self {
        let open = app.client.get(app.url("/socket.io/?EIO=4&transport=polling")).send().await.expect("open");
        let text = open.text().await.expect("text");
        let handshake: Value = serde_json::from_str(text.trim_start_matches('0')).expect("open packet");
        let sid = handshake["sid"].as_str().expect("sid");
        let client = Self { url: app.url(&format!("/socket.io/?EIO=4&transport=polling&sid={sid}")) };
        client.send(app, &format!("40{}", json!({"token": token}))).await;
        let connected = client.poll(app).await;
        assert!(connected.contains("\"hello\""), "{connected}");
        client
    }

    async fn send(&self, app: &TestApp, packet: &str) {
        let response = app.client.post(&self.url).body(packet.to_owned()).send().await.expect("post");
        assert_eq!(response.status(), StatusCode::OK);
    }

    async fn poll(&self, app: &TestApp) -> String {
        app.client.get(&self.url).send().await.expect("poll").text().await.expect("text")
    }
}

#[tokio::test]
async fn a_client_that_never_reads_neither_blocks_a_run_nor_makes_baton_buffer_without_bound() {
    let app = spawn_app().await;
    let id = start_plan(&app, json!({"name": "realtime", "tasks": [{"id": "noisy", "agent": "writer", "prompt": "[fake:flood=100000,delay=300]"}]}))
        .await;
    let stalled = PollingClient::connect(&app, &app.token).await;
    stalled.send(&app, &format!("421{}", json!(["subscribe:logs", {"execution_id": id}]))).await;
    // A reading client on the same stream, to compare with.
    let mut reader = connect(&app, Some(&app.token)).await.expect("connect");
    assert_eq!(reader.ask("subscribe:logs", json!({"execution_id": id})).await["ok"], true);
    assert_eq!(reader.ask("subscribe:execution", json!({"id": id})).await["ok"], true);

    let started = Instant::now();
    let mut lagged_seen = 0;
    let mut streamed = 0;
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (name, payload) = next(&mut reader.events, Duration::from_secs(60)).await.expect("events");
        if name == "log:entry" {
            streamed += payload["entries"].as_array().map_or(0, Vec::len);
        }
        let health: Value = app.get("/api/system/health").await.json().await.expect("json");
        lagged_seen = lagged_seen.max(health["realtime"]["lagged_clients"].as_u64().unwrap_or(0));
        if ended(&id)(&name, &payload) {
            break;
        }
        assert!(Instant::now() < deadline, "the run did not end");
    }
    assert!(started.elapsed() < Duration::from_secs(30), "the run was slowed: {:?}", started.elapsed());
    assert!(streamed >= 100_000, "the reading client got every line: {streamed}");
    assert_eq!(lagged_seen, 1, "the stalled client is lagging");

    // What waits for the stalled client is its bounded buffer, then the lag notice. (A poll
    // returns at most 100 kB, so reading it takes a poll per frame or so.)
    let mut packets = 0;
    let mut told = false;
    for _ in 0..400 {
        let batch = stalled.poll(&app).await;
        packets += batch.split('\u{1e}').count();
        if batch.contains("\"lagged\"") {
            told = true;
            break;
        }
    }
    assert!(told, "the stalled client is told it lagged");
    assert!(packets <= 2 * 64 + 16, "at most its buffer (and what followed) waited: {packets}");
    let frames_for_everyone = 100_000 / 250;
    assert!(packets < frames_for_everyone, "frames were dropped, not queued: {packets}");
    app.stop().await;
}
