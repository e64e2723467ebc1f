//! JSON Schemas of what people edit (an agent's configuration), for editors that validate as
//! you type. They come from the same annotations as the OpenAPI document, with references
//! inlined.

use std::sync::OnceLock;

use axum::{Json, extract::Path};
use serde_json::{Map, Value};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    app::AppState,
    auth::Viewer,
    error::{AppError, ErrorBody},
};

/// Published schemas: URL name → component of the OpenAPI document.
const PUBLISHED: [(&str, &str); 4] = [
    ("agent-config", "AgentConfig"),
    ("plan", "PlanInput"),
    ("global-config", "GlobalConfig"),
    ("project-config", "ProjectConfig"),
];

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_schema))
}

/// A JSON Schema (2020-12) by name: `agent-config` or `plan`.
#[utoipa::path(get, path = "/api/schemas/{name}", tag = "system",
    params(("name" = String, Path, description = "`agent-config` or `plan`")),
    responses((status = 200, body = Object), (status = 404, body = ErrorBody)))]
async fn get_schema(_: Viewer, Path(name): Path<String>) -> Result<Json<Value>, AppError> {
    let component =
        PUBLISHED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c).ok_or(AppError::NotFound("schema"))?;
    schema(component).map(Json).ok_or(AppError::NotFound("schema"))
}

/// The component `name` of the OpenAPI document as a standalone JSON Schema.
pub fn schema(name: &str) -> Option<Value> {
    static COMPONENTS: OnceLock<Map<String, Value>> = OnceLock::new();
    let components = COMPONENTS.get_or_init(|| {
        let document: Value = serde_json::from_str(super::openapi_json()).unwrap_or_default();
        document.pointer("/components/schemas").and_then(Value::as_object).cloned().unwrap_or_default()
    });
    let mut schema = inline(components.get(name)?, components, 0);
    if let Value::Object(object) = &mut schema {
        object.insert("$schema".into(), "https://json-schema.org/draft/2020-12/schema".into());
        object.insert("title".into(), name.into());
    }
    Some(schema)
}

/// Replaces `{"$ref": "#/components/schemas/X"}` with X, recursively (bounded, in case of cycles).
fn inline(value: &Value, components: &Map<String, Value>, depth: usize) -> Value {
    match value {
        Value::Object(object) => {
            let target = object
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"));
            if let Some(found) = target.filter(|_| depth < 16).and_then(|t| components.get(t)) {
                return inline(found, components, depth + 1);
            }
            Value::Object(object.iter().map(|(k, v)| (k.clone(), inline(v, components, depth))).collect())
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| inline(v, components, depth)).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_agent_config_schema_is_standalone() {
        let schema = super::schema("AgentConfig").expect("published");
        let text = schema.to_string();
        assert!(!text.contains("$ref"), "{text}");
        assert_eq!(schema["properties"]["runner"]["enum"][0], "claude");
        assert_eq!(schema["additionalProperties"], false);
        assert_eq!(schema["properties"]["timeout_s"]["minimum"], 1);
    }

    #[test]
    fn the_plan_schema_describes_tasks_and_phases() {
        let schema = super::schema("PlanInput").expect("published");
        assert!(!schema.to_string().contains("$ref"));
        assert_eq!(schema["additionalProperties"], false);
        let task = &schema["properties"]["tasks"];
        assert!(task.to_string().contains("depends_on"), "{task}");
        assert!(schema["properties"]["phases"].to_string().contains("agents"));
    }
}
