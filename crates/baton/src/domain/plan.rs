//! Plans: a DAG of agent tasks, written as a list of tasks with dependencies or as phases that
//! run one after another (the legacy orchestrator's levels). Parsing validates everything a run
//! relies on, so the scheduler never meets an unknown dependency or a cycle.

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    time::Duration,
};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::field_errors::FieldErrors;

/// What a failed task does to tasks that do not depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OnFailure {
    /// Independent branches run to the end; only the failed task's dependents are skipped.
    #[default]
    Continue,
    /// The first failure cancels everything still running or pending.
    FailFast,
}

/// A plan as written (JSON or YAML), before validation.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanInput {
    #[schema(example = "checkout-feature")]
    pub name: Option<String>,
    /// Tasks running at once in one execution (default 4).
    pub max_parallel: Option<u32>,
    /// Spending cap in US dollars; when the execution's cost passes it, the execution is cancelled.
    pub budget_usd: Option<f64>,
    pub on_failure: Option<OnFailure>,
    /// The tasks and their dependencies. Give either `tasks` or `phases`.
    pub tasks: Option<Vec<TaskInput>>,
    /// Phases run one after another; every task of a phase depends on every task of the one before.
    pub phases: Option<Vec<PhaseInput>>,
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskInput {
    /// Unique in the plan: letters, digits, `-`, `_`, `.`; at most 64 characters.
    pub id: Option<String>,
    pub agent: Option<String>,
    #[serde(default)]
    pub prompt: String,
    #[serde(default)]
    pub depends_on: Vec<String>,
    /// e.g. `90s`, `30m`, `2h`, `1h30m`.
    pub timeout: Option<String>,
    /// Further attempts after a failure (default 0, at most 10).
    pub retries: Option<u32>,
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PhaseInput {
    pub name: Option<String>,
    pub agents: Vec<PhaseAgent>,
}

/// An agent of a phase: its name alone, or a task without `depends_on`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum PhaseAgent {
    Name(String),
    Task(TaskInput),
}

/// A validated plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Plan {
    pub name: String,
    pub max_parallel: u32,
    pub budget_usd: Option<f64>,
    pub on_failure: OnFailure,
    pub tasks: Vec<Task>,
}

/// A validated task of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Task {
    pub id: String,
    pub agent: String,
    pub prompt: String,
    pub depends_on: Vec<String>,
    /// Seconds, if the task has a timeout.
    pub timeout_s: Option<u64>,
    pub retries: u32,
    /// The phase the task came from, for plans written as phases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
}

pub const DEFAULT_MAX_PARALLEL: u32 = 4;
pub const MAX_TASKS: usize = 5_000;
const MAX_RETRIES: u32 = 10;

impl Plan {
    /// Validates a plan; every problem is reported with the path of the field at fault.
    pub fn parse(input: PlanInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = match input.name.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() && name.chars().count() <= 100 => name.to_owned(),
            Some(_) => {
                errors.add("name", "must be 1 to 100 characters");
                String::new()
            }
            None => {
                errors.add("name", "is required");
                String::new()
            }
        };
        let max_parallel = input.max_parallel.unwrap_or(DEFAULT_MAX_PARALLEL);
        if !(1..=256).contains(&max_parallel) {
            errors.add("max_parallel", "must be between 1 and 256");
        }
        if let Some(budget) = input.budget_usd
            && !(budget.is_finite() && budget > 0.0)
        {
            errors.add("budget_usd", "must be a positive number of dollars");
        }
        let (tasks, prefix) = match (input.tasks, input.phases) {
            (Some(_), Some(_)) => {
                errors.add("tasks", "give either tasks or phases, not both");
                (Vec::new(), "tasks")
            }
            (Some(tasks), None) => (tasks.into_iter().map(|t| (t, None)).collect(), "tasks"),
            (None, Some(phases)) => (from_phases(phases, &mut errors), "phases"),
            (None, None) => (Vec::new(), "tasks"),
        };
        if tasks.is_empty() {
            errors.add(prefix, "the plan has no tasks");
        } else if tasks.len() > MAX_TASKS {
            errors.add(prefix, format!("a plan may have at most {MAX_TASKS} tasks"));
        }
        let tasks = validate_tasks(tasks, &mut errors);
        if errors.is_empty()
            && let Some(cycle) = find_cycle(&tasks)
        {
            errors.add(
                "tasks",
                format!("dependency cycle: {} (each task depends on the next)", cycle.join(" → ")),
            );
        }
        errors.into_result()?;
        Ok(Self {
            name,
            max_parallel,
            budget_usd: input.budget_usd,
            on_failure: input.on_failure.unwrap_or_default(),
            tasks,
        })
    }

    pub fn task(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id == id)
    }

    /// `ids` and every task that depends on one of them, directly or not.
    pub fn with_dependents(&self, ids: &HashSet<String>) -> HashSet<String> {
        let mut selected = ids.clone();
        loop {
            let before = selected.len();
            for task in &self.tasks {
                if task.depends_on.iter().any(|d| selected.contains(d)) {
                    selected.insert(task.id.clone());
                }
            }
            if selected.len() == before {
                return selected;
            }
        }
    }
}

