//! MCP servers added in Baton and outbound webhooks, in bundles: how they are written, checked
//! against what is stored, and applied.

use serde_json::{Map, Value, json};
use sqlx::SqliteConnection;

use super::{
    Current, Kind, Planned,
    plan::{self, Planner},
};
use crate::{
    auth::secrets,
    domain::{field_errors::FieldErrors, timestamp::Timestamp},
    error::AppError,
    mcp::{
        ServerConfig,
        input::{ConfigInput, parse_config, parse_name},
    },
    store::{self, mcp::StoredServer, webhooks::WebhookRecord},
    vault::MASK,
    webhooks::spec,
};

fn project_name(current: &Current, id: Option<&str>) -> Option<String> {
    let id = id?;
    current.projects.iter().find(|p| p.id == id).map(|p| p.name.clone())
}

fn item_key(project: Option<&str>, name: &str) -> String {
    project.map_or_else(|| name.to_owned(), |project| format!("{project} / {name}"))
}

/// A stored server as a bundle holds it (secrets still sealed).
fn mcp_value(server: &StoredServer) -> Value {
    json!({ "name": server.name, "config": server.config })
}

/// A stored webhook as a bundle holds it (secrets still sealed).
fn webhook_value(webhook: &WebhookRecord) -> Value {
    let mut value = json!({
        "name": webhook.name, "url": webhook.url, "events": webhook.events,
        "headers": webhook.headers, "active": webhook.active,
    });
    if let Some(secret) = &webhook.secret {
        value["signing_secret"] = json!({ "sealed": secret });
    }
    value
}

/// Bundle entries of the servers added in Baton: `{name, project?, type, command, ...}`.
pub(super) fn export_mcp(current: &Current) -> Vec<Value> {
    current
        .mcp
        .iter()
        .map(|server| {
            let mut entry = json!({ "name": server.name });
            if let Some(project) = project_name(current, server.project_id.as_deref()) {
                entry["project"] = json!(project);
            }
            if let (Value::Object(entry), Ok(Value::Object(config))) =
                (&mut entry, serde_json::to_value(&server.config))
            {
                entry.extend(config);
            }
            entry
        })
        .collect()
}

/// Bundle entries of the webhooks: `{name, project?, url, events, headers, active, signing_secret}`.
pub(super) fn export_webhooks(current: &Current) -> Vec<Value> {
    current
        .webhooks
        .iter()
        .map(|webhook| {
            let mut entry = webhook_value(webhook);
            if let Some(project) = project_name(current, webhook.project_id.as_deref()) {
                entry["project"] = json!(project);
            }
            entry
        })
        .collect()
}

/// The project an entry names: one stored, or one the bundle creates. Records an error
/// otherwise.
fn entry_project(
    p: &mut Planner<'_>,
    current: &Current,
    entry: &Map<String, Value>,
    path: &str,
) -> Result<Option<(String, Option<String>)>, ()> {
    let Some(name) = entry.get("project").filter(|v| !v.is_null()) else { return Ok(None) };
    let Some(name) = name.as_str() else {
        p.errors.add(format!("{path}.project"), "must be a project's name");
        return Err(());
    };
    if let Some(project) = current.projects.iter().find(|project| project.name.eq_ignore_ascii_case(name)) {
        return Ok(Some((project.name.clone(), Some(project.id.clone()))));
    }
    if p.planned.iter().any(|item| item.kind == Kind::Project && item.key.eq_ignore_ascii_case(name)) {
        return Ok(Some((name.to_owned(), None)));
    }
    p.errors.add(format!("{path}.project"), format!("there is no project {name:?} here or in the bundle"));
    Err(())
}

