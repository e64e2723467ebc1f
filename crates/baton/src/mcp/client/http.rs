//! HTTP transports. Streamable HTTP: every message is POSTed to the server's one URL, which
//! answers with JSON or with an event stream carrying the answer, and may hand out a session id
//! (`Mcp-Session-Id`) to send back. Legacy HTTP+SSE: a GET opens an event stream whose first
//! event names where to POST; answers arrive on the stream.

use std::collections::VecDeque;

use reqwest::{
    Response, Url,
    header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue},
};
use serde_json::Value;

use super::{
    answers, not_json_rpc,
    sse::{SseEvent, SseParser},
};
use crate::mcp::{CheckError, FailureKind, Transport, target::Target};

/// The most bytes read from one answer or event stream.
const MAX_BODY: usize = 16 * 1024 * 1024;
const SESSION_HEADER: &str = "mcp-session-id";
const VERSION_HEADER: &str = "mcp-protocol-version";

/// A conversation with one HTTP server.
pub struct HttpConnection {
    client: reqwest::Client,
    url: Url,
    headers: HeaderMap,
    legacy: bool,
    session: Option<HeaderValue>,
    protocol_version: Option<HeaderValue>,
    /// Legacy SSE: the stream answers arrive on, and where to POST.
    stream: Option<EventStream>,
    endpoint: Option<Url>,
}

impl HttpConnection {
    pub fn new(target: &Target, client: &reqwest::Client) -> Result<Self, CheckError> {
        let unusable = |message: String| CheckError::new(FailureKind::NotFound, message);
        let url = target.url.as_deref().ok_or_else(|| unusable("no url is configured".into()))?;
        let url = Url::parse(url).map_err(|error| unusable(format!("the url is not valid: {error}")))?;
        let mut headers = HeaderMap::new();
        for (name, value) in &target.headers {
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| unusable(format!("headers.{name} is not a valid header name")))?;
            let value = HeaderValue::from_str(value)
                .map_err(|_| unusable(format!("headers.{name} has a value that cannot be sent")))?;
            headers.insert(name, value);
        }
        Ok(Self {
            client: client.clone(),
            url,
            headers,
            legacy: target.transport == Transport::Sse,
            session: None,
            protocol_version: None,
            stream: None,
            endpoint: None,
        })
    }

    /// Sent with every message after `initialize`.
    pub fn set_protocol_version(&mut self, version: &str) {
        self.protocol_version = HeaderValue::from_str(version).ok();
    }

    /// Sends a request and returns its answer.
    pub async fn request(&mut self, message: &Value, id: u64) -> Result<Value, CheckError> {
        if self.legacy {
            let endpoint = self.open_stream().await?;
            self.post(endpoint, message).await?;
            let stream = self.stream.as_mut().ok_or_else(|| protocol("the event stream is gone"))?;
            return read_answer(stream, id).await;
        }
        let response = self.post(self.url.clone(), message).await?;
        if let Some(session) = response.headers().get(SESSION_HEADER) {
            self.session = Some(session.clone());
        }
        let is_stream = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/event-stream"));
        if is_stream {
            return read_answer(&mut EventStream::new(response), id).await;
        }
        let body = read_body(response).await?;
        let value: Value = serde_json::from_slice(&body).map_err(|_| not_json_rpc("the answer", &body))?;
        answer_in(value, id).ok_or_else(|| protocol("the answer is not the answer to the request"))
    }

    /// Sends a notification; the server acknowledges it with any success status.
    pub async fn notify(&mut self, message: &Value) -> Result<(), CheckError> {
        let url = if self.legacy { self.open_stream().await? } else { self.url.clone() };
        self.post(url, message).await.map(drop)
    }

    /// Ends the session, if the server opened one (best effort).
    pub async fn close(self) {
        let Some(session) = self.session.filter(|_| !self.legacy) else { return };
        let request = self.client.delete(self.url).headers(self.headers).header(SESSION_HEADER, session);
        let _ = tokio::time::timeout(std::time::Duration::from_secs(2), request.send()).await;
    }

    async fn post(&self, url: Url, message: &Value) -> Result<Response, CheckError> {
        let mut request = self
            .client
            .post(url)
            .headers(self.headers.clone())
            .header(CONTENT_TYPE, "application/json")
            .header(ACCEPT, "application/json, text/event-stream");
        if let Some(session) = &self.session {
            request = request.header(SESSION_HEADER, session);
        }
        if let Some(version) = &self.protocol_version {
            request = request.header(VERSION_HEADER, version);
        }
        let response = request
            .body(serde_json::to_vec(message).unwrap_or_default())
            .send()
            .await
            .map_err(transport_error)?;
        if response.status().is_success() { Ok(response) } else { Err(http_error(response).await) }
    }

    /// Legacy SSE: opens the stream once and returns where to POST.
    async fn open_stream(&mut self) -> Result<Url, CheckError> {
        if let Some(endpoint) = &self.endpoint {
            return Ok(endpoint.clone());
        }
        let response = self
            .client
            .get(self.url.clone())
            .headers(self.headers.clone())
            .header(ACCEPT, "text/event-stream")
            .send()
            .await
            .map_err(transport_error)?;
        if !response.status().is_success() {
            return Err(http_error(response).await);
        }
        let mut stream = EventStream::new(response);
        while let Some(event) = stream.next().await? {
            if event.event == "endpoint" {
                let endpoint = self
                    .url
                    .join(event.data.trim())
                    .map_err(|_| protocol("the endpoint event does not hold a URL"))?;
                self.endpoint = Some(endpoint.clone());
                self.stream = Some(stream);
                return Ok(endpoint);
            }
        }
        Err(protocol("the event stream ended before naming its endpoint"))
    }
}

