//! One file with everything configurable: the global document, projects (with their
//! configuration and plans), agents' default configurations, MCP servers added in Baton and
//! outbound webhooks. Export writes it; import compares it with what is stored, item by item,
//! and applies it in one transaction or not at all.
//!
//! Secrets leave only encrypted under a passphrase (Argon2id-derived key, salt in the bundle);
//! without one they are masked, and importing a masked secret keeps the stored value.

use std::collections::{BTreeMap, BTreeSet};

use base64::{Engine, engine::general_purpose::STANDARD};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use sqlx::SqliteConnection;
use utoipa::ToSchema;

use super::{documents, integrations};
use crate::{
    app::AppState,
    domain::{
        agent_config::AgentConfig,
        field_errors::FieldErrors,
        plan::{Plan, PlanInput},
        project::{CreateProject, NewProject, Project},
        timestamp::Timestamp,
    },
    error::AppError,
    settings::tree::{self, Change},
    store::{self, config::Scope, plans::PlanRecord},
    vault::{self, Vault},
};

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
pub(super) struct Current {
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
pub(super) struct Planned {
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
    let planned = plan_import(app, &bundle, &current, key.as_ref(), prune)?;
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
        apply(app, &planned, author).await?;
    }
    Ok(ImportReport { dry_run, applied: !dry_run && changing, summary, items })
}

/// Every item of the bundle checked and compared; errors are keyed by the item's path in the
/// bundle and nothing is written.
/// Collects the items of an import and the problems found, by path.
pub(super) struct Planner<'a> {
    pub app: &'a AppState,
    /// The passphrase's key, for encrypted secrets.
    pub key: Option<&'a Vault>,
    pub planned: Vec<Planned>,
    pub errors: FieldErrors,
}

impl Planner<'_> {
    /// Records an item: created (no `before`), deleted (no `wanted`), updated or unchanged,
    /// compared with secrets by digest and listed masked.
    pub fn compare(
        &mut self,
        kind: Kind,
        key: String,
        project: Option<String>,
        id: Option<String>,
        before: Option<&Value>,
        wanted: Option<Value>,
    ) {
        let print = |v: &Value| vault::tree::fingerprint(v, &self.app.vault).unwrap_or_else(|_| v.clone());
        let (action, changes) = match (before, &wanted) {
            (None, Some(after)) => (Action::Create, documents::masked_changes(&json!({}), &print(after))),
            (Some(before), Some(after)) => {
                let changes = documents::masked_changes(&print(before), &print(after));
                (if changes.is_empty() { Action::Unchanged } else { Action::Update }, changes)
            }
            (Some(before), None) => (Action::Delete, documents::masked_changes(&print(before), &json!({}))),
            (None, None) => return,
        };
        self.planned.push(Planned { kind, key, project, id, wanted, action, changes });
    }

    /// `document`'s secrets opened with the passphrase, then sealed against what is stored at
    /// the same place (a masked one keeps it); None, with the problems recorded, when it cannot be.
    pub fn sealed(&mut self, path: &str, document: &Value, previous: Option<&Value>) -> Option<Value> {
        let plain =
            vault::tree::import(document, self.key).map_err(|e| nest(&mut self.errors, path, e)).ok()?;
        vault::tree::seal(&plain, previous, &self.app.vault).map_err(|e| nest(&mut self.errors, path, e)).ok()
    }
}

