//! Sends one delivery: a client whose every connection goes through the [`Guard`], a signed
//! JSON body, a cap on how long the receiver may take and on how much of its answer is read.

use std::time::{Duration, Instant};

use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, RETRY_AFTER, USER_AGENT};
use serde_json::{Value, json};

use super::{guard::Guard, retry::Outcome, signature};
use crate::{domain::timestamp::Timestamp, store::webhook_deliveries::DeliveryRecord};

/// The most of a response body that is read; the rest is dropped unread.
pub const MAX_RESPONSE: usize = 64 * 1024;
/// The part of the response body kept in the delivery log.
pub const EXCERPT: usize = 1024;

/// The body posted for a delivery; the same text for every attempt.
pub fn body(delivery: &DeliveryRecord) -> Value {
    json!({
        "id": delivery.id,
        "event": delivery.event,
        "created_at": delivery.created_at,
        "data": delivery.data,
    })
}

/// One request to make: everything opened from the vault, ready to send.
pub struct Request {
    pub url: String,
    pub delivery_id: String,
    pub event: String,
    pub body: Vec<u8>,
    /// The plain signing secret; none for webhooks made before Baton had secrets.
    pub secret: Option<String>,
    /// The webhook's own headers, secret values opened.
    pub headers: Vec<(String, String)>,
}

impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the secret nor header values.
        f.debug_struct("Request").field("delivery_id", &self.delivery_id).field("event", &self.event).finish()
    }
}

/// How an attempt went.
#[derive(Debug, Clone)]
pub struct Sent {
    pub outcome: Outcome,
    pub status_code: Option<u16>,
    pub duration: Duration,
    pub error: Option<String>,
    pub excerpt: Option<String>,
    /// What the receiver's `Retry-After` asked for.
    pub retry_after: Option<Duration>,
}

/// Posts deliveries. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Sender {
    client: reqwest::Client,
    guard: Guard,
}

impl Sender {
    pub fn new(guard: Guard) -> anyhow::Result<Self> {
        let client = reqwest::Client::builder()
            .user_agent(concat!("Baton-Webhooks/", env!("CARGO_PKG_VERSION")))
            .dns_resolver(guard.resolver())
            .redirect(guard.redirect_policy())
            // A proxy would resolve names where the guard cannot see them.
            .no_proxy()
            .build()?;
        Ok(Self { client, guard })
    }

    /// Sends `request`, waiting at most `timeout` for the whole answer.
    pub async fn send(&self, request: &Request, timeout: Duration) -> Sent {
        let started = Instant::now();
        let failed = |outcome, error: String| Sent {
            outcome,
            status_code: None,
            duration: started.elapsed(),
            error: Some(error),
            excerpt: None,
            retry_after: None,
        };
        // IP literals never reach the resolver: they are checked here (and on redirects).
        if let Err(refusal) = self.guard.check_url(&request.url) {
            return failed(Outcome::Final, format!("refused: the URL {refusal}"));
        }
        let headers = match headers(request) {
            Ok(headers) => headers,
            Err(error) => return failed(Outcome::Final, error),
        };
        let sending = async {
            let response =
                self.client.post(&request.url).headers(headers).body(request.body.clone()).send().await?;
            let status = response.status().as_u16();
            let retry_after = response
                .headers()
                .get(RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| super::retry::parse_retry_after(v, Timestamp::now().unix_seconds()));
            let read = read_capped(response).await;
            Ok::<_, reqwest::Error>((status, retry_after, read))
        };
        match tokio::time::timeout(timeout, sending).await {
            Err(_) => failed(Outcome::Retry, format!("timed out after {} ms", timeout.as_millis())),
            Ok(Err(error)) => failed(Outcome::Retry, describe(&error)),
            Ok(Ok((status, retry_after, body))) => Sent {
                outcome: Outcome::of_status(status),
                status_code: Some(status),
                duration: started.elapsed(),
                error: (!(200..300).contains(&status)).then(|| format!("the receiver answered {status}")),
                excerpt: Some(excerpt(&body)).filter(|e| !e.is_empty()),
                retry_after: if status == 429 { retry_after } else { None },
            },
        }
    }
}

