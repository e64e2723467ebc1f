//! The health check, with a client of our own (it needs four messages): `initialize` →
//! `notifications/initialized` → `tools/list` (every page), within one timeout. Notifications
//! and requests the server sends meanwhile are passed over.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::{CheckError, CheckResult, FailureKind, Tool, Transport, target::Target};
use crate::domain::timestamp::Timestamp;

/// Streamable HTTP and the legacy HTTP+SSE transport.
pub mod http;
/// Server-sent events.
pub mod sse;
/// A spawned command's stdin and stdout.
pub mod stdio;

/// The protocol version asked for: widely spoken, see shared/reference/claude-code.md §5.
pub const PROTOCOL_VERSION: &str = "2025-06-18";

/// `tools/list` pages read at most: a server that keeps answering with a cursor stops here.
const MAX_TOOL_PAGES: usize = 20;

/// A JSON-RPC connection over one of the transports.
pub enum Connection {
    // Boxed: a connection lives for one check, and the two differ much in size.
    Stdio(Box<stdio::StdioConnection>),
    Http(Box<http::HttpConnection>),
}

impl Connection {
    /// Starts the process, or prepares the HTTP client (which connects on the first message).
    pub fn open(target: &Target, client: &reqwest::Client) -> Result<Self, CheckError> {
        match target.transport {
            Transport::Stdio => stdio::StdioConnection::spawn(target).map(|c| Self::Stdio(Box::new(c))),
            Transport::Http | Transport::Sse => {
                http::HttpConnection::new(target, client).map(|c| Self::Http(Box::new(c)))
            }
        }
    }

    async fn request(&mut self, id: u64, method: &str, params: Value) -> Result<Value, CheckError> {
        let message = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        let answer = match self {
            Self::Stdio(connection) => connection.request(&message, id).await?,
            Self::Http(connection) => connection.request(&message, id).await?,
        };
        result_of(answer)
    }

    async fn notify(&mut self, method: &str) -> Result<(), CheckError> {
        let message = json!({"jsonrpc": "2.0", "method": method});
        match self {
            Self::Stdio(connection) => connection.send(&message).await,
            Self::Http(connection) => connection.notify(&message).await,
        }
    }

    /// What a failure that interrupted the check should add: the process's stderr.
    fn stderr_tail(&self) -> Option<String> {
        match self {
            Self::Stdio(connection) => connection.stderr_tail(),
            Self::Http(_) => None,
        }
    }

    /// Ends the process (its whole group) or the HTTP session.
    pub async fn close(self) {
        match self {
            Self::Stdio(connection) => connection.close().await,
            Self::Http(connection) => connection.close().await,
        }
    }
}

/// Runs a check of `target` within `timeout` and always cleans up after it.
pub async fn check(target: &Target, client: &reqwest::Client, timeout: Duration) -> CheckResult {
    let checked_at = Timestamp::now().to_rfc3339();
    let started = Instant::now();
    let outcome = match Connection::open(target, client) {
        Ok(mut connection) => {
            let outcome = match tokio::time::timeout(timeout, handshake(&mut connection)).await {
                Ok(outcome) => outcome,
                Err(_) => Err(CheckError {
                    stderr: connection.stderr_tail(),
                    ..CheckError::new(
                        FailureKind::Timeout,
                        format!("no complete answer within {} ms", timeout.as_millis()),
                    )
                }),
            };
            connection.close().await;
            outcome
        }
        Err(error) => Err(error),
    };
    let latency_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    match outcome {
        Ok(found) => CheckResult {
            checked_at,
            ok: true,
            latency_ms,
            server_name: found.server_name,
            server_version: found.server_version,
            protocol_version: found.protocol_version,
            tool_count: Some(found.tools.len()),
            tools: Some(found.tools),
            error: None,
        },
        Err(error) => CheckResult { checked_at, latency_ms, ..CheckResult::failed(error) },
    }
}

/// What a successful handshake learnt.
struct Found {
    server_name: Option<String>,
    server_version: Option<String>,
    protocol_version: Option<String>,
    tools: Vec<Tool>,
}