fn plan_import(
    app: &AppState,
    bundle: &Bundle,
    current: &Current,
    key: Option<&Vault>,
    prune: bool,
) -> Result<Vec<Planned>, AppError> {
    let mut p = Planner { app, key, planned: Vec::new(), errors: FieldErrors::new() };

    if let Some(global) = &bundle.global {
        match documents::validate(Scope::Global, &vault::tree::mask(global)) {
            Err(AppError::Validation(e)) => nest(&mut p.errors, "global", e),
            Err(other) => return Err(other),
            Ok(()) => {
                if let Some(wanted) = p.sealed("global", global, Some(&current.global)) {
                    let before =
                        Some(&current.global).filter(|g| g.as_object().is_some_and(|o| !o.is_empty()));
                    p.compare(
                        Kind::Global,
                        "global".into(),
                        None,
                        None,
                        before,
                        Some(tree::prune_empty(&wanted)),
                    );
                }
            }
        }
    }

    let mut seen_projects = BTreeSet::new();
    for (i, entry) in bundle.projects.iter().enumerate() {
        let path = format!("projects[{i}]");
        let existing = current.projects.iter().find(|p| p.name.eq_ignore_ascii_case(entry.name.trim()));
        if !seen_projects.insert(entry.name.trim().to_lowercase()) {
            p.errors.add(format!("{path}.name"), format!("project {:?} appears twice", entry.name));
            continue;
        }
        let input = CreateProject {
            name: Some(entry.name.clone()),
            description: entry.description.clone(),
            workspace_dir: entry.workspace_dir.clone(),
            status: entry
                .status
                .as_deref()
                .map(crate::domain::project::ProjectStatus::parse)
                .transpose()
                .map_err(|m| nest_one(&mut p.errors, &format!("{path}.status"), m))
                .ok()
                .flatten(),
            config: None,
        };
        if let Err(e) = NewProject::parse(input, dirs::home_dir().as_deref()) {
            nest(&mut p.errors, &path, e);
            continue;
        }
        let project_value = json!({ "description": entry.description, "status": entry.status, "workspace_dir": entry.workspace_dir });
        let before = existing.map(|p| json!({ "description": p.description, "status": p.status.as_str(), "workspace_dir": p.workspace_dir }));
        let wanted = match existing {
            // A project's workspace is not moved by an import: only a missing one is taken.
            Some(p) => {
                json!({ "description": entry.description, "status": entry.status.clone().unwrap_or_else(|| p.status.as_str().to_owned()), "workspace_dir": entry.workspace_dir.clone().or_else(|| p.workspace_dir.clone()) })
            }
            None => project_value,
        };
        p.compare(
            Kind::Project,
            entry.name.clone(),
            Some(entry.name.clone()),
            existing.map(|p| p.id.clone()),
            before.as_ref(),
            Some(wanted),
        );

        let stored_config = existing.and_then(|p| current.project_configs.get(&p.id));
        if let Some(config) = &entry.config {
            match documents::validate(Scope::Project(""), &vault::tree::mask(config)) {
                Err(AppError::Validation(e)) => nest(&mut p.errors, &format!("{path}.config"), e),
                Err(other) => return Err(other),
                Ok(()) => {
                    if let Some(wanted) = p.sealed(&format!("{path}.config"), config, stored_config) {
                        let before = stored_config.filter(|c| c.as_object().is_some_and(|o| !o.is_empty()));
                        p.compare(
                            Kind::ProjectConfig,
                            entry.name.clone(),
                            Some(entry.name.clone()),
                            None,
                            before,
                            Some(tree::prune_empty(&wanted)),
                        );
                    }
                }
            }
        } else if prune && stored_config.is_some_and(|c| c.as_object().is_some_and(|o| !o.is_empty())) {
            p.compare(
                Kind::ProjectConfig,
                entry.name.clone(),
                Some(entry.name.clone()),
                None,
                stored_config,
                Some(json!({})),
            );
        }

        let existing_plans: Vec<&PlanRecord> = existing
            .map(|p| current.plans.iter().filter(|r| r.project_id == p.id).collect())
            .unwrap_or_default();
        let mut seen_plans = BTreeSet::new();
        for (j, document) in entry.plans.iter().enumerate() {
            let plan_path = format!("{path}.plans[{j}]");
            let plan = match crate::settings::document::parse::<PlanInput>(document).and_then(Plan::parse) {
                Ok(plan) => plan,
                Err(e) => {
                    nest(&mut p.errors, &plan_path, e);
                    continue;
                }
            };
            if !seen_plans.insert(plan.name.clone()) {
                p.errors.add(
                    format!("{plan_path}.name"),
                    format!("plan {:?} appears twice in {}", plan.name, entry.name),
                );
                continue;
            }
            let stored = existing_plans.iter().find(|r| r.plan.name == plan.name);
            p.compare(
                Kind::Plan,
                format!("{} / {}", entry.name, plan.name),
                Some(entry.name.clone()),
                stored.map(|r| r.id.clone()),
                stored.map(|r| plan_document(&r.plan)).as_ref(),
                Some(plan_document(&plan)),
            );
        }
        if prune {
            for stored in existing_plans.iter().filter(|r| !seen_plans.contains(&r.plan.name)) {
                p.compare(
                    Kind::Plan,
                    format!("{} / {}", entry.name, stored.plan.name),
                    Some(entry.name.clone()),
                    Some(stored.id.clone()),
                    Some(&plan_document(&stored.plan)),
                    None,
                );
            }
        }
    }
    if prune {
        for project in current.projects.iter().filter(|p| !seen_projects.contains(&p.name.to_lowercase())) {
            let before = json!({ "description": project.description, "status": project.status.as_str(), "workspace_dir": project.workspace_dir });
            p.compare(
                Kind::Project,
                project.name.clone(),
                Some(project.name.clone()),
                Some(project.id.clone()),
                Some(&before),
                None,
            );
        }
    }

    for (name, config) in &bundle.agent_configs {
        let path = format!("agent_configs.{name}");
        match crate::settings::document::parse::<AgentConfig>(config) {
            Err(e) => nest(&mut p.errors, &path, e),
            Ok(parsed) => match parsed.validate() {
                Err(e) => nest(&mut p.errors, &path, e),
                Ok(()) => {
                    let wanted = serde_json::to_value(&parsed).map_err(anyhow::Error::from)?;
                    p.compare(
                        Kind::AgentConfig,
                        name.clone(),
                        None,
                        None,
                        current.agent_configs.get(name),
                        Some(wanted),
                    );
                }
            },
        }
    }
    if prune {
        for (name, config) in
            current.agent_configs.iter().filter(|(n, _)| !bundle.agent_configs.contains_key(*n))
        {
            p.compare(Kind::AgentConfig, name.clone(), None, None, Some(config), None);
        }
    }
    integrations::plan(&mut p, &bundle.mcp_servers, &bundle.webhooks, current, prune);
    p.errors.into_result()?;
    Ok(p.planned)
}