/// The request's headers: the webhook's own first, then Baton's, which win.
fn headers(request: &Request) -> Result<HeaderMap, String> {
    let mut map = HeaderMap::new();
    for (name, value) in &request.headers {
        let name =
            HeaderName::from_bytes(name.as_bytes()).map_err(|_| format!("header {name:?} is not valid"))?;
        let value =
            HeaderValue::from_str(value).map_err(|_| format!("the value of header {name} is not valid"))?;
        map.insert(name, value);
    }
    let text =
        |value: &str| HeaderValue::from_str(value).map_err(|_| "an id is not a valid header".to_owned());
    map.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    map.insert(USER_AGENT, HeaderValue::from_static(concat!("Baton-Webhooks/", env!("CARGO_PKG_VERSION"))));
    map.insert("baton-delivery", text(&request.delivery_id)?);
    map.insert("baton-event", text(&request.event)?);
    if let Some(secret) = &request.secret {
        let signed = signature::sign(secret, Timestamp::now().unix_seconds(), &request.body);
        map.insert("baton-signature", text(&signed)?);
    }
    Ok(map)
}

/// At most [`MAX_RESPONSE`] bytes of the body; what cannot be read is left.
async fn read_capped(mut response: reqwest::Response) -> Vec<u8> {
    let mut body = Vec::new();
    while body.len() < MAX_RESPONSE {
        match response.chunk().await {
            Ok(Some(chunk)) => body.extend_from_slice(&chunk[..chunk.len().min(MAX_RESPONSE - body.len())]),
            Ok(None) | Err(_) => break,
        }
    }
    body
}

/// The first [`EXCERPT`] bytes as text, cut at a character boundary.
fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(EXCERPT)]).into_owned();
    text.trim_end_matches('\u{fffd}').to_owned()
}

/// A reqwest error as a sentence with its causes, without the URL (its query may hold a token).
fn describe(error: &reqwest::Error) -> String {
    let mut parts = Vec::new();
    let mut source: Option<&dyn std::error::Error> = Some(error);
    while let Some(error) = source {
        let text = error.to_string();
        if !parts.iter().any(|p: &String| p.contains(&text)) {
            parts.push(text);
        }
        source = error.source();
    }
    let url = error.url().map(|u| u.as_str().to_owned());
    let mut text = parts.join(": ");
    if let Some(url) = url {
        text = text.replace(&format!(" ({url})"), "").replace(&url, "<url>");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_cut_at_a_kibibyte_on_a_character_boundary() {
        assert_eq!(excerpt(b"ok"), "ok");
        let long = "é".repeat(EXCERPT);
        let cut = excerpt(long.as_bytes());
        assert!(cut.len() <= EXCERPT && cut.chars().all(|c| c == 'é'), "{}", cut.len());
    }

    #[test]
    fn baton_headers_win_over_the_webhooks_own_and_carry_a_signature() {
        let request = Request {
            url: "https://example.com/".into(),
            delivery_id: "d1".into(),
            event: "webhook:test".into(),
            body: b"{}".to_vec(),
            secret: Some("whsec_abc".into()),
            headers: vec![("X-Team".into(), "core".into()), ("Content-Type".into(), "text/plain".into())],
        };
        let map = headers(&request).expect("headers");
        assert_eq!(map["x-team"], "core");
        assert_eq!(map["content-type"], "application/json");
        assert_eq!(map["baton-delivery"], "d1");
        let signed = map["baton-signature"].to_str().expect("text");
        let now = Timestamp::now().unix_seconds();
        assert!(signature::verify(signed, "whsec_abc", b"{}", now, 60), "{signed}");
        assert!(!format!("{request:?}").contains("whsec_abc"));
    }
}
