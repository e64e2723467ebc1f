//! The agent catalog: every agent Baton knows (from definition files, registries, its own
//! configuration, and tasks it has seen), with live status and what each has done.

use std::collections::{BTreeSet, HashMap};

use axum::{
    Json,
    extract::{Path, State},
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    agents::{AgentConfigView, config_view},
    extract::AppQuery,
};
use crate::{
    app::AppState,
    auth::Viewer,
    catalog::{CatalogAgent, CatalogProblem, DefinitionSource},
    domain::{field_errors::FieldErrors, timestamp::Timestamp},
    error::{AppError, ErrorBody},
    store::{
        self,
        agent_stats::{AgentStats, RecentTask},
        dashboard::{AgentStatus, Bucket, Range, RunningTask},
    },
};

/// The window of the stats on each card.
const STATS_DAYS: i64 = 30;
const RECENT_TASKS: u32 = 20;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_agents))
        .routes(routes!(get_agent))
        .routes(routes!(agent_status))
        .routes(routes!(agent_metrics))
}

/// One agent as listed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Agent {
    pub name: String,
    /// The front matter's description, `\n` escapes turned into line breaks.
    pub description: Option<String>,
    pub model: Option<String>,
    /// As written in the file: a colour name or `#rrggbb`.
    pub color: Option<String>,
    /// None: every tool.
    pub tools: Option<Vec<String>>,
    pub category: Option<String>,
    pub expertise: Vec<String>,
    pub collaborates_with: Vec<String>,
    /// Where Baton knows it from: `file`, `registry`, `configured`, `seen`.
    pub origins: Vec<&'static str>,
    /// The file that defines it (a project's beats the user's beats an extra directory's).
    pub definition: Option<DefinitionSource>,
    /// Why its file could not be read as intended.
    pub error: Option<String>,
    /// `idle` or `running`.
    #[schema(example = "running")]
    pub status: &'static str,
    pub running: Vec<RunningTask>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_seen: Option<Timestamp>,
    /// The last 30 days.
    pub stats: AgentStats,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgentList {
    /// Running first, then by name.
    pub items: Vec<Agent>,
    /// Every category in the catalog, for filters.
    pub categories: Vec<String>,
    /// Registry files that could not be read.
    pub problems: Vec<CatalogProblem>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListParams {
    /// Matches name, description, category and expertise (any case).
    q: Option<String>,
    category: Option<String>,
    /// `idle` or `running`.
    status: Option<String>,
    /// Only agents usable in this project, with its own files winning.
    project_id: Option<String>,
}

/// Every agent Baton knows.
#[utoipa::path(get, path = "/api/agents", tag = "agents", params(ListParams),
    responses((status = 200, body = AgentList), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn list_agents(
    State(app): State<AppState>,
    _: Viewer,
    AppQuery(params): AppQuery<ListParams>,
) -> Result<Json<AgentList>, AppError> {
    let mut errors = FieldErrors::new();
    if params.status.as_deref().is_some_and(|s| s != "idle" && s != "running") {
        errors.add("status", "must be idle or running");
    }
    errors.into_result()?;
    let project = params.project_id.as_deref();
    if let Some(project) = project {
        store::projects::get(&app.db.reader, project).await?.ok_or(AppError::NotFound("project"))?;
    }
    let snapshot = app.catalog.snapshot();
    let known = Known::load(&app, project).await?;
    let mut names: BTreeSet<&str> = known.configured.iter().chain(&known.seen).map(String::as_str).collect();
    names.extend(snapshot.agents.keys().map(String::as_str));
    let q = params.q.as_deref().map(str::to_lowercase).filter(|q| !q.is_empty());
    let mut items: Vec<Agent> = names
        .into_iter()
        .filter_map(|name| {
            let catalog = snapshot.agent_for(name, project);
            if catalog.is_none() && !known.configured.contains(name) && !known.seen.contains(name) {
                return None;
            }
            Some(known.agent(name, catalog.as_ref()))
        })
        .filter(|agent| params.status.as_deref().is_none_or(|s| agent.status == s))
        .filter(|agent| {
            params
                .category
                .as_deref()
                .is_none_or(|c| agent.category.as_deref().is_some_and(|a| a.eq_ignore_ascii_case(c)))
        })
        .filter(|agent| q.as_deref().is_none_or(|q| matches(agent, q)))
        .collect();
    items.sort_by(|a, b| {
        (b.status == "running").cmp(&(a.status == "running")).then_with(|| a.name.cmp(&b.name))
    });
    let categories: BTreeSet<String> =
        snapshot.agents.values().filter_map(|a| a.registry.as_ref()?.category.clone()).collect();
    Ok(Json(AgentList {
        items,
        categories: categories.into_iter().collect(),
        problems: snapshot.problems.clone(),
    }))
}

/// An agent with everything known about it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgentDetail {
    #[serde(flatten)]
    pub agent: Agent,
    /// The file's Markdown body: the agent's system prompt.
    pub prompt: Option<String>,
    /// Other front-matter fields (maxTurns, mcpServers, hooks, ...).
    #[schema(value_type = Object)]
    pub extra: Map<String, Value>,
    /// Other files with the same name, which lost.
    pub shadowed: Vec<DefinitionSource>,
    /// The registry's other fields (special_role, ...).
    #[schema(value_type = Object)]
    pub registry_extra: Map<String, Value>,
    pub config: AgentConfigView,
    /// Its newest task attempts.
    pub recent: Vec<RecentTask>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct DetailParams {
    /// See the agent as this project does (its own file wins; its configuration override).
    project_id: Option<String>,
}

/// One agent: its definition and prompt, configuration, and recent work.
#[utoipa::path(get, path = "/api/agents/{name}", tag = "agents",
    params(("name" = String, Path, description = "Agent name"), DetailParams),
    responses((status = 200, body = AgentDetail), (status = 404, body = ErrorBody)))]
