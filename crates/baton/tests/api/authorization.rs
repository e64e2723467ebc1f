//! Every route × every kind of caller. A route that exists in the OpenAPI document but not in
//! this table fails the test, so no route ships without a decision about who may call it.

use std::collections::BTreeSet;

use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::helpers::{TestApp, spawn_app};

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Anyone; the answer does not depend on the caller.
    Public,
    /// Any signed-in caller, ingest tokens included.
    Authenticated,
    Viewer,
    Operator,
    Admin,
    /// Posting events: ingest tokens, operators and admins (not viewers).
    Ingest,
}

const ROUTES: &[(&str, &str, Access)] = &[
    ("GET", "/api/health", Access::Public),
    ("POST", "/api/auth/login", Access::Public),
    ("POST", "/api/auth/refresh", Access::Public),
    ("POST", "/api/auth/logout", Access::Authenticated),
    ("GET", "/api/auth/me", Access::Authenticated),
    ("GET", "/api/projects", Access::Viewer),
    ("POST", "/api/projects", Access::Operator),
    ("GET", "/api/projects/{id}", Access::Viewer),
    ("PUT", "/api/projects/{id}", Access::Operator),
    ("DELETE", "/api/projects/{id}", Access::Operator),
    ("GET", "/api/users", Access::Admin),
    ("POST", "/api/users", Access::Admin),
    ("PUT", "/api/users/{id}", Access::Admin),
    ("GET", "/api/tokens", Access::Admin),
    ("POST", "/api/tokens", Access::Admin),
    ("DELETE", "/api/tokens/{id}", Access::Admin),
    ("GET", "/api/audit", Access::Admin),
    ("GET", "/api/projects/{id}/plans", Access::Viewer),
    ("POST", "/api/projects/{id}/plans", Access::Operator),
    ("GET", "/api/plans/{id}", Access::Viewer),
    ("PUT", "/api/plans/{id}", Access::Operator),
    ("DELETE", "/api/plans/{id}", Access::Operator),
    ("GET", "/api/executions", Access::Viewer),
    ("POST", "/api/executions", Access::Operator),
    ("GET", "/api/executions/{id}", Access::Viewer),
    ("POST", "/api/executions/{id}/cancel", Access::Operator),
    ("POST", "/api/executions/{id}/rerun", Access::Operator),
    ("GET", "/api/executions/{id}/metrics", Access::Viewer),
    ("GET", "/api/executions/{id}/logs", Access::Viewer),
    ("POST", "/api/projects/{id}/start", Access::Operator),
    ("POST", "/api/projects/{id}/stop", Access::Operator),
    ("GET", "/api/agents/{name}/config", Access::Viewer),
    ("PUT", "/api/agents/{name}/config", Access::Operator),
    ("GET", "/api/agents/status", Access::Viewer),
    ("GET", "/api/system/health", Access::Viewer),
    ("GET", "/api/metrics/executions", Access::Viewer),
    ("GET", "/api/activity", Access::Viewer),
    ("GET", "/api/notifications", Access::Viewer),
    ("POST", "/api/notifications/{id}/read", Access::Viewer),
    ("POST", "/api/notifications/read-all", Access::Viewer),
    ("GET", "/api/agents", Access::Viewer),
    ("GET", "/api/agents/{name}", Access::Viewer),
    ("GET", "/api/agents/{name}/status", Access::Viewer),
    ("GET", "/api/agents/{name}/metrics", Access::Viewer),
    ("GET", "/api/collaboration", Access::Viewer),
    ("GET", "/api/config/schema", Access::Viewer),
    ("GET", "/api/config/global", Access::Viewer),
    ("PUT", "/api/config/global", Access::Admin),
    ("GET", "/api/config/global/versions", Access::Viewer),
    ("GET", "/api/config/global/versions/{version}", Access::Viewer),
    ("GET", "/api/config/global/diff", Access::Viewer),
    ("POST", "/api/config/global/revert", Access::Admin),
    ("GET", "/api/config/projects/{id}", Access::Viewer),
    ("PUT", "/api/config/projects/{id}", Access::Admin),
    ("GET", "/api/config/projects/{id}/versions", Access::Viewer),
    ("GET", "/api/config/projects/{id}/versions/{version}", Access::Viewer),
    ("GET", "/api/config/projects/{id}/diff", Access::Viewer),
    ("POST", "/api/config/projects/{id}/revert", Access::Admin),
    ("POST", "/api/config/export", Access::Admin),
    ("POST", "/api/config/import", Access::Admin),
    ("GET", "/api/schemas/{name}", Access::Viewer),
    ("POST", "/api/hooks/claude", Access::Ingest),
    ("POST", "/api/webhooks/notify", Access::Ingest),
    ("GET", "/api/webhooks", Access::Viewer),
    ("POST", "/api/webhooks", Access::Admin),
    ("GET", "/api/webhooks/{id}", Access::Viewer),
    ("PUT", "/api/webhooks/{id}", Access::Admin),
    ("DELETE", "/api/webhooks/{id}", Access::Admin),
    ("POST", "/api/webhooks/{id}/rotate-secret", Access::Admin),
    ("GET", "/api/webhooks/{id}/deliveries", Access::Viewer),
    ("POST", "/api/webhooks/{id}/test", Access::Operator),
    ("POST", "/api/webhooks/{id}/deliveries/{delivery_id}/redeliver", Access::Operator),
    ("GET", "/api/mcp-servers", Access::Viewer),
    ("POST", "/api/mcp-servers", Access::Admin),
    ("PUT", "/api/mcp-servers/{name}", Access::Admin),
    ("DELETE", "/api/mcp-servers/{name}", Access::Admin),
    ("GET", "/api/mcp-servers/{name}/status", Access::Operator),
    ("GET", "/api/mcp-servers/{name}/history", Access::Viewer),
    ("POST", "/api/mcp-servers/{name}/restart", Access::Operator),
];