/// Compares the bundle's MCP servers and webhooks with the stored ones.
pub(super) fn plan(p: &mut Planner<'_>, mcp: &[Value], webhooks: &[Value], current: &Current, prune: bool) {
    let mut seen = Vec::new();
    for (i, entry) in mcp.iter().enumerate() {
        if let Some(key) = plan_mcp(p, current, entry, &format!("mcp_servers[{i}]")) {
            seen.push(key);
        }
    }
    if prune {
        for server in current.mcp.iter().filter(|s| !seen.contains(&(s.name.clone(), s.project_id.clone()))) {
            let key = item_key(project_name(current, server.project_id.as_deref()).as_deref(), &server.name);
            p.compare(Kind::McpServer, key, None, Some(server.id.clone()), Some(&mcp_value(server)), None);
        }
    }
    let mut seen = Vec::new();
    for (i, entry) in webhooks.iter().enumerate() {
        if let Some(id) = plan_webhook(p, current, entry, &format!("webhooks[{i}]")) {
            seen.push(id);
        }
    }
    if prune {
        for webhook in current.webhooks.iter().filter(|w| !seen.contains(&w.id)) {
            let key =
                item_key(project_name(current, webhook.project_id.as_deref()).as_deref(), &webhook.name);
            p.compare(
                Kind::Webhook,
                key,
                None,
                Some(webhook.id.clone()),
                Some(&webhook_value(webhook)),
                None,
            );
        }
    }
}

/// One server entry; returns its (name, stored project id) when it is valid.
fn plan_mcp(
    p: &mut Planner<'_>,
    current: &Current,
    entry: &Value,
    path: &str,
) -> Option<(String, Option<String>)> {
    let Value::Object(object) = entry else {
        p.errors.add(path, "must be an object with a name");
        return None;
    };
    let name = parse_name(object.get("name").and_then(Value::as_str))
        .map_err(|m| p.errors.add(format!("{path}.name"), m))
        .ok()?;
    let (project, project_id) =
        entry_project(p, current, object, path).ok()?.map_or((None, None), |(n, id)| (Some(n), id));
    let stored = current.mcp.iter().find(|s| {
        s.name == name && s.project_id == project_id && (project.is_none() || project_id.is_some())
    });
    let mut config = object.clone();
    config.remove("name");
    config.remove("project");
    let plain = vault_import(p, &Value::Object(config), path)?;
    let input: ConfigInput =
        crate::settings::document::parse(&plain).map_err(|e| plan::nest(&mut p.errors, path, e)).ok()?;
    let sealed: ServerConfig = parse_config(input, stored.map(|s| &s.config), &p.app.vault)
        .map_err(|e| plan::nest(&mut p.errors, path, e))
        .ok()?;
    let wanted = json!({ "name": name, "config": sealed });
    let key = item_key(project.as_deref(), &name);
    p.compare(
        Kind::McpServer,
        key,
        project,
        stored.map(|s| s.id.clone()),
        stored.map(mcp_value).as_ref(),
        Some(wanted),
    );
    Some((name, project_id))
}

