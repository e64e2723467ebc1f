//! Checks what an admin sends for a webhook, field by field, so a bad request answers 422 with
//! every problem named (`url`, `events[1]`, `headers.X-Token`).

use axum::http::{HeaderName, HeaderValue};
use serde_json::{Map, Value};

use super::{EVENTS, guard::Guard};
use crate::{domain::field_errors::FieldErrors, vault::MASK};

/// Filters on one webhook, at most.
const MAX_EVENTS: usize = 50;
/// Headers on one webhook, at most.
const MAX_HEADERS: usize = 30;
/// The longest header value.
const MAX_HEADER_VALUE: usize = 4_096;
/// Headers Baton sets itself, which a webhook cannot replace.
const RESERVED_HEADERS: &[&str] = &[
    "baton-delivery",
    "baton-event",
    "baton-signature",
    "content-type",
    "content-length",
    "content-encoding",
    "transfer-encoding",
    "connection",
    "host",
    "user-agent",
    "te",
    "upgrade",
];

/// A name: 1 to 100 characters once trimmed.
pub fn name(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 100 {
        return Err("must be 1 to 100 characters".into());
    }
    Ok(text.to_owned())
}

/// What a webhook is called when it is given no name: the host it posts to.
pub fn default_name(url: &str) -> String {
    reqwest::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "webhook".into())
}

/// A URL the guard allows (without DNS: see [`Guard::check_resolves`]).
pub fn url(guard: &Guard, text: &str) -> Result<String, String> {
    guard.check_url(text.trim()).map(|url| url.to_string()).map_err(|refusal| refusal.to_string())
}

/// Event filters: names from [`EVENTS`], `<prefix>:*` of one of them, or `*`; duplicates
/// dropped. Records one error per bad entry.
pub fn events(list: &[String], errors: &mut FieldErrors) -> Vec<String> {
    if list.len() > MAX_EVENTS {
        errors.add("events", format!("at most {MAX_EVENTS} filters"));
    }
    let mut kept: Vec<String> = Vec::new();
    for (index, filter) in list.iter().enumerate() {
        let filter = filter.trim();
        let known = filter == "*"
            || EVENTS.contains(&filter)
            || filter
                .strip_suffix(":*")
                .is_some_and(|prefix| EVENTS.iter().any(|e| e.split(':').next() == Some(prefix)));
        if !known {
            errors.add(
                format!("events[{index}]"),
                format!("unknown event {filter:?}; known: {}, or prefix:*", EVENTS.join(", ")),
            );
        } else if !kept.iter().any(|k| k == filter) {
            kept.push(filter.to_owned());
        }
    }
    kept
}

/// Headers: an object of valid header names (not ones Baton sets) to a string or
/// `{"secret": "..."}`. Returns the object for the vault to seal.
pub fn headers(value: &Value, errors: &mut FieldErrors) -> Map<String, Value> {
    let Value::Object(object) = value else {
        errors.add("headers", "must be an object of header name to value");
        return Map::new();
    };
    if object.len() > MAX_HEADERS {
        errors.add("headers", format!("at most {MAX_HEADERS} headers"));
    }
    for (name, value) in object {
        let field = format!("headers.{name}");
        if HeaderName::from_bytes(name.as_bytes()).is_err() {
            errors.add(field, "is not a valid header name");
            continue;
        }
        if RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            errors.add(field, "is set by Baton and cannot be replaced");
            continue;
        }
        let text = match value {
            Value::String(text) => text.as_str(),
            Value::Object(secret)
                if secret.len() == 1 && secret.get("secret").is_some_and(Value::is_string) =>
            {
                secret["secret"].as_str().unwrap_or_default()
            }
            _ => {
                errors.add(field, "must be a string or {\"secret\": \"...\"}");
                continue;
            }
        };
        if text.len() > MAX_HEADER_VALUE || HeaderValue::from_str(text).is_err() {
            errors.add(
                field,
                format!("must be at most {MAX_HEADER_VALUE} visible characters, without line breaks"),
            );
        }
    }
    object.clone()
}

/// A signing secret given by the admin: 16 to 256 visible characters.
pub fn secret(text: &str) -> Result<String, String> {
    let ok = (16..=256).contains(&text.chars().count())
        && text.chars().all(|c| c.is_ascii_graphic())
        && text != MASK;
    if ok { Ok(text.to_owned()) } else { Err("must be 16 to 256 visible ASCII characters".into()) }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn known_events_prefixes_and_star_pass_and_others_are_named() {
        let mut errors = FieldErrors::new();
        let kept =
            events(&strings(&["execution:failed", "execution:*", "*", "execution:failed"]), &mut errors);
        assert!(errors.is_empty(), "{errors}");
        assert_eq!(kept, strings(&["execution:failed", "execution:*", "*"]));
        let mut errors = FieldErrors::new();
        events(&strings(&["execution:failed", "task:completed", "nope:*", "exec*"]), &mut errors);
        let map = errors.to_map();
        assert_eq!(map.keys().collect::<Vec<_>>(), ["events[1]", "events[2]", "events[3]"]);
        assert!(map["events[1]"].contains("unknown event \"task:completed\""), "{map:?}");
    }

    #[test]
    fn headers_need_valid_names_values_and_leave_baton_headers_alone() {
        let mut errors = FieldErrors::new();
        headers(&json!({"X-Team": "core", "Authorization": {"secret": "Bearer abc"}}), &mut errors);
        assert!(errors.is_empty(), "{errors}");
        let mut errors = FieldErrors::new();
        headers(
            &json!({"Bad Name": "x", "X-Line": "a\r\nInjected: 1", "Baton-Signature": "forged", "X-Num": 5,
                    "X-Secret": {"secret": "ok\n"}}),
            &mut errors,
        );
        let map = errors.to_map();
        for field in [
            "headers.Bad Name",
            "headers.X-Line",
            "headers.Baton-Signature",
            "headers.X-Num",
            "headers.X-Secret",
        ] {
            assert!(map.contains_key(field), "{field} in {map:?}");
        }
        let mut errors = FieldErrors::new();
        headers(&json!(["X-A"]), &mut errors);
        assert!(errors.to_map().contains_key("headers"));
    }

    #[test]
    fn urls_names_and_secrets_are_checked() {
        let strict = Guard { allow_private: false };
        assert_eq!(
            url(&strict, " https://hooks.example.com/x ").as_deref(),
            Ok("https://hooks.example.com/x")
        );
        assert!(url(&strict, "http://10.0.0.1/").is_err_and(|e| e.contains("private address")));
        assert!(name("  ").is_err());
        assert_eq!(name(" Deploys ").as_deref(), Ok("Deploys"));
        assert_eq!(default_name("https://hooks.example.com/x"), "hooks.example.com");
        assert!(secret("short").is_err());
        assert!(secret(MASK).is_err());
        assert!(secret("a-long-enough-secret-123").is_ok());
    }
}
