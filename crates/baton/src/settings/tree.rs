//! Configuration as JSON trees: merging layers, recording where each value came from, and
//! listing what changed between two documents.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

/// One changed value: `before` is null for an added key, `after` for a removed one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Change {
    /// Dot path, e.g. `limits.max_agents` or `env.API_KEY`.
    pub path: String,
    #[schema(value_type = Object)]
    pub before: Option<Value>,
    #[schema(value_type = Object)]
    pub after: Option<Value>,
}

/// Whether `object` is a secret value (`{"secret"|"sealed"|"encrypted": ..}`).
fn is_secret(object: &Map<String, Value>) -> bool {
    object.len() == 1 && object.keys().all(|k| matches!(k.as_str(), "secret" | "sealed" | "encrypted"))
}

/// Whether `value` is a leaf of configuration: anything but a non-empty object, and a secret
/// (`{"secret"|"sealed": ..}`) counts as one value.
fn is_leaf(value: &Value) -> bool {
    match value {
        Value::Object(object) => object.is_empty() || is_secret(object),
        _ => true,
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") }
}

/// `over` laid on `base`: objects merge key by key, anything else in `over` replaces.
pub fn merge(base: &Value, over: &Value) -> Value {
    match (base, over) {
        (Value::Object(base), Value::Object(over)) if over.is_empty() || !is_secret(over) => {
            let mut merged = base.clone();
            for (key, value) in over {
                let next = match base.get(key) {
                    Some(existing) => merge(existing, value),
                    None => value.clone(),
                };
                merged.insert(key.clone(), next);
            }
            Value::Object(merged)
        }
        (_, Value::Null) => base.clone(),
        _ => over.clone(),
    }
}

/// Marks every leaf path of `layer` with `origin` in `origins` (a later layer overwrites).
pub fn record_origins(
    layer: &Value,
    origin: &'static str,
    path: &str,
    origins: &mut BTreeMap<String, &'static str>,
) {
    match layer {
        Value::Object(object) if object.is_empty() || !is_secret(object) => {
            for (key, value) in object {
                record_origins(value, origin, &join(path, key), origins);
            }
        }
        Value::Null => {}
        _ => {
            origins.insert(path.to_owned(), origin);
        }
    }
}

/// Every leaf that differs between `before` and `after`, in path order.
pub fn diff(before: &Value, after: &Value) -> Vec<Change> {
    let mut changes = Vec::new();
    walk_diff(Some(before), Some(after), "", &mut changes);
    changes
}

/// An object to descend into when diffing: any object but a secret (an empty one too, so
/// adding the first key of a section is one change, not two).
fn as_branch(value: Option<&Value>) -> Option<&Map<String, Value>> {
    match value {
        Some(value @ Value::Object(object)) if object.is_empty() || !is_leaf(value) => Some(object),
        _ => None,
    }
}

fn walk_diff(before: Option<&Value>, after: Option<&Value>, path: &str, changes: &mut Vec<Change>) {
    match (as_branch(before), as_branch(after)) {
        (Some(b), Some(a)) => {
            let keys: std::collections::BTreeSet<&String> = b.keys().chain(a.keys()).collect();
            for key in keys {
                walk_diff(b.get(key), a.get(key), &join(path, key), changes);
            }
        }
        (Some(b), None) => {
            for (key, value) in b {
                walk_diff(Some(value), None, &join(path, key), changes);
            }
            if let Some(after) = after.filter(|v| !v.is_null()) {
                changes.push(Change { path: path.to_owned(), before: None, after: Some(after.clone()) });
            }
        }
        (None, Some(a)) => {
            if let Some(before) = before.filter(|v| !v.is_null()) {
                changes.push(Change { path: path.to_owned(), before: Some(before.clone()), after: None });
            }
            for (key, value) in a {
                walk_diff(None, Some(value), &join(path, key), changes);
            }
        }
        (None, None) => {
            let before = before.filter(|v| !v.is_null());
            let after = after.filter(|v| !v.is_null());
            if before != after && !path.is_empty() {
                changes.push(Change {
                    path: path.to_owned(),
                    before: before.cloned(),
                    after: after.cloned(),
                });
            }
        }
    }
}

/// Removes empty objects left behind (`{"limits": {}}` → `{}`), so equal settings compare equal.
pub fn prune_empty(value: &Value) -> Value {
    match value {
        Value::Object(object) if !is_leaf(value) => {
            let kept: Map<String, Value> = object
                .iter()
                .map(|(k, v)| (k.clone(), prune_empty(v)))
                .filter(|(_, v)| !matches!(v, Value::Object(o) if o.is_empty()) && !v.is_null())
                .collect();
            Value::Object(kept)
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn layers_merge_and_remember_their_origins() {
        let defaults = json!({"limits": {"max_agents": 8, "default_budget_usd": null}, "runner": {"claude_bin": "claude"}});
        let global = json!({"limits": {"max_agents": 3}, "runner": {"env": {"K": {"sealed": "v1:x"}}}});
        let merged = merge(&defaults, &global);
        assert_eq!(
            merged,
            json!({"limits": {"max_agents": 3, "default_budget_usd": null}, "runner": {"claude_bin": "claude", "env": {"K": {"sealed": "v1:x"}}}})
        );
        let mut origins = BTreeMap::new();
        record_origins(&defaults, "default", "", &mut origins);
        record_origins(&global, "global", "", &mut origins);
        assert_eq!(origins["limits.max_agents"], "global");
        assert_eq!(origins["runner.claude_bin"], "default");
        assert_eq!(origins["runner.env.K"], "global");
    }

    #[test]
    fn diffs_list_changed_leaves_by_path() {
        let before = json!({"limits": {"max_agents": 8}, "env": {"A": "1", "S": {"secret": "********"}}});
        let after = json!({"limits": {"max_agents": 3}, "env": {"B": "2", "S": {"secret": "********"}}, "logs": {"retention_days": 7}});
        let changes = diff(&before, &after);
        let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(paths, ["env.A", "env.B", "limits.max_agents", "logs.retention_days"]);
        assert_eq!(changes[2].before, Some(json!(8)));
        assert_eq!(changes[2].after, Some(json!(3)));
        assert_eq!(changes[0].after, None);
        assert!(diff(&after, &after).is_empty());
        assert_eq!(prune_empty(&json!({"a": {}, "b": {"c": {}}, "d": 1})), json!({"d": 1}));
        assert_eq!(merge(&json!({"a": 1}), &json!({})), json!({"a": 1}), "an empty layer changes nothing");
    }
}
