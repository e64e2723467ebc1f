//! `POST /api/config/export` and `POST /api/config/import`.

use axum::{
    Json,
    extract::State,
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::bundle::{self, ExportOptions, Format, ImportReport};
use crate::{
    api::extract::{AppJson, AppQuery},
    app::AppState,
    auth::Admin,
    error::{AppError, ErrorBody},
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(export)).routes(routes!(import))
}

/// Everything configurable as one YAML or JSON file: the global configuration, projects with
/// their configuration and plans, and agents' default configurations. Secrets are left out
/// (masked) unless a passphrase encrypts them into the file.
#[utoipa::path(post, path = "/api/config/export", tag = "config", request_body = ExportOptions,
    responses((status = 200, description = "The bundle (application/yaml or application/json)", body = String),
        (status = 422, body = ErrorBody)))]
async fn export(
    State(app): State<AppState>,
    Admin(admin): Admin,
    AppJson(options): AppJson<ExportOptions>,
) -> Result<Response, AppError> {
    let text = bundle::export(&app, &options).await?;
    let (content_type, extension) = match options.format {
        Format::Yaml => ("application/yaml", "yaml"),
        Format::Json => ("application/json", "json"),
    };
    let detail = serde_json::json!({ "format": extension, "secrets": options.passphrase.is_some() });
    admin.audit(&app, "config.export", "config", "bundle", detail).await;
    let disposition = format!("attachment; filename=\"baton-config.{extension}\"");
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("attachment")),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        text,
    )
        .into_response())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ImportParams {
    /// Only report what would change.
    #[serde(default)]
    dry_run: bool,
    /// Also delete what the bundle does not list (projects, plans of listed projects, agent
    /// configurations).
    #[serde(default)]
    prune: bool,
}

/// A bundle to import.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ImportBody {
    /// The bundle's text, YAML or JSON, as export wrote it.
    bundle: String,
    /// The passphrase the bundle's secrets were encrypted with.
    passphrase: Option<String>,
}

/// Compares a bundle with what is stored, item by item with field diffs; without `dry_run`,
/// applies it in one transaction. A bundle with one bad item changes nothing: the 422 names the
/// item's path (`projects[1].plans[0].tasks[2].agent`) and the problem.
#[utoipa::path(post, path = "/api/config/import", tag = "config", params(ImportParams), request_body = ImportBody,
    responses((status = 200, body = ImportReport), (status = 422, body = ErrorBody)))]
async fn import(
    State(app): State<AppState>,
    Admin(admin): Admin,
    AppQuery(params): AppQuery<ImportParams>,
    AppJson(body): AppJson<ImportBody>,
) -> Result<Json<ImportReport>, AppError> {
    let report = bundle::import(
        &app,
        &body.bundle,
        body.passphrase.as_deref(),
        params.dry_run,
        params.prune,
        &admin.name,
    )
    .await?;
    if report.applied {
        let detail = serde_json::to_value(&report.summary).unwrap_or_default();
        admin.audit(&app, "config.import", "config", "bundle", detail).await;
    }
    Ok(Json(report))
}