async fn get_agent(
    State(app): State<AppState>,
    _: Viewer,
    Path(name): Path<String>,
    AppQuery(params): AppQuery<DetailParams>,
) -> Result<Json<AgentDetail>, AppError> {
    let project = params.project_id.as_deref();
    let known = Known::load(&app, project).await?;
    let catalog = app.catalog.snapshot().agent_for(&name, project);
    if catalog.is_none() && !known.configured.contains(&name) && !known.seen.contains(&name) {
        return Err(AppError::NotFound("agent"));
    }
    let agent = known.agent(&name, catalog.as_ref());
    let definition = catalog.as_ref().and_then(|c| c.definition.as_ref());
    let config = config_view(&app, &name, project).await?;
    let recent = store::agent_stats::recent(&app.db.reader, &name, RECENT_TASKS).await?;
    Ok(Json(AgentDetail {
        prompt: definition.map(|(d, _)| d.prompt.clone()).filter(|p| !p.is_empty()),
        extra: definition.map(|(d, _)| d.extra.clone()).unwrap_or_default(),
        shadowed: catalog
            .as_ref()
            .map(|c| c.shadowed.iter().map(|(_, s)| s.clone()).collect())
            .unwrap_or_default(),
        registry_extra: catalog
            .as_ref()
            .and_then(|c| c.registry.as_ref())
            .map(|r| r.extra.clone())
            .unwrap_or_default(),
        agent,
        config,
        recent,
    }))
}

/// Whether the agent is working now, on what, and when it was last seen.
#[utoipa::path(get, path = "/api/agents/{name}/status", tag = "agents",
    params(("name" = String, Path, description = "Agent name")),
    responses((status = 200, body = AgentStatus)))]
