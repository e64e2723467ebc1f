//! Extractors whose rejections answer in the app's error shape, naming the field at fault.

use axum::{
    extract::{FromRequest, FromRequestParts, Request},
    http::{header::CONTENT_TYPE, request::Parts},
};
use bytes::Bytes;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// The largest request body accepted, unless a route says otherwise.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// A JSON body: not JSON → 400, the wrong shape → 422 naming the field, too big → 413.
#[derive(Debug)]
pub struct AppJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for AppJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let is_json = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<mime_guess::mime::Mime>().ok())
            .is_some_and(|m| m.subtype() == "json" || m.suffix().is_some_and(|s| s == "json"));
        if !is_json {
            return Err(AppError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                AppError::PayloadTooLarge { limit: BODY_LIMIT }
            } else {
                AppError::MalformedJson(rejection.body_text())
            }
        })?;
        parse_json(&bytes).map(AppJson)
    }
}

/// The largest event the ingest routes accept: a hook carries whole tool inputs and responses.
pub const INGEST_BODY_LIMIT: usize = 16 * 1024 * 1024;

/// Any JSON body, whatever its `Content-Type` says (shell scripts post with curl's form
/// default): not JSON → 400, too big → 413.
#[derive(Debug)]
pub struct AnyJson(pub serde_json::Value);

impl<S: Send + Sync> FromRequest<S> for AnyJson {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                AppError::PayloadTooLarge { limit: INGEST_BODY_LIMIT }
            } else {
                AppError::MalformedJson(rejection.body_text())
            }
        })?;
        serde_json::from_slice(&bytes)
            .map(AnyJson)
            .map_err(|error| AppError::MalformedJson(error.to_string()))
    }
}

/// Parses JSON, telling broken syntax (400) from a well-formed body of the wrong shape (422).
///
/// Two steps, because serde_json files some shape errors (a number where an enum belongs)
/// under "syntax": first any JSON at all, then the expected shape.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|error| AppError::MalformedJson(error.to_string()))?;
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let message = error.into_inner().to_string();
        AppError::invalid(field_name(&path, &message), message)
    })
}

/// Query parameters: a parameter of the wrong type → 422 naming it.
#[derive(Debug)]
pub struct AppQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for AppQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        let query = parts.uri.query().unwrap_or_default();
        let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        serde_path_to_error::deserialize(deserializer).map(AppQuery).map_err(|error| {
            let path = error.path().to_string();
            let message = error.into_inner().to_string();
            AppError::invalid(field_name(&path, &message), message)
        })
    }
}

/// The field to blame: the path serde reached, or the field a message names when the problem
/// is at the top level (a missing or unknown field).
fn field_name(path: &str, message: &str) -> String {
    let at_top = path == "." || path.is_empty();
    // serde_path_to_error's path already ends with an unknown field, but stops at the parent of
    // a missing one.
    let missing = message.strip_prefix("missing field `").and_then(|rest| rest.split('`').next());
    let unknown = message.strip_prefix("unknown field `").and_then(|rest| rest.split('`').next());
    match (at_top, missing, unknown) {
        (true, Some(name), _) | (true, None, Some(name)) => name.to_owned(),
        (false, Some(name), _) => format!("{path}.{name}"),
        (true, None, None) => "body".to_owned(),
        (false, None, _) => path.to_owned(),
    }
}

/// The client's address, when the server knows it.
#[derive(Debug, Clone)]
pub struct ClientIp(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(crate::auth::principal::client_ip(parts)))
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        name: Option<String>,
        inner: Option<Inner>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        count: u32,
    }

    fn fields(error: AppError) -> (u16, String, String) {
        let status = error.status().as_u16();
        match error {
            AppError::Validation(errors) => {
                let (field, message) = errors.to_map().into_iter().next().expect("one field");
                (status, field, message)
            }
            other => (status, String::new(), other.to_string()),
        }
    }

    #[test]
    fn json_errors_name_the_field_or_say_it_is_not_json() {
        let cases: [(&str, u16, &str); 6] = [
            (r#"{"name": 5}"#, 422, "name"),
            (r#"{"inner": {"count": "x"}}"#, 422, "inner.count"),
            (r#"{"inner": {}}"#, 422, "inner.count"),
            (r#"{"nmae": "x"}"#, 422, "nmae"),
            (r#"{"name": "x""#, 400, ""),
            (r#"{"name": "x"} trailing"#, 400, ""),
        ];
        for (body, status, field) in cases {
            let error = parse_json::<Body>(body.as_bytes()).expect_err(body);
            let (got_status, got_field, message) = fields(error);
            assert_eq!((got_status, got_field.as_str()), (status, field), "{body}: {message}");
        }
    }

    #[test]
    fn a_valid_body_parses() {
        let body: Body = parse_json(br#"{"name": "ok"}"#).expect("valid");
        assert_eq!(body.name.as_deref(), Some("ok"));
    }
}
