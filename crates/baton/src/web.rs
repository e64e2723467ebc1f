use axum::{
    body::Body,
    http::{HeaderMap, HeaderValue, StatusCode, Uri, header},
    response::{IntoResponse, Response},
};
use rust_embed::RustEmbed;

/// The built web app (`web/dist`). Release builds carry it inside the binary; debug builds read
/// it from disk, so a rebuilt web app shows up without recompiling Rust.
#[derive(RustEmbed)]
#[folder = "../../web/dist"]
#[allow_missing = true]
struct Assets;

/// Serves a file of the web app, or `index.html` for any other path so the client-side router
/// can take it (the SPA fallback).
pub async fn serve(uri: Uri, headers: HeaderMap) -> Response {
    let path = uri.path().trim_start_matches('/');
    if let Some(response) = asset(path, &headers) {
        return response;
    }
    // A missing file with an extension (a stale hashed bundle, a typo'd image) is a real 404;
    // anything else is a page of the app.
    let looks_like_file = path.rsplit('/').next().is_some_and(|last| last.contains('.'));
    if looks_like_file {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    asset("index.html", &headers).unwrap_or_else(not_built)
}

/// `GET /api/docs`: the browsable API reference, a page of the web app's build.
pub async fn api_docs_page(headers: HeaderMap) -> Response {
    asset("api-docs.html", &headers).unwrap_or_else(not_built)
}

fn asset(path: &str, headers: &HeaderMap) -> Option<Response> {
    let file = Assets::get(path)?;
    let etag = format!("\"{}\"", hex(&file.metadata.sha256_hash()[..16]));
    // Vite puts content-hashed files under assets/: they never change, so cache them for good.
    // Everything else (index.html) must be revalidated so a new release is picked up.
    let cache = if path.starts_with("assets/") { "public, max-age=31536000, immutable" } else { "no-cache" };
    let mut response = if headers.get(header::IF_NONE_MATCH).is_some_and(|v| v.as_bytes() == etag.as_bytes())
    {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut response = Body::from(file.data).into_response();
        if let Ok(mime) = HeaderValue::from_str(file.metadata.mimetype()) {
            response.headers_mut().insert(header::CONTENT_TYPE, mime);
        }
        response
    };
    let response_headers = response.headers_mut();
    response_headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(etag) = HeaderValue::from_str(&etag) {
        response_headers.insert(header::ETAG, etag);
    }
    Some(response)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn not_built() -> Response {
    let page = "<!doctype html><title>Baton</title><h1>The web app is not built</h1>\
                <p>Run <code>make build</code> (or <code>make run</code>) and restart Baton. \
                The API is up: see <a href=\"/api/health\">/api/health</a>.</p>";
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")],
        page,
    )
        .into_response()
}