/// Phases become tasks: each depends on every task of the phase before.
fn from_phases(phases: Vec<PhaseInput>, errors: &mut FieldErrors) -> Vec<(TaskInput, Option<String>)> {
    let mut tasks = Vec::new();
    let mut previous: Vec<String> = Vec::new();
    for (p, phase) in phases.into_iter().enumerate() {
        let name = phase
            .name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .unwrap_or(format!("Phase {}", p + 1));
        if phase.agents.is_empty() {
            errors.add(format!("phases[{p}].agents"), "a phase needs at least one agent");
        }
        let slug = slug(&name);
        let mut current = Vec::new();
        for agent in phase.agents {
            let mut task = match agent {
                PhaseAgent::Name(agent) => {
                    TaskInput { agent: Some(agent), prompt: name.clone(), ..Default::default() }
                }
                PhaseAgent::Task(task) => task,
            };
            if !task.depends_on.is_empty() {
                errors.add(
                    format!("phases[{p}].agents"),
                    "tasks of a phase depend on the phase before; drop depends_on",
                );
            }
            let id = task
                .id
                .clone()
                .unwrap_or_else(|| format!("{slug}.{}", task.agent.as_deref().unwrap_or("agent")));
            task.id = Some(id.clone());
            task.depends_on = previous.clone();
            current.push(id);
            tasks.push((task, Some(name.clone())));
        }
        previous = current;
    }
    tasks
}

fn slug(text: &str) -> String {
    let slug: String =
        text.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    slug.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-")
}

fn validate_tasks(inputs: Vec<(TaskInput, Option<String>)>, errors: &mut FieldErrors) -> Vec<Task> {
    let ids: HashSet<String> = inputs.iter().filter_map(|(t, _)| t.id.clone()).collect();
    let mut seen = HashSet::new();
    let mut tasks = Vec::with_capacity(inputs.len());
    for (i, (input, phase)) in inputs.into_iter().enumerate() {
        let at = |field: &str| format!("tasks[{i}].{field}");
        let id = match input.id {
            Some(id) if valid_id(&id) => id,
            Some(id) => {
                errors.add(at("id"), format!("{id:?} must be 1–64 letters, digits, '-', '_' or '.'"));
                id
            }
            None => {
                errors.add(at("id"), "is required");
                String::new()
            }
        };
        if !id.is_empty() && !seen.insert(id.clone()) {
            errors.add(at("id"), format!("duplicate task id {id:?}"));
        }
        let agent = input.agent.map(|a| a.trim().to_owned()).unwrap_or_default();
        if agent.is_empty() || agent.chars().count() > 100 {
            errors.add(at("agent"), "is required (1 to 100 characters)");
        }
        for dependency in &input.depends_on {
            if !ids.contains(dependency) {
                errors.add(at("depends_on"), format!("unknown task {dependency:?}"));
            } else if *dependency == id {
                errors.add(at("depends_on"), "a task cannot depend on itself");
            }
        }
        let timeout_s = input.timeout.as_deref().and_then(|text| match parse_duration(text) {
            Ok(duration) => Some(duration.as_secs()),
            Err(message) => {
                errors.add(at("timeout"), message);
                None
            }
        });
        let retries = input.retries.unwrap_or(0);
        if retries > MAX_RETRIES {
            errors.add(at("retries"), format!("must be at most {MAX_RETRIES}"));
        }
        let mut depends_on = input.depends_on;
        depends_on.dedup();
        tasks.push(Task { id, agent, prompt: input.prompt, depends_on, timeout_s, retries, phase });
    }
    tasks
}

fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// `90s`, `30m`, `2h`, `1h30m`, `1d`, or a bare number of seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let bad = || format!("{text:?} is not a duration (use 90s, 30m, 2h or 1h30m)");
    let text = text.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return if seconds > 0 { Ok(Duration::from_secs(seconds)) } else { Err(bad()) };
    }
    let mut total: u64 = 0;
    let mut number = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return Err(bad()),
        };
        let value: u64 = number.parse().map_err(|_| bad())?;
        total = value.checked_mul(unit).and_then(|v| total.checked_add(v)).ok_or_else(bad)?;
        number.clear();
    }
    if !number.is_empty() || total == 0 {
        return Err(bad());
    }
    Ok(Duration::from_secs(total))
}

/// A dependency cycle as a path of task ids that ends where it starts, if the plan has one.
pub fn find_cycle(tasks: &[Task]) -> Option<Vec<String>> {
    let edges: HashMap<&str, &[String]> =
        tasks.iter().map(|t| (t.id.as_str(), t.depends_on.as_slice())).collect();
    // 0 = unvisited, 1 = on the current path, 2 = done.
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    let mut path: Vec<&str> = Vec::new();
    fn visit<'a>(
        node: &'a str,
        edges: &HashMap<&'a str, &'a [String]>,
        state: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match state.get(node).copied().unwrap_or(0) {
            2 => return None,
            1 => {
                let start = path.iter().position(|n| *n == node).unwrap_or(0);
                let mut cycle: Vec<String> = path[start..].iter().map(|s| (*s).to_owned()).collect();
                cycle.push(node.to_owned());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(node, 1);
        path.push(node);
        for dependency in edges.get(node).copied().unwrap_or_default() {
            if let Some(cycle) = visit(dependency.as_str(), edges, state, path) {
                return Some(cycle);
            }
        }
        path.pop();
        state.insert(node, 2);
        None
    }
    tasks.iter().find_map(|task| visit(task.id.as_str(), &edges, &mut state, &mut path))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn parse(value: serde_json::Value) -> Result<Plan, FieldErrors> {
        Plan::parse(serde_json::from_value(value).expect("deserializes"))
    }

    fn diamond() -> serde_json::Value {
        json!({"name": "checkout", "tasks": [
            {"id": "schema", "agent": "database-architect", "prompt": "Design"},
            {"id": "api", "agent": "backend-expert", "depends_on": ["schema"], "timeout": "30m", "retries": 1},
            {"id": "ui", "agent": "frontend-expert", "depends_on": ["schema"]},
            {"id": "qa", "agent": "qa-test-engineer", "depends_on": ["api", "ui"]}
        ]})
    }

    #[test]
    fn a_diamond_plan_parses_with_defaults() {
        let plan = parse(diamond()).expect("valid");
        assert_eq!(plan.max_parallel, 4);
        assert_eq!(plan.on_failure, OnFailure::Continue);
        assert_eq!(plan.task("api").map(|t| (t.timeout_s, t.retries)), Some((Some(1800), 1)));
        let dependents = plan.with_dependents(&HashSet::from(["api".to_owned()]));
        assert_eq!(dependents, HashSet::from(["api".to_owned(), "qa".to_owned()]));
    }

    #[test]
    fn the_yaml_form_of_the_issue_parses() {
        let yaml = "name: checkout-feature\nmax_parallel: 3\nbudget_usd: 5.00\non_failure: fail_fast\ntasks:\n  - {id: schema, agent: database-architect, prompt: \"Design the orders schema\"}\n  - {id: api, agent: backend-expert, prompt: \"Implement the API\", depends_on: [schema], timeout: 30m, retries: 1}\n";
        let input: PlanInput = serde_norway::from_str(yaml).expect("yaml");
        let plan = Plan::parse(input).expect("valid");
        assert_eq!(
            (plan.max_parallel, plan.budget_usd, plan.on_failure),
            (3, Some(5.0), OnFailure::FailFast)
        );
    }

    #[test]
    fn phases_depend_on_the_whole_phase_before() {
        let plan = parse(json!({"name": "level 2", "phases": [
            {"name": "Research & Analysis", "agents": ["business-analyst", {"agent": "competitive-intelligence-expert", "prompt": "Scan"}]},
            {"name": "Implementation", "agents": ["backend-expert", "frontend-expert"]}
        ]}))
        .expect("valid");
        let backend = plan.task("implementation.backend-expert").expect("task");
        assert_eq!(
            backend.depends_on,
            ["research-analysis.business-analyst", "research-analysis.competitive-intelligence-expert"]
        );
        assert_eq!(backend.phase.as_deref(), Some("Implementation"));
        assert!(plan.task("research-analysis.business-analyst").expect("task").depends_on.is_empty());
    }

    #[test]
    fn each_invalid_plan_is_refused_with_a_precise_message() {
        let cases = [
            (json!({"name": "x", "tasks": []}), "tasks", "the plan has no tasks"),
            (json!({"name": "x"}), "tasks", "the plan has no tasks"),
            (json!({"tasks": [{"id": "a", "agent": "x"}]}), "name", "is required"),
            (
                json!({"name": "x", "tasks": [{"id": "a", "agent": "x"}, {"id": "a", "agent": "y"}]}),
                "tasks[1].id",
                "duplicate task id \"a\"",
            ),
            (
                json!({"name": "x", "tasks": [{"id": "a", "agent": "x", "depends_on": ["ghost"]}]}),
                "tasks[0].depends_on",
                "unknown task \"ghost\"",
            ),
            (
                json!({"name": "x", "tasks": [{"id": "a", "agent": "x", "timeout": "30x"}]}),
                "tasks[0].timeout",
                "\"30x\" is not a duration (use 90s, 30m, 2h or 1h30m)",
            ),
            (
                json!({"name": "x", "tasks": [
                    {"id": "a", "agent": "x", "depends_on": ["c"]},
                    {"id": "b", "agent": "x", "depends_on": ["a"]},
                    {"id": "c", "agent": "x", "depends_on": ["b"]}]}),
                "tasks",
                "dependency cycle: a → c → b → a (each task depends on the next)",
            ),
            (
                json!({"name": "x", "tasks": [{"id": "a", "agent": ""}]}),
                "tasks[0].agent",
                "is required (1 to 100 characters)",
            ),
            (
                json!({"name": "x", "max_parallel": 0, "tasks": [{"id": "a", "agent": "x"}]}),
                "max_parallel",
                "must be between 1 and 256",
            ),
            (
                json!({"name": "x", "budget_usd": -1, "tasks": [{"id": "a", "agent": "x"}]}),
                "budget_usd",
                "must be a positive number of dollars",
            ),
        ];
        for (plan, field, message) in cases {
            let errors = parse(plan.clone()).expect_err("invalid").to_map();
            assert_eq!(errors.get(field).map(String::as_str), Some(message), "{plan}: {errors:?}");
        }
    }

    #[test]
    fn durations_are_read_in_the_common_forms() {
        for (text, seconds) in
            [("90s", 90), ("30m", 1800), ("2h", 7200), ("1h30m", 5400), ("1d", 86_400), ("45", 45)]
        {
            assert_eq!(parse_duration(text), Ok(Duration::from_secs(seconds)), "{text}");
        }
        for text in ["", "0", "m", "10 minutes", "-5s", "1.5h", "99999999999999999999d"] {
            assert!(parse_duration(text).is_err(), "{text:?}");
        }
    }

    #[test]
    fn a_self_loop_is_a_cycle_too() {
        let tasks = vec![Task {
            id: "a".into(),
            agent: "x".into(),
            prompt: String::new(),
            depends_on: vec!["a".into()],
            timeout_s: None,
            retries: 0,
            phase: None,
        }];
        assert_eq!(find_cycle(&tasks), Some(vec!["a".to_owned(), "a".to_owned()]));
    }
}