async fn handshake(connection: &mut Connection) -> Result<Found, CheckError> {
    let params = json!({
        "protocolVersion": PROTOCOL_VERSION,
        "capabilities": {},
        "clientInfo": {"name": "baton", "version": env!("CARGO_PKG_VERSION")},
    });
    let init = connection.request(1, "initialize", params).await?;
    let text = |value: &Value| value.as_str().map(str::to_owned);
    let protocol_version = init.get("protocolVersion").and_then(text).ok_or_else(|| {
        CheckError::new(FailureKind::Protocol, "the answer to initialize has no protocolVersion")
    })?;
    if let Connection::Http(http) = connection {
        http.set_protocol_version(&protocol_version);
    }
    let info = init.get("serverInfo").cloned().unwrap_or(Value::Null);
    connection.notify("notifications/initialized").await?;
    // A server without the tools capability has no tools to list.
    let mut tools = Vec::new();
    if init.get("capabilities").and_then(|c| c.get("tools")).is_some() {
        let mut cursor: Option<String> = None;
        for page in 0..MAX_TOOL_PAGES {
            let params = cursor.as_ref().map_or_else(|| json!({}), |c| json!({"cursor": c}));
            let answer = connection.request(2 + page as u64, "tools/list", params).await?;
            tools.extend(parse_tools(&answer)?);
            cursor = answer.get("nextCursor").and_then(text).filter(|c| !c.is_empty());
            if cursor.is_none() {
                break;
            }
        }
    }
    Ok(Found {
        server_name: info.get("name").and_then(text),
        server_version: info.get("version").and_then(text),
        protocol_version: Some(protocol_version),
        tools,
    })
}

fn parse_tools(answer: &Value) -> Result<Vec<Tool>, CheckError> {
    let Some(Value::Array(items)) = answer.get("tools") else {
        return Err(CheckError::new(FailureKind::Protocol, "the answer to tools/list has no tools list"));
    };
    Ok(items
        .iter()
        .filter_map(|tool| {
            Some(Tool {
                name: tool.get("name")?.as_str()?.to_owned(),
                description: tool.get("description").and_then(Value::as_str).map(str::to_owned),
                input_schema: tool.get("inputSchema").cloned().unwrap_or_else(|| json!({})),
            })
        })
        .collect())
}

/// The `result` of a JSON-RPC answer, or its `error` as a protocol failure.
fn result_of(answer: Value) -> Result<Value, CheckError> {
    if let Some(error) = answer.get("error") {
        let code = error.get("code").and_then(Value::as_i64).unwrap_or_default();
        let message = error.get("message").and_then(Value::as_str).unwrap_or("no message");
        return Err(CheckError::new(
            FailureKind::Protocol,
            format!("the server answered error {code}: {message}"),
        ));
    }
    answer
        .get("result")
        .cloned()
        .ok_or_else(|| CheckError::new(FailureKind::Protocol, "an answer has neither result nor error"))
}

/// Whether `message` answers request `id` (a result or an error).
pub(crate) fn answers(message: &Value, id: u64) -> bool {
    message.get("id").and_then(Value::as_u64) == Some(id)
        && message.get("method").is_none()
        && (message.get("result").is_some() || message.get("error").is_some())
}

/// A protocol failure quoting the start of what was received.
pub(crate) fn not_json_rpc(what: &str, received: &[u8]) -> CheckError {
    let text = String::from_utf8_lossy(received);
    let excerpt: String = text.trim().chars().take(200).collect();
    CheckError::new(FailureKind::Protocol, format!("{what} is not JSON-RPC: {excerpt:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_matched_by_id_and_errors_become_protocol_failures() {
        assert!(answers(&json!({"jsonrpc": "2.0", "id": 1, "result": {}}), 1));
        assert!(!answers(&json!({"jsonrpc": "2.0", "id": 2, "result": {}}), 1));
        assert!(!answers(&json!({"jsonrpc": "2.0", "method": "notifications/tools/list_changed"}), 1));
        assert!(
            !answers(&json!({"jsonrpc": "2.0", "id": 1, "method": "roots/list"}), 1),
            "a request of the server"
        );
        let error = result_of(json!({"id": 1, "error": {"code": -32601, "message": "Method not found"}}))
            .expect_err("an error");
        assert_eq!(error.kind, FailureKind::Protocol);
        assert!(error.message.contains("-32601") && error.message.contains("Method not found"));
    }

    #[test]
    fn tools_without_a_name_are_skipped_and_a_missing_list_is_an_error() {
        let tools =
            parse_tools(&json!({"tools": [{"name": "a", "inputSchema": {"type": "object"}}, {"x": 1}]}))
                .expect("a value");
        assert_eq!(tools.len(), 1);
        assert_eq!(tools[0].input_schema["type"], "object");
        assert!(parse_tools(&json!({})).is_err());
    }
}