/// One webhook entry; returns the id of the stored webhook it matches, if any.
fn plan_webhook(p: &mut Planner<'_>, current: &Current, entry: &Value, path: &str) -> Option<String> {
    let Value::Object(object) = entry else {
        p.errors.add(path, "must be an object with a url");
        return None;
    };
    let known = ["name", "project", "url", "events", "headers", "active", "signing_secret"];
    for key in object.keys().filter(|k| !known.contains(&k.as_str())) {
        p.errors.add(
            format!("{path}.{key}"),
            format!("unknown key `{key}` (expected one of {})", known.join(", ")),
        );
    }
    let guard = p.app.webhooks.options.guard();
    let url = match object.get("url").and_then(Value::as_str) {
        Some(url) => spec::url(&guard, url).map_err(|m| p.errors.add(format!("{path}.url"), m)).ok()?,
        None => {
            p.errors.add(format!("{path}.url"), "is required");
            return None;
        }
    };
    let name = match object.get("name").and_then(Value::as_str) {
        Some(name) => spec::name(name).map_err(|m| p.errors.add(format!("{path}.name"), m)).ok()?,
        None => spec::default_name(&url),
    };
    let (project, project_id) =
        entry_project(p, current, object, path).ok()?.map_or((None, None), |(n, id)| (Some(n), id));
    let mut errors = FieldErrors::new();
    let events: Vec<String> = match object.get("events") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => {
            let list: Vec<String> = items.iter().map(|v| v.as_str().unwrap_or_default().to_owned()).collect();
            spec::events(&list, &mut errors)
        }
        Some(_) => {
            errors.add("events", "must be a list of event names");
            Vec::new()
        }
    };
    // Encrypted header values are opened first, so they are checked like any other.
    let headers = vault_import(p, object.get("headers").unwrap_or(&json!({})), &format!("{path}.headers"))?;
    let headers = spec::headers(&headers, &mut errors);
    let active = object.get("active").and_then(Value::as_bool).unwrap_or(true);
    if !errors.is_empty() {
        plan::nest(&mut p.errors, path, errors);
        return None;
    }
    let stored = current.webhooks.iter().find(|w| {
        w.name == name && w.project_id == project_id && (project.is_none() || project_id.is_some())
    });
    let previous = stored.map(webhook_value);
    // A signing secret left out of the export: the stored one stays, or a new one is made.
    let mut secret = object.get("signing_secret").cloned().unwrap_or_else(|| json!({ "secret": MASK }));
    let has_stored = previous.as_ref().is_some_and(|v| v.get("signing_secret").is_some());
    if secret == json!({ "secret": MASK }) && !has_stored {
        secret = json!({ "secret": secrets::generate(crate::api::webhooks::SECRET_PREFIX) });
    }
    let secrets = json!({ "headers": headers, "signing_secret": secret });
    let plain = vault_import(p, &secrets, path)?;
    let sealed = p.sealed(path, &plain, previous.as_ref())?;
    let wanted = json!({
        "name": name, "url": url, "events": events, "headers": sealed["headers"],
        "active": active, "signing_secret": sealed["signing_secret"],
    });
    let key = item_key(project.as_deref(), &name);
    p.compare(Kind::Webhook, key, project, stored.map(|w| w.id.clone()), previous.as_ref(), Some(wanted));
    stored.map(|w| w.id.clone())
}

/// Encrypted secrets opened with the passphrase (to plain `{secret}` values).
fn vault_import(p: &mut Planner<'_>, value: &Value, path: &str) -> Option<Value> {
    crate::vault::tree::import(value, p.key).map_err(|e| plan::nest(&mut p.errors, path, e)).ok()
}

/// Writes one planned server or webhook (`project_id`: its project's id, once it exists).
pub(super) async fn apply(
    tx: &mut SqliteConnection,
    item: &Planned,
    project_id: Option<&str>,
) -> Result<(), AppError> {
    let id = item.id.clone().unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    let Some(wanted) = &item.wanted else {
        match item.kind {
            Kind::McpServer => store::mcp::delete(&mut *tx, &id).await?,
            _ => store::webhooks::delete(&mut *tx, &id).await?,
        };
        return Ok(());
    };
    let text = |key: &str| wanted.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
    let now = Timestamp::now();
    if item.kind == Kind::McpServer {
        let config: ServerConfig =
            serde_json::from_value(wanted["config"].clone()).map_err(anyhow::Error::from)?;
        let server = StoredServer {
            id,
            name: text("name"),
            project_id: project_id.map(str::to_owned),
            config,
            updated_at: now,
        };
        if item.id.is_none() {
            store::mcp::insert(&mut *tx, &server).await?;
        } else {
            store::mcp::update(&mut *tx, &server).await?;
        }
        return Ok(());
    }
    let webhook = WebhookRecord {
        id,
        name: text("name"),
        url: text("url"),
        events: serde_json::from_value(wanted["events"].clone()).unwrap_or_default(),
        headers: wanted["headers"].clone(),
        active: wanted["active"].as_bool().unwrap_or(true),
        project_id: project_id.map(str::to_owned),
        secret: wanted.pointer("/signing_secret/sealed").and_then(Value::as_str).map(str::to_owned),
        created_at: now,
        updated_at: now,
        last_delivery: None,
    };
    if item.id.is_none() {
        store::webhooks::insert(&mut *tx, &webhook).await?;
    } else {
        store::webhooks::update(&mut *tx, &webhook).await?;
    }
    Ok(())
}
