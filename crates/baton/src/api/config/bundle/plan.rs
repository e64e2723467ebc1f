//! Checking each item of a bundle and comparing it with what is stored.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::{Action, Bundle, Current, Kind, Planned, integrations, plan_document};
use crate::{
    api::config::documents,
    app::AppState,
    domain::{
        agent_config::AgentConfig,
        field_errors::FieldErrors,
        plan::{Plan, PlanInput},
        project::{CreateProject, NewProject},
    },
    error::AppError,
    settings::tree,
    store::{config::Scope, plans::PlanRecord},
    vault::{self, Vault},
};

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

/// Every item of the bundle checked and compared; errors are keyed by the item's path in the
/// bundle and nothing is written.
pub(super) fn plan_import(
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
                .map_err(|m| p.errors.add(format!("{path}.status"), m))
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
pub(super) fn nest(errors: &mut FieldErrors, path: &str, inner: FieldErrors) {
    for (field, message) in inner.to_map() {
        errors.add(if field.is_empty() { path.to_owned() } else { format!("{path}.{field}") }, message);
    }
}