/// Records `inner` (paths relative to the item) under the item's path.
fn nest(errors: &mut FieldErrors, path: &str, inner: FieldErrors) {
    for (field, message) in inner.to_map() {
        errors.add(if field.is_empty() { path.to_owned() } else { format!("{path}.{field}") }, message);
    }
}

fn nest_one(errors: &mut FieldErrors, path: &str, message: String) {
    errors.add(path, message);
}

/// Writes every planned change in one transaction; the first failure rolls all of it back.
async fn apply(app: &AppState, planned: &[Planned], author: &str) -> Result<(), AppError> {
    let mut tx = app.db.writer.begin().await.map_err(anyhow::Error::from)?;
    let mut project_ids: BTreeMap<String, String> = BTreeMap::new();
    let filter = store::projects::ListFilter { limit: u32::MAX, ..Default::default() };
    for project in store::projects::list(&mut *tx, &filter).await?.0 {
        project_ids.insert(project.name.to_lowercase(), project.id);
    }
    let mut saved_scopes = Vec::new();
    // Projects first (plans and configurations hang off them), deletions last.
    let mut order: Vec<&Planned> = planned.iter().filter(|p| p.action != Action::Unchanged).collect();
    order.sort_by_key(|p| (p.action == Action::Delete, p.kind));
    for item in order {
        let project_id =
            item.project.as_ref().and_then(|name| project_ids.get(&name.to_lowercase()).cloned());
        match (item.kind, &item.wanted) {
            (Kind::Global, Some(document)) => {
                saved_scopes.push((None, store_document(&mut tx, Scope::Global, document, author).await?));
            }
            (Kind::Project, Some(wanted)) => {
                let id = write_project(app, &mut tx, item, project_id.as_deref(), wanted).await?;
                project_ids.insert(item.key.to_lowercase(), id);
            }
            (Kind::Project, None) => {
                if let Some(id) = &item.id {
                    if store::projects::has_active_execution(&mut *tx, id).await? {
                        return Err(AppError::Conflict {
                            message: format!(
                                "project {} has a running execution: it cannot be deleted",
                                item.key
                            ),
                            field: Some("projects"),
                        });
                    }
                    store::projects::delete(&mut tx, id).await?;
                }
            }
            (Kind::ProjectConfig, Some(document)) => {
                let id = project_id
                    .ok_or_else(|| anyhow::anyhow!("project {} vanished during the import", item.key))?;
                saved_scopes.push((
                    Some(id.clone()),
                    store_document(&mut tx, Scope::Project(&id), document, author).await?,
                ));
            }
            (Kind::Plan, Some(document)) => {
                let project_id = project_id
                    .ok_or_else(|| anyhow::anyhow!("project of {} vanished during the import", item.key))?;
                let input: PlanInput =
                    serde_json::from_value(document.clone()).map_err(anyhow::Error::from)?;
                let plan = Plan::parse(input)?;
                let now = Timestamp::now();
                let record = PlanRecord {
                    id: item.id.clone().unwrap_or_else(|| uuid::Uuid::now_v7().to_string()),
                    project_id,
                    name: plan.name.clone(),
                    plan,
                    created_at: now,
                    updated_at: now,
                };
                store::plans::save(&mut tx, &record).await?;
            }
            (Kind::Plan, None) => {
                if let Some(id) = &item.id {
                    store::plans::delete(&mut tx, id).await?;
                }
            }
            (Kind::AgentConfig, Some(document)) => {
                let config: AgentConfig =
                    serde_json::from_value(document.clone()).map_err(anyhow::Error::from)?;
                store::agent_configs::put(&mut *tx, &item.key, None, &config).await?;
            }
            (Kind::AgentConfig, None) => {
                sqlx::query("DELETE FROM agent_configurations WHERE project_id IS NULL AND agent_name = ?")
                    .bind(&item.key)
                    .execute(&mut *tx)
                    .await
                    .map_err(anyhow::Error::from)?;
            }
            (Kind::McpServer | Kind::Webhook, _) => {
                integrations::apply(&mut tx, item, project_id.as_deref()).await?
            }
            (Kind::Global | Kind::ProjectConfig, None) => {}
        }
    }
    tx.commit().await.map_err(anyhow::Error::from)?;
    for (project_id, saved) in &saved_scopes {
        let scope = project_id.as_deref().map_or(Scope::Global, Scope::Project);
        documents::announce(app, scope, saved, Some(author)).await;
    }
    app.catalog.refresh();
    Ok(())
}

