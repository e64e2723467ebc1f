use std::collections::BTreeMap;

use axum::{
    Json,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::field_errors::FieldErrors;

/// Every way a request can fail. Each variant's doc names the status it answers with; `code()`
/// is the stable, machine-readable name clients match on.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 400 `malformed_json`: the body is not JSON at all.
    #[error("the request body is not valid JSON: {0}")]
    MalformedJson(String),
    /// 401 `unauthenticated`: no token, or one that is invalid, expired or revoked.
    #[error("{0}")]
    Unauthenticated(String),
    /// 403 `forbidden`: authenticated, but the role does not allow this.
    #[error("{0}")]
    Forbidden(String),
    /// 404 `not_found`: no such resource (or no such route).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// 405 `method_not_allowed`.
    #[error("this method is not allowed here")]
    MethodNotAllowed,
    /// 409 `conflict`: the request is valid but collides with the current state.
    #[error("{message}")]
    Conflict { message: String, field: Option<&'static str> },
    /// 413 `payload_too_large`.
    #[error("the request body is larger than the limit of {limit} bytes")]
    PayloadTooLarge { limit: usize },
    /// 429 `rate_limited`, with `Retry-After`.
    #[error("too many requests: try again in {} s", retry_after.as_secs().max(1))]
    TooManyRequests { retry_after: std::time::Duration },
    /// 415 `unsupported_media_type`.
    #[error("the request body must be JSON (Content-Type: application/json)")]
    UnsupportedMediaType,
    /// 422 `validation_failed`: one or more fields are wrong; `fields` says which and why.
    #[error("{0}")]
    Validation(FieldErrors),
    /// 500 `internal`: logged with its cause; the client gets a generic message.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::MalformedJson(_) => StatusCode::BAD_REQUEST,
            Self::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict { .. } => StatusCode::CONFLICT,
            Self::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::MalformedJson(_) => "malformed_json",
            Self::Unauthenticated(_) => "unauthenticated",
            Self::Forbidden(_) => "forbidden",
            Self::TooManyRequests { .. } => "rate_limited",
            Self::NotFound(_) => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::Conflict { .. } => "conflict",
            Self::PayloadTooLarge { .. } => "payload_too_large",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::Validation(_) => "validation_failed",
            Self::Internal(_) => "internal",
        }
    }

    /// A 422 about one field.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Validation(FieldErrors::one(field, message))
    }
}

impl From<FieldErrors> for AppError {
    fn from(errors: FieldErrors) -> Self {
        Self::Validation(errors)
    }
}

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        Self::Internal(error.into())
    }
}

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `validation_failed`, `not_found`, `conflict`.
    #[schema(example = "validation_failed")]
    pub code: &'static str,
    /// A sentence for a person.
    pub message: String,
    /// For field errors: field name → what is wrong with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<BTreeMap<String, String>>,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let message = match &self {
            Self::Internal(error) => {
                // Logged once, inside the request's span (so with its request id).
                tracing::error!(error = format!("{error:#}"), "request failed");
                "something went wrong on the server; the request id in X-Request-Id helps find out what"
                    .to_owned()
            }
            other => other.to_string(),
        };
        let fields = match &self {
            Self::Validation(errors) => Some(errors.to_map()),
            Self::Conflict { field: Some(field), message } => {
                Some(BTreeMap::from([((*field).to_owned(), message.clone())]))
            }
            _ => None,
        };
        let body = ErrorBody { error: ErrorDetail { code: self.code(), message, fields } };
        let mut response = (self.status(), Json(body)).into_response();
        match &self {
            Self::TooManyRequests { retry_after } => {
                let seconds = retry_after.as_secs() + u64::from(retry_after.subsec_nanos() > 0);
                response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
            }
            Self::Unauthenticated(_) => {
                response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            _ => {}
        }
        response
    }
}