async fn agent_status(
    State(app): State<AppState>,
    _: Viewer,
    Path(name): Path<String>,
) -> Result<Json<AgentStatus>, AppError> {
    let status = store::dashboard::agent_statuses(&app.db.reader, Some(&name)).await?.into_iter().next();
    Ok(Json(status.unwrap_or(AgentStatus {
        agent: name,
        status: "idle",
        running: Vec::new(),
        last_seen: None,
    })))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct MetricsParams {
    /// `1h`, `24h` (default), `7d` or `30d`.
    range: Option<Range>,
}

/// An agent's task attempts over a window.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgentMetrics {
    pub agent: String,
    pub range: Range,
    pub bucket_seconds: i64,
    pub totals: AgentStats,
    /// Attempts by when they started, oldest first.
    pub buckets: Vec<Bucket>,
}

/// What the agent did over `range`: attempts by outcome, durations, tokens, cost.
#[utoipa::path(get, path = "/api/agents/{name}/metrics", tag = "agents",
    params(("name" = String, Path, description = "Agent name"), MetricsParams),
    responses((status = 200, body = AgentMetrics), (status = 422, body = ErrorBody)))]
async fn agent_metrics(
    State(app): State<AppState>,
    _: Viewer,
    Path(name): Path<String>,
    AppQuery(params): AppQuery<MetricsParams>,
) -> Result<Json<AgentMetrics>, AppError> {
    let range = params.range.unwrap_or(Range::Day);
    let (bucket_seconds, totals, buckets) =
        store::agent_stats::series(&app.db.reader, &name, range, Timestamp::now()).await?;
    Ok(Json(AgentMetrics { agent: name, range, bucket_seconds, totals, buckets }))
}

/// What the database knows about agents, read once per request.
struct Known {
    configured: BTreeSet<String>,
    seen: BTreeSet<String>,
    statuses: HashMap<String, AgentStatus>,
    stats: HashMap<String, AgentStats>,
}

impl Known {
    async fn load(app: &AppState, project: Option<&str>) -> Result<Self, AppError> {
        let db = &app.db.reader;
        let since = Timestamp::now().plus_seconds(-STATS_DAYS * 86_400);
        Ok(Self {
            configured: store::agent_stats::configured(db).await?,
            seen: store::agent_stats::seen(db, project).await?,
            statuses: store::dashboard::agent_statuses(db, None)
                .await?
                .into_iter()
                .map(|s| (s.agent.clone(), s))
                .collect(),
            stats: store::agent_stats::by_agent(db, since).await?,
        })
    }

    fn agent(&self, name: &str, catalog: Option<&CatalogAgent>) -> Agent {
        let definition = catalog.and_then(|c| c.definition.as_ref());
        let registry = catalog.and_then(|c| c.registry.as_ref());
        let status = self.statuses.get(name);
        let mut origins = Vec::new();
        if definition.is_some() {
            origins.push("file");
        }
        if registry.is_some() {
            origins.push("registry");
        }
        if self.configured.contains(name) {
            origins.push("configured");
        }
        if self.seen.contains(name) {
            origins.push("seen");
        }
        Agent {
            name: name.to_owned(),
            description: definition.and_then(|(d, _)| d.description.clone()),
            model: definition.and_then(|(d, _)| d.model.clone()),
            color: definition.and_then(|(d, _)| d.color.clone()),
            tools: definition.and_then(|(d, _)| d.tools.clone()),
            category: registry.and_then(|r| r.category.clone()),
            expertise: registry.map(|r| r.expertise.clone()).unwrap_or_default(),
            collaborates_with: registry.map(|r| r.collaborates_with.clone()).unwrap_or_default(),
            origins,
            definition: definition.map(|(_, s)| s.clone()),
            error: definition.and_then(|(d, _)| d.error.clone()),
            status: status.map_or("idle", |s| s.status),
            running: status.map(|s| s.running.clone()).unwrap_or_default(),
            last_seen: status.and_then(|s| s.last_seen),
            stats: self.stats.get(name).cloned().unwrap_or_default(),
        }
    }
}

fn matches(agent: &Agent, q: &str) -> bool {
    let has = |text: &str| text.to_lowercase().contains(q);
    has(&agent.name)
        || agent.description.as_deref().is_some_and(has)
        || agent.category.as_deref().is_some_and(has)
        || agent.expertise.iter().any(|e| has(e))
}
