//! What a client may subscribe to, and the room each subscription is.

use serde_json::Value;

/// A subscription a client asked for, checked for shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Topic {
    Global,
    Execution(String),
    Logs { execution_id: String, task_id: Option<String> },
    Project(String),
    Agent(String),
}

impl Topic {
    /// Reads `payload` for the topic named `kind` (`global`, `execution`, `logs`, `project`,
    /// `agent`); the error names the field and the problem.
    pub fn parse(kind: &str, payload: &Value) -> Result<Self, String> {
        match kind {
            "global" => Ok(Self::Global),
            "execution" => Ok(Self::Execution(required(payload, "id")?)),
            "logs" => Ok(Self::Logs {
                execution_id: required(payload, "execution_id")?,
                task_id: optional(payload, "task_id")?,
            }),
            "project" => Ok(Self::Project(required(payload, "id")?)),
            "agent" => Ok(Self::Agent(required(payload, "name")?)),
            other => Err(format!("event: unknown subscription {other:?}")),
        }
    }

    /// The room the subscription joins.
    pub fn room(&self) -> String {
        match self {
            Self::Global => GLOBAL.to_owned(),
            Self::Execution(id) => execution_room(id),
            Self::Logs { execution_id, task_id: None } => format!("logs:{execution_id}"),
            Self::Logs { execution_id, task_id: Some(task) } => format!("logs:{execution_id}:{task}"),
            Self::Project(id) => project_room(id),
            Self::Agent(name) => agent_room(name),
        }
    }
}

/// The dashboard's room: every lifecycle event.
pub const GLOBAL: &str = "global";

pub fn execution_room(id: &str) -> String {
    format!("execution:{id}")
}

pub fn project_room(id: &str) -> String {
    format!("project:{id}")
}

pub fn agent_room(name: &str) -> String {
    format!("agent:{name}")
}

pub fn user_room(id: &str) -> String {
    format!("user:{id}")
}

fn required(payload: &Value, field: &str) -> Result<String, String> {
    optional(payload, field)?.ok_or_else(|| format!("{field}: required"))
}

fn optional(payload: &Value, field: &str) -> Result<Option<String>, String> {
    match payload.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) if text.trim().is_empty() => Err(format!("{field}: must not be empty")),
        Some(Value::String(text)) if text.len() > 200 => Err(format!("{field}: at most 200 characters")),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(format!("{field}: must be a string")),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn topics_become_rooms() {
        let logs = Topic::parse("logs", &json!({"execution_id": "e1", "task_id": "t"})).expect("parses");
        assert_eq!(logs.room(), "logs:e1:t");
        assert_eq!(Topic::parse("logs", &json!({"execution_id": "e1"})).expect("parses").room(), "logs:e1");
        assert_eq!(Topic::parse("global", &Value::Null).expect("parses").room(), "global");
        assert_eq!(Topic::parse("agent", &json!({"name": "qa"})).expect("parses").room(), "agent:qa");
    }

    #[test]
    fn bad_payloads_name_the_field() {
        assert_eq!(Topic::parse("execution", &json!({})).expect_err("refused"), "id: required");
        assert_eq!(
            Topic::parse("execution", &json!({"id": 3})).expect_err("refused"),
            "id: must be a string"
        );
        assert_eq!(
            Topic::parse("logs", &json!({"execution_id": " "})).expect_err("refused"),
            "execution_id: must not be empty"
        );
        assert_eq!(Topic::parse("logs", &json!("e1")).expect_err("refused"), "execution_id: required");
        assert!(
            Topic::parse("everything", &json!({})).expect_err("refused").contains("unknown subscription")
        );
    }
}