/// Routes outside the OpenAPI document: the document itself and its reference page are
/// public, like the web app's own files (the API they describe is not).
const UNDOCUMENTED_PUBLIC: &[&str] = &["/api/openapi.json", "/api/docs"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caller {
    Anonymous,
    Ingest,
    Viewer,
    Operator,
    Admin,
}

impl Caller {
    /// Whether this caller may call a route with `access`.
    fn allowed(self, access: Access) -> bool {
        match access {
            Access::Public => true,
            Access::Authenticated => self != Self::Anonymous,
            Access::Viewer => matches!(self, Self::Viewer | Self::Operator | Self::Admin),
            Access::Operator => matches!(self, Self::Operator | Self::Admin),
            Access::Admin => self == Self::Admin,
            Access::Ingest => matches!(self, Self::Ingest | Self::Operator | Self::Admin),
        }
    }
}

#[tokio::test]
async fn the_matrix_lists_every_documented_route() {
    let app = spawn_app().await;
    let document: Value = app.get("/api/openapi.json").await.json().await.expect("json");

    let mut documented = BTreeSet::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            documented.insert((method.to_uppercase(), path.clone()));
        }
    }
    let listed: BTreeSet<(String, String)> =
        ROUTES.iter().map(|(method, path, _)| ((*method).to_owned(), (*path).to_owned())).collect();

    let missing: Vec<_> = documented.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&documented).collect();
    assert!(missing.is_empty(), "routes with no authorisation decision in ROUTES: {missing:?}");
    assert!(stale.is_empty(), "ROUTES lists routes that do not exist: {stale:?}");
}

#[tokio::test]
async fn every_route_answers_401_403_or_serves_each_kind_of_caller() {
    let app = spawn_app().await;
    let callers = [
        (Caller::Anonymous, None),
        (Caller::Ingest, Some(app.api_token("ingest").await)),
        (Caller::Viewer, Some(app.user_token("vera", "viewer").await)),
        (Caller::Operator, Some(app.user_token("otto", "operator").await)),
        (Caller::Admin, Some(app.token.clone())),
    ];

    for (method, path, access) in ROUTES {
        let path = path.replace("{id}", "no-such-id").replace("{name}", "no-such-agent");
        let path = path.replace("{delivery_id}", "no-such-delivery").replace("{version}", "1");
        let method: Method = method.parse().expect("method");
        let mut public_answers = BTreeSet::new();
        for (caller, token) in &callers {
            let status = call(&app, method.clone(), &path, token.as_deref()).await;
            let allowed = caller.allowed(*access);
            match (allowed, caller) {
                (false, Caller::Anonymous) => {
                    assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {path} as {caller:?}")
                }
                (false, _) => assert_eq!(status, StatusCode::FORBIDDEN, "{method} {path} as {caller:?}"),
                (true, _) => assert!(
                    *access == Access::Public
                        || !matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN),
                    "{method} {path} as {caller:?} got {status}"
                ),
            }
            if *access == Access::Public {
                public_answers.insert(status.as_u16());
            }
        }
        assert!(
            public_answers.len() <= 1,
            "{method} {path} is public but answers by caller: {public_answers:?}"
        );
    }

    for path in UNDOCUMENTED_PUBLIC {
        let status = call(&app, Method::GET, path, None).await;
        assert!(!matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN), "{path}: {status}");
    }
}

async fn call(app: &TestApp, method: Method, path: &str, token: Option<&str>) -> StatusCode {
    app.request_as(method, path, token).await.status()
}
