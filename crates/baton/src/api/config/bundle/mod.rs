//! One file with everything configurable: the global document, projects (with their
//! configuration and plans), agents' default configurations, MCP servers added in Baton and
//! outbound webhooks. Export writes it; import compares it with what is stored, item by item,
//! and applies it in one transaction or not at all.
//!
//! Secrets leave only encrypted under a passphrase (Argon2id-derived key, salt in the bundle);
//! without one they are masked, and importing a masked secret keeps the stored value.

use std::collections::BTreeMap;

use base64::{Engine, engine::general_purpose::STANDARD};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::documents;
use crate::{
    app::AppState,
    domain::{plan::Plan, project::Project, timestamp::Timestamp},
    error::AppError,
    settings::tree::Change,
    store::{self, config::Scope, plans::PlanRecord},
    vault::{self, Vault},
};

/// Writing an import's items.
mod apply;
/// MCP servers and webhooks in bundles.
mod integrations;
/// Checking and comparing an import's items.
mod plan;

/// The format version written in every bundle.
pub const FORMAT: u32 = 1;

/// Export options.
#[derive(Debug, Default, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportOptions {
    /// `yaml` (default) or `json`.
    #[serde(default)]
    pub format: Format,
    /// Encrypts secrets into the bundle under this passphrase (at least 8 characters); without
    /// it, secrets are left out (masked).
    pub passphrase: Option<String>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Yaml,
    Json,
}

/// What each item of an import does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Create,
    Update,
    Delete,
    Unchanged,
}

/// The kinds of item a bundle holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Global,
    Project,
    ProjectConfig,
    Plan,
    AgentConfig,
    McpServer,
    Webhook,
}

/// One item of an import and what it changes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportItem {
    pub kind: Kind,
    /// A readable name: `shop`, `shop / build`, `backend-expert`.
    pub key: String,
    pub action: Action,
    /// Field by field, secrets masked.
    pub changes: Vec<Change>,
}

/// Counts of items by action.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct ImportSummary {
    pub created: usize,
    pub updated: usize,
    pub deleted: usize,
    pub unchanged: usize,
}

/// What an import did, or would do.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportReport {
    pub dry_run: bool,
    pub applied: bool,
    pub summary: ImportSummary,
    pub items: Vec<ImportItem>,
}

/// A bundle as written.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Bundle {
    baton_bundle: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exported_at: Option<String>,
    /// Base64 salt of the passphrase's key, when secrets are encrypted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    passphrase_salt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    global: Option<Value>,
    #[serde(default)]
    projects: Vec<ProjectEntry>,
    /// Agent name → its default configuration.
    #[serde(default)]
    agent_configs: BTreeMap<String, Value>,
    /// MCP servers added in Baton (`project`: a project's name, for a project's server).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    mcp_servers: Vec<Value>,
    /// Outbound webhooks (`signing_secret` is a secret).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    webhooks: Vec<Value>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectEntry {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    workspace_dir: Option<String>,
    /// The project's configuration document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    config: Option<Value>,
    /// Plans, in the plan format (`name`, `tasks`, ...).
    #[serde(default)]
    plans: Vec<Value>,
}

/// Everything configurable, as a bundle's text.
pub async fn export(app: &AppState, options: &ExportOptions) -> Result<String, AppError> {
    let (salt, key) = match options.passphrase.as_deref() {
        Some(passphrase) if passphrase.chars().count() < 8 => {
            return Err(AppError::invalid("passphrase", "must be at least 8 characters"));
        }
        Some(passphrase) => {
            let mut salt = [0u8; 16];
            rand::rngs::OsRng.fill_bytes(&mut salt);
            (Some(STANDARD.encode(salt)), Some(Vault::from_passphrase(passphrase, &salt)?))
        }
        None => (None, None),
    };
    let seal = |stored: &Value| vault::tree::export(stored, &app.vault, key.as_ref());
    let current = Current::load(app).await?;
    let mut bundle = Bundle {
        baton_bundle: FORMAT,
        exported_at: Some(Timestamp::now().to_string()),
        passphrase_salt: salt,
        global: Some(current.global.clone())
            .filter(|g| g.as_object().is_some_and(|o| !o.is_empty()))
            .map(|g| seal(&g))
            .transpose()?,
        ..Bundle::default()
    };
    for project in &current.projects {
        let config =
            current.project_configs.get(&project.id).filter(|c| c.as_object().is_some_and(|o| !o.is_empty()));
        bundle.projects.push(ProjectEntry {
            name: project.name.clone(),
            description: project.description.clone(),
            status: Some(project.status.as_str().to_owned()),
            workspace_dir: project.workspace_dir.clone(),
            config: config.map(seal).transpose()?,
            plans: current
                .plans
                .iter()
                .filter(|p| p.project_id == project.id)
                .map(|p| plan_document(&p.plan))
                .collect(),
        });
    }
    bundle.agent_configs = current.agent_configs.clone();
    bundle.mcp_servers =
        integrations::export_mcp(&current).into_iter().map(|v| seal(&v)).collect::<anyhow::Result<_>>()?;
    bundle.webhooks = integrations::export_webhooks(&current)
        .into_iter()
        .map(|v| seal(&v))
        .collect::<anyhow::Result<_>>()?;
    match options.format {
        Format::Json => Ok(serde_json::to_string_pretty(&bundle).map_err(anyhow::Error::from)?),
        Format::Yaml => Ok(serde_norway::to_string(&bundle).map_err(anyhow::Error::from)?),
    }
}

