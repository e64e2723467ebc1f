//! A server's configuration made ready to connect to: `${VAR}` references expanded from Baton's
//! environment, sealed secrets opened. Lives only as long as one check or one launch; never
//! shown, never logged.

use std::path::PathBuf;

use serde_json::{Map, Value};

use super::{CheckError, FailureKind, ServerConfig, Transport, expand::expand_env};
use crate::vault::{Vault, tree};

/// Everything needed to start or reach a server.
pub struct Target {
    pub transport: Transport,
    pub command: Option<String>,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    /// Where a command runs: its project's directory, if it has one.
    pub cwd: Option<PathBuf>,
    pub url: Option<String>,
    pub headers: Vec<(String, String)>,
}

impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Values may be secrets: only the shape.
        f.debug_struct("Target").field("transport", &self.transport).finish_non_exhaustive()
    }
}

/// Expands and opens `config`. A variable that is not set, or a secret that cannot be opened,
/// fails the check as `not_found` with what is missing.
pub fn resolve(config: &ServerConfig, vault: &Vault, cwd: Option<PathBuf>) -> Result<Target, CheckError> {
    let unusable = |message: String| CheckError::new(FailureKind::NotFound, message);
    let text = |field: &str, value: &str| expand_env(value).map_err(|e| unusable(format!("{field}: {e}")));
    let command = config.command.as_deref().map(|c| text("command", c)).transpose()?;
    let args = config.args.iter().map(|a| text("args", a)).collect::<Result<Vec<_>, _>>()?;
    let url = config.url.as_deref().map(|u| text("url", u)).transpose()?;
    let pairs = |field: &str, map: &Map<String, Value>| -> Result<Vec<(String, String)>, CheckError> {
        let mut expanded = Map::new();
        for (key, value) in map {
            let value = match value {
                Value::String(s) => Value::String(text(&format!("{field}.{key}"), s)?),
                other => other.clone(),
            };
            expanded.insert(key.clone(), value);
        }
        let opened = tree::open(&Value::Object(expanded), vault)
            .map_err(|_| unusable(format!("{field}: a secret cannot be opened with this Baton's key")))?;
        let Value::Object(opened) = opened else { return Ok(Vec::new()) };
        Ok(opened
            .into_iter()
            .map(|(key, value)| match value {
                Value::String(s) => (key, s),
                other => (key, other.to_string()),
            })
            .collect())
    };
    Ok(Target {
        transport: config.transport,
        command,
        args,
        env: pairs("env", &config.env)?,
        cwd,
        url,
        headers: pairs("headers", &config.headers)?,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn references_are_expanded_and_secrets_opened() {
        let vault = Vault::from_key([4; 32]);
        let headers =
            tree::seal(&json!({"Authorization": {"secret": "Bearer s3"}, "X": "${HOME}"}), None, &vault)
                .expect("a value");
        let config = ServerConfig {
            transport: Transport::Http,
            command: None,
            args: vec![],
            env: Map::new(),
            url: Some("http://h:${BATON_TEST_SURELY_UNSET_PORT:-8080}/mcp".into()),
            headers: headers.as_object().cloned().expect("a value"),
            managed: false,
        };
        let target = resolve(&config, &vault, None).expect("a value");
        assert_eq!(target.url.as_deref(), Some("http://h:8080/mcp"));
        let home = std::env::var("HOME").unwrap_or_default();
        assert!(target.headers.contains(&("Authorization".into(), "Bearer s3".into())));
        assert!(target.headers.contains(&("X".into(), home)));

        let missing = ServerConfig { url: Some("${BATON_TEST_SURELY_UNSET}".into()), ..config };
        let error = resolve(&missing, &vault, None).expect_err("an error");
        assert_eq!(error.kind, FailureKind::NotFound);
        assert!(error.message.contains("BATON_TEST_SURELY_UNSET"), "{}", error.message);
    }
}
