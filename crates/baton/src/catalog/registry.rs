//! `agent-registry.json` beside the agent files: categories, expertise and collaborators.
//! See shared/reference/legacy-orchestrator.md ("Its agent registry").

use std::collections::BTreeMap;

use serde_json::{Map, Value};

/// What the registry says about one agent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegistryEntry {
    pub category: Option<String>,
    pub expertise: Vec<String>,
    pub collaborates_with: Vec<String>,
    /// Other fields (`special_role`, ...).
    pub extra: Map<String, Value>,
}

/// The agents of a registry file, by name, or why it cannot be read.
pub fn parse(text: &str) -> Result<BTreeMap<String, RegistryEntry>, String> {
    let root: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    let agents = root.get("agents").ok_or("it has no \"agents\" list")?;
    let items: Vec<(Option<String>, &Value)> = match agents {
        Value::Array(items) => items.iter().map(|item| (None, item)).collect(),
        // Some versions wrote a map by name; read it too.
        Value::Object(map) => map.iter().map(|(name, item)| (Some(name.clone()), item)).collect(),
        _ => return Err("\"agents\" must be a list".into()),
    };
    let mut entries = BTreeMap::new();
    for (index, (key, item)) in items.into_iter().enumerate() {
        let Value::Object(fields) = item else {
            return Err(format!("agents[{index}]: must be an object"));
        };
        let name = fields.get("name").and_then(Value::as_str).map(str::to_owned).or(key);
        let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
            return Err(format!("agents[{index}]: has no \"name\""));
        };
        let mut entry = RegistryEntry::default();
        for (field, value) in fields {
            match field.as_str() {
                "name" => {}
                "category" => entry.category = value.as_str().map(str::to_owned),
                "expertise" => entry.expertise = strings(value),
                "collaborates_with" => entry.collaborates_with = strings(value),
                _ => {
                    entry.extra.insert(field.clone(), value.clone());
                }
            }
        }
        entries.insert(name.trim().to_owned(), entry);
    }
    Ok(entries)
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        Value::String(text) => {
            text.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_registry_is_read() {
        let text = r#"{"agents": [{"name": "backend-expert", "category": "engineering",
             "expertise": ["api design", "databases"], "collaborates_with": ["frontend-expert"]},
            {"name": "orchestration-agent", "category": "coordination", "special_role": "meta-agent"}],
         "collaboration_patterns": {"product_development": ["business-analyst", "backend-expert"]}}"#;
        let registry = parse(text).expect("reads");
        let backend = &registry["backend-expert"];
        assert_eq!(backend.category.as_deref(), Some("engineering"));
        assert_eq!(backend.expertise, vec!["api design", "databases"]);
        assert_eq!(backend.collaborates_with, vec!["frontend-expert"]);
        assert_eq!(registry["orchestration-agent"].extra["special_role"], "meta-agent");
    }

    #[test]
    fn a_map_of_agents_is_read_and_broken_files_say_why() {
        let map = parse(r#"{"agents": {"qa": {"category": "quality", "expertise": "tests, fuzzing"}}}"#)
            .expect("reads");
        assert_eq!(map["qa"].expertise, vec!["tests", "fuzzing"]);
        assert!(parse("{").expect_err("fails").contains("not valid JSON"));
        assert!(parse("{}").expect_err("fails").contains("no \"agents\""));
        assert!(
            parse(r#"{"agents": [{"category": "x"}]}"#).expect_err("fails").contains("agents[0]: has no")
        );
        assert!(parse(r#"{"agents": 3}"#).expect_err("fails").contains("must be a list"));
    }
}