/// A plan in the format plans are written in (what `PlanInput` reads).
fn plan_document(plan: &Plan) -> Value {
    let tasks: Vec<Value> = plan
        .tasks
        .iter()
        .map(|task| {
            let mut entry = json!({ "id": task.id, "agent": task.agent, "prompt": task.prompt });
            if !task.depends_on.is_empty() {
                entry["depends_on"] = json!(task.depends_on);
            }
            if let Some(seconds) = task.timeout_s {
                entry["timeout"] = json!(format!("{seconds}s"));
            }
            if task.retries > 0 {
                entry["retries"] = json!(task.retries);
            }
            entry
        })
        .collect();
    let mut document = json!({ "name": plan.name, "max_parallel": plan.max_parallel, "on_failure": plan.on_failure, "tasks": tasks });
    if let Some(budget) = plan.budget_usd {
        document["budget_usd"] = json!(budget);
    }
    document
}

/// What is stored now, in the forms a bundle compares.
struct Current {
    global: Value,
    pub projects: Vec<Project>,
    /// Project id → its stored document.
    project_configs: BTreeMap<String, Value>,
    plans: Vec<PlanRecord>,
    agent_configs: BTreeMap<String, Value>,
    /// MCP servers added in Baton.
    pub mcp: Vec<store::mcp::StoredServer>,
    pub webhooks: Vec<store::webhooks::WebhookRecord>,
}

impl Current {
    async fn load(app: &AppState) -> Result<Self, AppError> {
        let db = &app.db.reader;
        let global = documents::stored(app, Scope::Global).await?.0;
        let filter = store::projects::ListFilter { limit: u32::MAX, ..Default::default() };
        let (projects, _) = store::projects::list(db, &filter).await?;
        let mut project_configs = BTreeMap::new();
        let mut plans = Vec::new();
        for project in &projects {
            project_configs
                .insert(project.id.clone(), documents::stored(app, Scope::Project(&project.id)).await?.0);
            let mut own = store::plans::list_for_project(db, &project.id).await?;
            own.sort_by(|a, b| a.plan.name.cmp(&b.plan.name));
            plans.extend(own);
        }
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT agent_name, config FROM agent_configurations WHERE project_id IS NULL ORDER BY agent_name")
                .fetch_all(db)
                .await
                .map_err(anyhow::Error::from)?;
        let agent_configs = rows
            .into_iter()
            .filter_map(|(name, config)| serde_json::from_str(&config).ok().map(|c| (name, c)))
            .collect();
        let mut mcp = store::mcp::list(db).await?;
        mcp.sort_by(|a, b| (&a.project_id, &a.name).cmp(&(&b.project_id, &b.name)));
        let mut webhooks = store::webhooks::list(db, None).await?;
        webhooks.sort_by(|a, b| (&a.project_id, &a.name, &a.url).cmp(&(&b.project_id, &b.name, &b.url)));
        Ok(Self { global, projects, project_configs, plans, agent_configs, mcp, webhooks })
    }
}

/// One item to write: its kind, key, the stored form wanted (None: delete) and what it is now.
struct Planned {
    pub kind: Kind,
    pub key: String,
    /// The name of the project the item belongs to (a project's own name for projects).
    pub project: Option<String>,
    /// The stored item's id, when there is one.
    pub id: Option<String>,
    pub wanted: Option<Value>,
    pub action: Action,
    pub changes: Vec<Change>,
}

/// Reads a bundle's text (JSON or YAML), naming where it is broken.
fn parse_bundle(text: &str) -> Result<Bundle, AppError> {
    let value: Value = if text.trim_start().starts_with('{') {
        serde_json::from_str(text).map_err(|e| AppError::invalid("bundle", format!("not valid JSON: {e}")))?
    } else {
        serde_norway::from_str(text)
            .map_err(|e| AppError::invalid("bundle", format!("not valid YAML: {e}")))?
    };
    let bundle: Bundle = crate::settings::document::parse(&value)?;
    if bundle.baton_bundle != FORMAT {
        return Err(AppError::invalid(
            "baton_bundle",
            format!("format {} is not supported (this Baton reads {FORMAT})", bundle.baton_bundle),
        ));
    }
    Ok(bundle)
}

/// Compares a bundle with what is stored and, unless `dry_run`, applies it in one transaction.
pub async fn import(
    app: &AppState,
    text: &str,
    passphrase: Option<&str>,
    dry_run: bool,
    prune: bool,
    author: &str,
) -> Result<ImportReport, AppError> {
    let bundle = parse_bundle(text)?;
    let key = match (&bundle.passphrase_salt, passphrase) {
        (Some(salt), Some(passphrase)) => {
            let salt =
                STANDARD.decode(salt).map_err(|_| AppError::invalid("passphrase_salt", "is not base64"))?;
            Some(Vault::from_passphrase(passphrase, &salt)?)
        }
        _ => None,
    };
    let current = Current::load(app).await?;
    let planned = plan::plan_import(app, &bundle, &current, key.as_ref(), prune)?;
    let items: Vec<ImportItem> = planned
        .iter()
        .map(|p| ImportItem {
            kind: p.kind,
            key: p.key.clone(),
            action: p.action,
            changes: p.changes.clone(),
        })
        .collect();
    let mut summary = ImportSummary::default();
    for item in &items {
        *match item.action {
            Action::Create => &mut summary.created,
            Action::Update => &mut summary.updated,
            Action::Delete => &mut summary.deleted,
            Action::Unchanged => &mut summary.unchanged,
        } += 1;
    }
    let changing = summary.created + summary.updated + summary.deleted > 0;
    if !dry_run && changing {
        apply::apply(app, &planned, author).await?;
    }
    Ok(ImportReport { dry_run, applied: !dry_run && changing, summary, items })
}
