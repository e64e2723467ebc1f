//! Writing an import's items, all in one transaction.

use std::collections::BTreeMap;

use serde_json::{Map, Value};
use sqlx::SqliteConnection;

use super::{Action, Kind, Planned, integrations};
use crate::{
    api::config::documents,
    app::AppState,
    domain::{
        agent_config::AgentConfig,
        plan::{Plan, PlanInput},
        project::Project,
        timestamp::Timestamp,
    },
    error::AppError,
    store::{self, config::Scope, plans::PlanRecord},
};

/// Writes every planned change in one transaction; the first failure rolls all of it back.
pub(super) async fn apply(app: &AppState, planned: &[Planned], author: &str) -> Result<(), AppError> {
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
                saved_scopes.push((
                    None,
                    documents::store_on(&mut tx, Scope::Global, document.clone(), Some(author), None).await?,
                ));
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
                    documents::store_on(&mut tx, Scope::Project(&id), document.clone(), Some(author), None)
                        .await?,
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
            crate::api::projects::ensure_workspace(&workspace).await?;
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
