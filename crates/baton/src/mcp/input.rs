//! What people send to add or change a server in Baton, checked field by field. Secrets
//! (`{"secret": "..."}` in `env` and `headers`) are sealed here too.

use reqwest::header::{HeaderName, HeaderValue};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use utoipa::ToSchema;

use super::{ServerConfig, Transport};
use crate::{
    domain::field_errors::FieldErrors,
    vault::{Vault, tree},
};

/// The body of `POST /api/mcp-servers`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewServer {
    /// 1–64 letters, digits, `-` or `_`; unique in its project (or among global servers).
    #[schema(required = true, example = "github")]
    pub name: Option<String>,
    /// The project it is for; absent or null: every project.
    pub project_id: Option<String>,
    #[serde(rename = "type")]
    pub transport: Option<Transport>,
    pub command: Option<String>,
    pub args: Option<Vec<String>>,
    #[schema(value_type = Option<Object>)]
    pub env: Option<Map<String, Value>>,
    pub url: Option<String>,
    #[schema(value_type = Option<Object>)]
    pub headers: Option<Map<String, Value>>,
    pub managed: Option<bool>,
}

impl NewServer {
    /// The name, the project and the rest.
    pub fn split(self) -> (Option<String>, Option<String>, ConfigInput) {
        let config = ConfigInput {
            transport: self.transport,
            command: self.command,
            args: self.args,
            env: self.env,
            url: self.url,
            headers: self.headers,
            managed: self.managed,
        };
        (self.name, self.project_id, config)
    }
}

/// How to reach a server: the body of `PUT /api/mcp-servers/{name}` (it replaces the whole
/// configuration), and the rest of `POST`'s.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigInput {
    /// `stdio` (default when a command is given), `http` (default when only a url is), `sse`.
    #[serde(rename = "type")]
    pub transport: Option<Transport>,
    /// stdio: the command to run; managed http: the command that starts the server.
    pub command: Option<String>,
    pub args: Option<Vec<String>>,
    /// Variables for the command: strings or `{"secret": "..."}` (`{"secret": "********"}`
    /// keeps the stored value). `${VAR}` and `${VAR:-default}` are expanded from Baton's
    /// environment.
    #[schema(value_type = Option<Object>)]
    pub env: Option<Map<String, Value>>,
    /// http and sse: the server's URL.
    pub url: Option<String>,
    /// http and sse: headers sent with every request, strings or `{"secret": "..."}`.
    #[schema(value_type = Option<Object>)]
    pub headers: Option<Map<String, Value>>,
    /// http only: Baton starts `command` and keeps it running.
    pub managed: Option<bool>,
}

