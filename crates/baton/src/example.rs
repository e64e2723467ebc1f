//! Something to try at once: a brand-new Baton has a project whose plan runs on a simulated
//! agent (`baton fake-claude`), so a new user can start it and watch it without a model.

use serde_json::json;

use crate::{
    app::AppState,
    domain::{
        agent_config::{AgentConfig, RunnerKind},
        plan::{Plan, PlanInput},
        project::{Project, ProjectStatus},
        timestamp::Timestamp,
    },
    store::{self, plans::PlanRecord},
};

pub const PROJECT_NAME: &str = "Example: checkout feature (simulated agents)";

const PLAN: &str = r#"
name: checkout-feature
max_parallel: 3
on_failure: continue
tasks:
  - {id: research, agent: business-analyst, prompt: "Summarise what shoppers need from a one-page checkout."}
  - {id: schema, agent: database-architect, prompt: "Design the orders and payments schema.", depends_on: [research]}
  - {id: api, agent: backend-expert, prompt: "Implement the checkout API on the new schema.", depends_on: [schema]}
  - {id: ui, agent: frontend-expert, prompt: "Build the checkout page against the API contract.", depends_on: [schema]}
  - {id: security, agent: security-specialist, prompt: "Review the payment flow for security issues.", depends_on: [schema]}
  - {id: qa, agent: qa-test-engineer, prompt: "Test checkout end to end.", depends_on: [api, ui, security]}
  - {id: deploy, agent: devops-sre-expert, prompt: "Prepare the rollout plan.", depends_on: [qa]}
"#;

/// Creates the example project, its plan (the default) and a simulated runner for its agents.
pub async fn create(app: &AppState) -> anyhow::Result<()> {
    let exe = std::env::current_exe()?.to_string_lossy().into_owned();
    let input: PlanInput = serde_norway::from_str(PLAN)?;
    let plan = Plan::parse(input).map_err(|e| anyhow::anyhow!("the example plan is invalid: {e}"))?;
    let now = Timestamp::now();
    let id = uuid::Uuid::now_v7().to_string();
    let workspace = app.workspaces_root().join(&id);
    tokio::fs::create_dir_all(&workspace).await?;
    let project = Project {
        id: id.clone(),
        name: PROJECT_NAME.into(),
        description: Some(
            "Runs a simulated agent (baton fake-claude), not a model: it prints what Claude Code would, \
             so you can start the plan and watch it. Point agents at the real `claude` in their configuration."
                .into(),
        ),
        status: ProjectStatus::Active,
        workspace_dir: Some(workspace.to_string_lossy().into_owned()),
        config: json!({"example": true, "simulated": true}),
        created_at: now,
        updated_at: now,
    };
    let record = PlanRecord {
        id: uuid::Uuid::now_v7().to_string(),
        project_id: id.clone(),
        name: plan.name.clone(),
        plan,
        created_at: now,
        updated_at: now,
    };
    let simulated = AgentConfig {
        runner: RunnerKind::Claude,
        command: vec![exe, "fake-claude".into()],
        ..Default::default()
    };
    let mut tx = app.db.writer.begin().await?;
    store::projects::insert(&mut *tx, &project).await?;
    store::plans::save(&mut tx, &record).await?;
    store::plans::set_default(&mut *tx, &id, Some(&record.id)).await?;
    for task in &record.plan.tasks {
        store::agent_configs::put(&mut *tx, &task.agent, Some(&id), &simulated).await?;
    }
    tx.commit().await?;
    tracing::info!(project = PROJECT_NAME, "created the example project");
    Ok(())
}