/// The events of one response body.
struct EventStream {
    response: Response,
    parser: SseParser,
    queued: VecDeque<SseEvent>,
    read: usize,
}

impl EventStream {
    fn new(response: Response) -> Self {
        Self { response, parser: SseParser::default(), queued: VecDeque::new(), read: 0 }
    }

    async fn next(&mut self) -> Result<Option<SseEvent>, CheckError> {
        loop {
            if let Some(event) = self.queued.pop_front() {
                return Ok(Some(event));
            }
            let Some(chunk) = self.response.chunk().await.map_err(transport_error)? else { return Ok(None) };
            self.read += chunk.len();
            if self.read > MAX_BODY {
                return Err(protocol("the event stream is larger than 16 MiB"));
            }
            self.queued.extend(self.parser.push(&chunk));
        }
    }
}

/// Reads `message` events until the answer to `id`.
async fn read_answer(stream: &mut EventStream, id: u64) -> Result<Value, CheckError> {
    while let Some(event) = stream.next().await? {
        if event.event != "message" {
            continue;
        }
        let value: Value =
            serde_json::from_str(&event.data).map_err(|_| not_json_rpc("an event", event.data.as_bytes()))?;
        if let Some(answer) = answer_in(value, id) {
            return Ok(answer);
        }
    }
    Err(protocol("the server ended its event stream without answering"))
}

/// The answer to `id` in a message or a batch.
fn answer_in(value: Value, id: u64) -> Option<Value> {
    match value {
        Value::Array(batch) => batch.into_iter().find(|m| answers(m, id)),
        message => answers(&message, id).then_some(message),
    }
}

async fn read_body(mut response: Response) -> Result<Vec<u8>, CheckError> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(transport_error)? {
        body.extend_from_slice(&chunk);
        if body.len() > MAX_BODY {
            return Err(protocol("the answer is larger than 16 MiB"));
        }
    }
    Ok(body)
}

/// An error status, with the start of the body (not the URL: it may hold a token).
async fn http_error(mut response: Response) -> CheckError {
    let status = response.status();
    let mut body = Vec::new();
    while body.len() < 1024 {
        match tokio::time::timeout(std::time::Duration::from_secs(1), response.chunk()).await {
            Ok(Ok(Some(chunk))) => body.extend_from_slice(&chunk),
            _ => break,
        }
    }
    let text = String::from_utf8_lossy(&body);
    let excerpt: String = text.trim().chars().take(200).collect();
    let message = if excerpt.is_empty() {
        format!("the server answered HTTP {status}")
    } else {
        format!("the server answered HTTP {status}: {excerpt}")
    };
    CheckError { http_status: Some(status.as_u16()), ..CheckError::new(FailureKind::Http, message) }
}

fn transport_error(error: reqwest::Error) -> CheckError {
    let kind = if error.is_timeout() { FailureKind::Timeout } else { FailureKind::Refused };
    let connect = error.is_connect();
    let cause = format!("{:#}", anyhow::Error::from(error.without_url()));
    let message =
        if connect { format!("cannot connect: {cause}") } else { format!("the request failed: {cause}") };
    CheckError::new(kind, message)
}

fn protocol(message: &str) -> CheckError {
    CheckError::new(FailureKind::Protocol, message)
}