/// A server name, or why not.
pub fn parse_name(name: Option<&str>) -> Result<String, String> {
    let name = name.map(str::trim).unwrap_or_default();
    if name.is_empty() {
        return Err("is required".into());
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if name.len() > 64 || !name.chars().all(allowed) {
        return Err("must be 1–64 letters, digits, hyphens or underscores".into());
    }
    Ok(name.to_owned())
}

/// Checks `input` and seals its secrets; masked secrets keep what `previous` holds.
pub fn parse_config(
    input: ConfigInput,
    previous: Option<&ServerConfig>,
    vault: &Vault,
) -> Result<ServerConfig, FieldErrors> {
    let mut errors = FieldErrors::new();
    let command = input.command.filter(|c| !c.trim().is_empty());
    let url = input.url.filter(|u| !u.trim().is_empty());
    let managed = input.managed.unwrap_or(false);
    let transport = input.transport.unwrap_or(if command.is_none() && url.is_some() {
        Transport::Http
    } else {
        Transport::Stdio
    });
    let env = input.env.unwrap_or_default();
    let headers = input.headers.unwrap_or_default();
    let args = input.args.unwrap_or_default();
    match transport {
        Transport::Stdio => {
            if command.is_none() {
                errors.add("command", "is required for a stdio server");
            }
            if url.is_some() {
                errors.add("url", "only http and sse servers have a url");
            }
            if !headers.is_empty() {
                errors.add("headers", "only http and sse servers send headers");
            }
            if managed {
                errors
                    .add("managed", "only http servers can be managed (stdio servers start with each check)");
            }
        }
        Transport::Http | Transport::Sse => {
            match &url {
                None => errors.add("url", "is required for an http or sse server"),
                Some(url) => {
                    errors.check("url", check_url(url));
                }
            }
            if managed && transport == Transport::Sse {
                errors.add("managed", "only streamable http servers can be managed");
            }
            if managed && command.is_none() {
                errors.add("command", "a managed server needs the command that starts it");
            }
            if !managed && command.is_some() {
                errors.add("command", "only stdio and managed servers have a command");
            }
        }
    }
    if command.is_none() && !args.is_empty() {
        errors.add("args", "only servers with a command have arguments");
    }
    for (key, value) in &env {
        if key.is_empty() || key.contains(['=', '\0']) {
            errors.add(format!("env.{key}"), "is not a valid variable name");
        }
        errors.check(&format!("env.{key}"), check_value(value, |_| true));
    }
    for (name, value) in &headers {
        if HeaderName::from_bytes(name.as_bytes()).is_err() {
            errors.add(format!("headers.{name}"), "is not a valid header name");
        }
        errors.check(&format!("headers.{name}"), check_value(value, |v| HeaderValue::from_str(v).is_ok()));
    }
    errors.into_result()?;
    // One document, so the errors of `seal` name `env.X` and `headers.X`.
    let before = previous.map(|p| json!({"env": p.env, "headers": p.headers}));
    let sealed = tree::seal(&json!({"env": env, "headers": headers}), before.as_ref(), vault)?;
    let object = |key: &str| sealed.get(key).and_then(Value::as_object).cloned().unwrap_or_default();
    Ok(ServerConfig {
        transport,
        command,
        args,
        env: object("env"),
        url,
        headers: object("headers"),
        managed,
    })
}

/// An http(s) URL; `${VAR}` references are allowed (they are expanded when connecting).
fn check_url(url: &str) -> Result<(), String> {
    let scheme_ok = url.starts_with("http://") || url.starts_with("https://");
    if url.contains("${") {
        return if scheme_ok || url.starts_with("${") {
            Ok(())
        } else {
            Err("must be an http:// or https:// URL".into())
        };
    }
    match reqwest::Url::parse(url) {
        Ok(parsed) if matches!(parsed.scheme(), "http" | "https") && parsed.host().is_some() => Ok(()),
        Ok(_) => Err("must be an http:// or https:// URL".into()),
        Err(error) => Err(format!("is not a valid URL: {error}")),
    }
}

/// A string (that `valid` accepts) or `{"secret": "<string>"}`.
fn check_value(value: &Value, valid: impl Fn(&str) -> bool) -> Result<(), String> {
    let text = match value {
        Value::String(text) => text,
        Value::Object(secret) if secret.len() == 1 => match secret.get("secret") {
            Some(Value::String(text)) => text,
            _ => return Err("must be a string or {\"secret\": \"...\"}".into()),
        },
        _ => return Err("must be a string or {\"secret\": \"...\"}".into()),
    };
    if valid(text) { Ok(()) } else { Err("holds characters that cannot be sent".into()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(value: Value) -> ConfigInput {
        serde_json::from_value(value).expect("a value")
    }

    fn fields(value: Value) -> Vec<String> {
        let vault = Vault::from_key([9; 32]);
        parse_config(input(value), None, &vault).expect_err("an error").to_map().into_keys().collect()
    }

    #[test]
    fn names_are_short_and_plain() {
        assert_eq!(parse_name(Some(" git-hub_2 ")).expect("a value"), "git-hub_2");
        for bad in [None, Some(""), Some("a b"), Some("a/b"), Some("ä")] {
            assert!(parse_name(bad).is_err(), "{bad:?}");
        }
        assert!(parse_name(Some(&"x".repeat(65))).is_err());
    }

    #[test]
    fn each_transport_needs_its_fields_and_errors_name_them() {
        assert_eq!(fields(json!({"type": "stdio"})), ["command"]);
        assert_eq!(fields(json!({"type": "http"})), ["url"]);
        assert_eq!(fields(json!({"type": "http", "url": "ftp://x"})), ["url"]);
        assert_eq!(fields(json!({"type": "http", "url": "not a url"})), ["url"]);
        assert_eq!(fields(json!({"type": "http", "url": "http://h/mcp", "managed": true})), ["command"]);
        assert_eq!(fields(json!({"command": "x", "url": "http://h"})), ["url"]);
        assert_eq!(fields(json!({"command": "x", "managed": true})), ["managed"]);
        assert_eq!(fields(json!({"command": "x", "env": {"A": 1}})), ["env.A"]);
        assert_eq!(fields(json!({"url": "http://h", "headers": {"bad name": "x"}})), ["headers.bad name"]);
        assert_eq!(fields(json!({"url": "http://h", "headers": {"X": "a\nb"}})), ["headers.X"]);
        assert_eq!(
            fields(json!({"url": "http://h", "headers": {"X": {"secret": "********"}}})),
            ["headers.X"]
        );
    }

    #[test]
    fn secrets_are_sealed_and_masked_ones_keep_the_stored_value() {
        let vault = Vault::from_key([9; 32]);
        let config = parse_config(
            input(json!({"url": "http://h:${PORT:-1}/mcp", "headers": {"Authorization": {"secret": "Bearer t"}}})),
            None,
            &vault,
        )
        .expect("a value");
        assert_eq!(config.transport, Transport::Http);
        let stored = config.headers["Authorization"]["sealed"].as_str().expect("a value");
        assert!(stored.starts_with("v1:"));
        let again = parse_config(
            input(json!({"url": "http://h/mcp", "headers": {"Authorization": {"secret": "********"}}})),
            Some(&config),
            &vault,
        )
        .expect("a value");
        assert_eq!(again.headers, config.headers);
    }
}
