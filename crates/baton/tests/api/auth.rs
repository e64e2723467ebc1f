use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{ADMIN_PASSWORD, TestApp, error_of, spawn_app};

/// Signs in and returns the response (for its cookie).
async fn login_response(app: &TestApp, username: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/auth/login"))
        .json(&json!({"username": username, "password": password}))
        .send()
        .await
        .expect("request")
}

fn refresh_cookie(response: &reqwest::Response) -> String {
    let header = response.headers().get("set-cookie").expect("set-cookie").to_str().expect("text").to_owned();
    header.split(';').next().expect("cookie").to_owned()
}

async fn refresh(app: &TestApp, cookie: &str) -> reqwest::Response {
    app.client.post(app.url("/api/auth/refresh")).header("cookie", cookie).send().await.expect("request")
}

async fn me_status(app: &TestApp, token: &str) -> StatusCode {
    app.request_as(Method::GET, "/api/auth/me", Some(token)).await.status()
}

#[tokio::test]
async fn signing_in_gives_an_access_token_and_a_strict_http_only_refresh_cookie() {
    let app = spawn_app().await;

    let response = login_response(&app, "ADMIN", ADMIN_PASSWORD).await;

    assert_eq!(response.status(), StatusCode::OK);
    let cookie = response.headers().get("set-cookie").expect("cookie").to_str().expect("text").to_owned();
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/api/auth"] {
        assert!(cookie.contains(attribute), "{attribute} in {cookie}");
    }
    assert!(!cookie.contains("Secure"), "no Secure over plain http");
    let session: Value = response.json().await.expect("json");
    assert_eq!(session["expires_in"], 900);
    assert_eq!(session["user"]["username"], "admin");
    assert_eq!(session["user"]["role"], "admin");
    let me: Value = app
        .client
        .get(app.url("/api/auth/me"))
        .bearer_auth(session["access_token"].as_str().expect("token"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(me["username"], "admin");
}

#[tokio::test]
async fn an_unknown_user_and_a_wrong_password_get_the_same_answer() {
    let app = spawn_app().await;

    let wrong_password = login_response(&app, "admin", "not-the-password").await;
    let unknown_user = login_response(&app, "nobody", "not-the-password").await;

    assert_eq!(wrong_password.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unknown_user.status(), StatusCode::UNAUTHORIZED);
    let a: Value = wrong_password.json().await.expect("json");
    let b: Value = unknown_user.json().await.expect("json");
    assert_eq!(a, b);
}

#[tokio::test]
async fn repeated_failed_sign_ins_are_limited_with_retry_after() {
    let app = spawn_app().await;
    for _ in 0..5 {
        assert_eq!(
            login_response(&app, "admin", "wrong-password-x").await.status(),
            StatusCode::UNAUTHORIZED
        );
    }

    let limited = login_response(&app, "admin", ADMIN_PASSWORD).await;

    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = limited
        .headers()
        .get("retry-after")
        .expect("Retry-After")
        .to_str()
        .expect("text")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    let (_, code, _) = error_of(limited).await;
    assert_eq!(code, "rate_limited");
}

#[tokio::test]
async fn a_refresh_rotates_the_token_and_a_reused_one_ends_the_family() {
    let app = spawn_app().await;
    let first = refresh_cookie(&login_response(&app, "admin", ADMIN_PASSWORD).await);

    let rotated = refresh(&app, &first).await;
    assert_eq!(rotated.status(), StatusCode::OK);
    let second = refresh_cookie(&rotated);
    assert_ne!(first, second);
    let token: Value = rotated.json().await.expect("json");
    assert_eq!(me_status(&app, token["access_token"].as_str().expect("token")).await, StatusCode::OK);

    // The first token again: someone kept a copy. It fails, and so does the current one.
    let (status, code, _) = error_of(refresh(&app, &first).await).await;
    assert_eq!((status, code.as_str()), (StatusCode::UNAUTHORIZED, "unauthenticated"));
    assert_eq!(refresh(&app, &second).await.status(), StatusCode::UNAUTHORIZED);

    let audit: Value = app.get("/api/audit?action=auth.refresh_reuse").await.json().await.expect("json");
    assert_eq!(audit["items"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn signing_out_ends_the_refresh_token() {
    let app = spawn_app().await;
    let response = login_response(&app, "admin", ADMIN_PASSWORD).await;
    let cookie = refresh_cookie(&response);
    let token =
        response.json::<Value>().await.expect("json")["access_token"].as_str().expect("token").to_owned();

    let logout = app
        .client
        .post(app.url("/api/auth/logout"))
        .bearer_auth(&token)
        .header("cookie", &cookie)
        .send()
        .await
        .expect("request");

    assert_eq!(logout.status(), StatusCode::NO_CONTENT);
    assert!(
        logout.headers().get("set-cookie").expect("cleared").to_str().expect("text").contains("Max-Age=0")
    );
    assert_eq!(refresh(&app, &cookie).await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn changing_a_password_or_role_or_disabling_ends_every_session_of_the_user() {
    let app = spawn_app().await;
    for change in
        [json!({"password": "a-brand-new-password"}), json!({"role": "viewer"}), json!({"disabled": true})]
    {
        let name = format!("user{}", change.as_object().expect("object").keys().next().expect("key"));
        let token = app.user_token(&name, "operator").await;
        let users: Value = app.get("/api/users").await.json().await.expect("json");
        let id = users
            .as_array()
            .expect("users")
            .iter()
            .find(|u| u["username"] == name.as_str())
            .expect("user")["id"]
            .as_str()
            .expect("id")
            .to_owned();
        assert_eq!(me_status(&app, &token).await, StatusCode::OK);

        let updated = app.put_json(&format!("/api/users/{id}"), &change).await;

        assert_eq!(updated.status(), StatusCode::OK, "{change}");
        assert_eq!(me_status(&app, &token).await, StatusCode::UNAUTHORIZED, "after {change}");
    }
}

#[tokio::test]
async fn a_disabled_user_cannot_sign_in() {
    let app = spawn_app().await;
    app.user_token("dora", "viewer").await;
    let users: Value = app.get("/api/users").await.json().await.expect("json");
    let id = users.as_array().expect("users").iter().find(|u| u["username"] == "dora").expect("dora")["id"]
        .clone();
    app.put_json(&format!("/api/users/{}", id.as_str().expect("id")), &json!({"disabled": true})).await;

    let response = login_response(&app, "dora", "dora-password-123").await;

    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn tampered_expired_and_unsigned_tokens_are_refused() {
    let app = spawn_app().await;
    let (header, rest) = app.token.split_once('.').expect("jwt");
    let (payload, signature) = rest.split_once('.').expect("jwt");
    let mut claims: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("b64")).expect("json");
    let encode = |claims: &Value| URL_SAFE_NO_PAD.encode(claims.to_string());

    claims["role"] = json!("admin");
    claims["name"] = json!("mallory");
    let tampered = format!("{header}.{}.{signature}", encode(&claims));
    let mut expired_claims = claims.clone();
    expired_claims["exp"] = json!(1);
    let expired = format!("{header}.{}.{signature}", encode(&expired_claims));
    let none_header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
    let unsigned = format!("{none_header}.{}.", encode(&claims));

    for token in [tampered, expired, unsigned, "garbage".into(), "baton_not-a-real-token".into()] {
        assert_eq!(me_status(&app, &token).await, StatusCode::UNAUTHORIZED, "{token}");
    }
}

#[tokio::test]
async fn api_tokens_are_shown_once_listed_by_prefix_and_stop_working_when_revoked() {
    let app = spawn_app().await;
    let created: Value = app
        .post_json("/api/tokens", &json!({"name": "ci reader", "role": "viewer"}))
        .await
        .json()
        .await
        .expect("json");
    let secret = created["token"].as_str().expect("secret").to_owned();
    assert!(secret.starts_with("baton_"));

    assert_eq!(app.request_as(Method::GET, "/api/projects", Some(&secret)).await.status(), StatusCode::OK);
    let listed: Value = app.get("/api/tokens").await.json().await.expect("json");
    let entry = &listed.as_array().expect("tokens")[0];
    assert_eq!(entry["name"], "ci reader");
    assert!(secret.starts_with(entry["prefix"].as_str().expect("prefix")));
    assert!(!listed.to_string().contains(&secret), "the secret is never listed");

    let revoked = app.delete(&format!("/api/tokens/{}", created["id"].as_str().expect("id"))).await;
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.request_as(Method::GET, "/api/projects", Some(&secret)).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_viewer_reads_but_cannot_change_and_an_ingest_token_cannot_read() {
    let app = spawn_app().await;
    let viewer = app.user_token("vic", "viewer").await;
    let ingest = app.api_token("ingest").await;

    assert_eq!(app.request_as(Method::GET, "/api/projects", Some(&viewer)).await.status(), StatusCode::OK);
    let (status, code, _) =
        error_of(app.request_as(Method::POST, "/api/projects", Some(&viewer)).await).await;
    assert_eq!((status, code.as_str()), (StatusCode::FORBIDDEN, "forbidden"));
    assert_eq!(
        app.request_as(Method::GET, "/api/projects", Some(&ingest)).await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_last_active_admin_cannot_be_demoted_or_disabled() {
    let app = spawn_app().await;
    let users: Value = app.get("/api/users").await.json().await.expect("json");
    let admin_id = users[0]["id"].as_str().expect("id").to_owned();

    for change in [json!({"role": "operator"}), json!({"disabled": true})] {
        let (status, code, _) =
            error_of(app.put_json(&format!("/api/users/{admin_id}"), &change).await).await;
        assert_eq!((status, code.as_str()), (StatusCode::CONFLICT, "conflict"), "{change}");
    }
}

#[tokio::test]
async fn bad_user_input_is_named() {
    let app = spawn_app().await;
    let cases = [
        (json!({"username": "ok", "password": "short", "role": "viewer"}), "password"),
        (json!({"username": "has space", "password": "long-enough-pw", "role": "viewer"}), "username"),
        (json!({"username": "ok", "password": "long-enough-pw", "role": "root"}), "role"),
        (json!({"username": "ADMIN", "password": "long-enough-pw", "role": "viewer"}), "username"),
    ];
    for (body, field) in cases {
        let (status, _, fields) = error_of(app.post_json("/api/users", &body).await).await;
        assert!(
            matches!(status, StatusCode::UNPROCESSABLE_ENTITY | StatusCode::CONFLICT),
            "{body}: {status}"
        );
        assert!(fields[field].is_string(), "{body}: {fields}");
    }
}

#[tokio::test]
async fn every_change_and_sign_in_is_in_the_audit_log_with_who_and_where() {
    let app = spawn_app().await;
    let project = app.create_project("Audited").await;
    let id = project["id"].as_str().expect("id");
    app.put_json(&format!("/api/projects/{id}"), &json!({"status": "active"})).await;
    app.delete(&format!("/api/projects/{id}")).await;
    login_response(&app, "admin", "wrong-password-x").await;

    let log: Value = app.get("/api/audit?limit=200").await.json().await.expect("json");
    let actions: Vec<&str> = log["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["action"].as_str().expect("action"))
        .collect();
    for action in ["auth.login", "project.create", "project.update", "project.delete", "auth.login_failed"] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
    let created = log["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|e| e["action"] == "project.create")
        .expect("entry");
    assert_eq!(created["actor_name"], "admin");
    assert_eq!(created["resource_id"], id);
    assert_eq!(created["ip"], "127.0.0.1");

    let filtered: Value = app.get("/api/audit?action=project.update").await.json().await.expect("json");
    assert_eq!(filtered["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(filtered["items"][0]["detail"]["changed"], json!(["status"]));
}

#[tokio::test]
async fn responses_carry_security_headers_and_cors_only_for_listed_origins() {
    let app = spawn_app().await;

    let response = app.get("/api/health").await;
    let header = |name: &str| response.headers().get(name).map(|v| v.to_str().expect("text").to_owned());
    let csp = header("content-security-policy").expect("CSP");
    assert!(csp.contains("script-src 'self';") && csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(header("x-content-type-options").as_deref(), Some("nosniff"));
    assert_eq!(header("referrer-policy").as_deref(), Some("no-referrer"));

    let preflight = |origin: &'static str| {
        app.client
            .request(Method::OPTIONS, app.url("/api/projects"))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .send()
    };
    let allowed = preflight("http://allowed.example").await.expect("request");
    let refused = preflight("http://evil.example").await.expect("request");
    assert_eq!(
        allowed.headers().get("access-control-allow-origin").map(|v| v.to_str().expect("text")),
        Some("http://allowed.example")
    );
    assert!(refused.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn each_caller_is_limited_to_its_request_rate_with_retry_after() {
    let temp = tempfile::tempdir().expect("temp");
    let app = crate::helpers::spawn_app_with(&temp.path().join("data"), |args| args.rate_limit = 1).await;
    let other = app.user_token("quinn", "viewer").await;

    let mut statuses = Vec::new();
    for _ in 0..8 {
        statuses.push(app.get("/api/projects").await.status());
    }
    let limited = app.get("/api/projects").await;

    assert!(statuses.contains(&StatusCode::OK), "{statuses:?}");
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.headers().get("retry-after").is_some());
    let status = app.request_as(Method::GET, "/api/projects", Some(&other)).await.status();
    assert_eq!(status, StatusCode::OK, "another caller has its own budget");
}
