//! Which agents hand work to which: a task's agent receives work from the agents of the tasks it
//! depends on. Counted over many plans, this is the team's collaboration graph.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use utoipa::ToSchema;

use super::plan::Plan;

/// An agent of the graph: how many tasks it had and in how many executions.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct CollaboratingAgent {
    pub agent: String,
    pub tasks: u64,
    pub executions: u64,
}

/// `from` handed work to `to` (`to`'s task depended on `from`'s) `count` times, in `executions`
/// executions. `from == to` when an agent's tasks follow each other.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Handoff {
    pub from: String,
    pub to: String,
    pub count: u64,
    pub executions: u64,
}

/// Tallies plans one at a time; `finish` gives agents by name and hand-offs by count.
#[derive(Debug, Default)]
pub struct Tally {
    agents: BTreeMap<String, (u64, u64)>,
    handoffs: BTreeMap<(String, String), (u64, u64)>,
}

impl Tally {
    /// Adds one execution's plan.
    pub fn add(&mut self, plan: &Plan) {
        let agent_of: BTreeMap<&str, &str> =
            plan.tasks.iter().map(|t| (t.id.as_str(), t.agent.as_str())).collect();
        let mut agents = BTreeSet::new();
        let mut pairs = BTreeSet::new();
        for task in &plan.tasks {
            self.agents.entry(task.agent.clone()).or_default().0 += 1;
            agents.insert(task.agent.as_str());
            for from in task.depends_on.iter().filter_map(|d| agent_of.get(d.as_str())) {
                self.handoffs.entry(((*from).to_owned(), task.agent.clone())).or_default().0 += 1;
                pairs.insert((*from, task.agent.as_str()));
            }
        }
        for agent in agents {
            self.agents.entry(agent.to_owned()).or_default().1 += 1;
        }
        for (from, to) in pairs {
            self.handoffs.entry((from.to_owned(), to.to_owned())).or_default().1 += 1;
        }
    }

    pub fn finish(self) -> (Vec<CollaboratingAgent>, Vec<Handoff>) {
        let agents = self
            .agents
            .into_iter()
            .map(|(agent, (tasks, executions))| CollaboratingAgent { agent, tasks, executions })
            .collect();
        let mut handoffs: Vec<Handoff> = self
            .handoffs
            .into_iter()
            .map(|((from, to), (count, executions))| Handoff { from, to, count, executions })
            .collect();
        handoffs.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| (&a.from, &a.to).cmp(&(&b.from, &b.to))));
        (agents, handoffs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{Plan, PlanInput};

    fn plan(json: serde_json::Value) -> Plan {
        Plan::parse(serde_json::from_value::<PlanInput>(json).expect("a plan input")).expect("a valid plan")
    }

    #[test]
    fn dependencies_become_handoffs_counted_per_task_and_per_execution() {
        let first = plan(serde_json::json!({"name": "a", "tasks": [
            {"id": "api", "agent": "backend"},
            {"id": "ui", "agent": "frontend", "depends_on": ["api"]},
            {"id": "docs", "agent": "frontend", "depends_on": ["api"]},
            {"id": "qa", "agent": "tester", "depends_on": ["ui", "docs"]},
        ]}));
        let second = plan(serde_json::json!({"name": "b", "phases": [
            {"name": "Build", "agents": ["backend"]},
            {"name": "Check", "agents": ["backend", "tester"]},
        ]}));
        let mut tally = Tally::default();
        tally.add(&first);
        tally.add(&second);
        let (agents, handoffs) = tally.finish();

        let names: Vec<(&str, u64, u64)> =
            agents.iter().map(|a| (a.agent.as_str(), a.tasks, a.executions)).collect();
        assert_eq!(names, [("backend", 3, 2), ("frontend", 2, 1), ("tester", 2, 2)]);
        let edges: Vec<(&str, &str, u64, u64)> =
            handoffs.iter().map(|h| (h.from.as_str(), h.to.as_str(), h.count, h.executions)).collect();
        assert_eq!(
            edges,
            [
                ("backend", "frontend", 2, 1),
                ("frontend", "tester", 2, 1),
                ("backend", "backend", 1, 1),
                ("backend", "tester", 1, 1),
            ]
        );
    }

    #[test]
    fn no_plans_no_graph() {
        let (agents, handoffs) = Tally::default().finish();
        assert!(agents.is_empty() && handoffs.is_empty());
    }
}