async fn store_document(
    tx: &mut SqliteConnection,
    scope: Scope<'_>,
    document: &Value,
    author: &str,
) -> Result<documents::Saved, AppError> {
    documents::store_on(tx, scope, document.clone(), Some(author), None).await
}

/// Creates or updates a project from a planned item; returns its id.
async fn write_project(
    app: &AppState,
    tx: &mut SqliteConnection,
    item: &Planned,
    id: Option<&str>,
    wanted: &Value,
) -> Result<String, AppError> {
    let text = |key: &str| wanted.get(key).and_then(Value::as_str).map(str::to_owned);
    let status = text("status")
        .map(|s| crate::domain::project::ProjectStatus::parse(&s))
        .transpose()
        .map_err(|m| AppError::invalid("status", m))?
        .unwrap_or_default();
    let now = Timestamp::now();
    match id.map(str::to_owned) {
        Some(id) => {
            let mut project =
                store::projects::get(&mut *tx, &id).await?.ok_or(AppError::NotFound("project"))?;
            project.description = text("description");
            project.status = status;
            project.workspace_dir = text("workspace_dir").or(project.workspace_dir);
            project.updated_at = Timestamp::now_after(project.updated_at);
            store::projects::update(&mut *tx, &project).await.map_err(anyhow::Error::from)?;
            Ok(id)
        }
        None => {
            let id = uuid::Uuid::now_v7().to_string();
            let workspace = text("workspace_dir")
                .map(std::path::PathBuf::from)
                .unwrap_or_else(|| app.workspaces_root().join(&id));
            super::super::projects::ensure_workspace(&workspace).await?;
            let project = Project {
                id: id.clone(),
                name: item.key.clone(),
                description: text("description"),
                status,
                workspace_dir: Some(workspace.to_string_lossy().into_owned()),
                config: Value::Object(Map::new()),
                created_at: now,
                updated_at: now,
            };
            store::projects::insert(&mut *tx, &project).await.map_err(anyhow::Error::from)?;
            Ok(id)
        }
    }
}
