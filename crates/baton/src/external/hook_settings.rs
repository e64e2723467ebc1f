//! Baton's entries in a Claude Code `settings.json`: merged into what is there, keeping every
//! other hook and setting, and updating Baton's own entries in place when they differ.

use serde_json::{Map, Value, json};

/// The events Baton listens to.
pub const EVENTS: [&str; 14] = [
    "SessionStart",
    "SessionEnd",
    "UserPromptSubmit",
    "PreToolUse",
    "PostToolUse",
    "PostToolUseFailure",
    "PermissionRequest",
    "Notification",
    "Stop",
    "StopFailure",
    "SubagentStart",
    "SubagentStop",
    "PreCompact",
    "PostCompact",
];

/// Events whose matcher selects tools: Baton's entry matches every tool.
const TOOL_EVENTS: [&str; 4] = ["PreToolUse", "PostToolUse", "PostToolUseFailure", "PermissionRequest"];

/// How Claude Code reaches Baton.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handler {
    /// Claude Code posts the event itself (current versions).
    Http { url: String },
    /// Claude Code runs `baton hook`, which posts it (any version).
    Command { command: String },
}

impl Handler {
    fn entry(&self) -> Value {
        match self {
            Self::Http { url } => json!({
                "type": "http",
                "url": url,
                "headers": { "Authorization": "Bearer $BATON_TOKEN" },
                "allowedEnvVars": ["BATON_TOKEN"],
                "timeout": 5
            }),
            Self::Command { command } => json!({ "type": "command", "command": command, "timeout": 5 }),
        }
    }
}

/// Whether `hook` is one of Baton's (so it is updated, not duplicated).
fn is_batons(hook: &Value) -> bool {
    let url = hook.get("url").and_then(Value::as_str).unwrap_or_default();
    let command = hook.get("command").and_then(Value::as_str).unwrap_or_default();
    url.ends_with("/api/hooks/claude") || command.ends_with(" hook") && command.contains("baton")
}

/// What happened to one event's entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Added,
    Updated,
    Unchanged,
}

/// Merges Baton's entries into `settings` (a parsed settings.json; `{}` for a new file).
pub fn merge(settings: &mut Value, handler: &Handler) -> Result<Vec<(&'static str, Outcome)>, String> {
    let root = settings.as_object_mut().ok_or("the settings file must hold a JSON object")?;
    let hooks = root.entry("hooks").or_insert_with(|| Value::Object(Map::new()));
    let hooks = hooks.as_object_mut().ok_or("\"hooks\" must be an object")?;
    let entry = handler.entry();
    let mut outcomes = Vec::with_capacity(EVENTS.len());
    for event in EVENTS {
        let groups = hooks.entry(event).or_insert_with(|| Value::Array(Vec::new()));
        let groups = groups.as_array_mut().ok_or_else(|| format!("\"hooks.{event}\" must be a list"))?;
        let mut outcome = None;
        for group in groups.iter_mut() {
            let Some(list) = group.get_mut("hooks").and_then(Value::as_array_mut) else { continue };
            for hook in list.iter_mut().filter(|h| is_batons(h)) {
                if outcome.is_some() {
                    continue;
                }
                outcome = Some(if *hook == entry {
                    Outcome::Unchanged
                } else {
                    *hook = entry.clone();
                    Outcome::Updated
                });
            }
        }
        if outcome.is_none() {
            let mut group = Map::new();
            if TOOL_EVENTS.contains(&event) {
                group.insert("matcher".into(), "".into());
            }
            group.insert("hooks".into(), json!([entry.clone()]));
            groups.push(Value::Object(group));
        }
        outcomes.push((event, outcome.unwrap_or(Outcome::Added)));
    }
    Ok(outcomes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn http() -> Handler {
        Handler::Http { url: "http://127.0.0.1:3001/api/hooks/claude".into() }
    }

    #[test]
    fn others_entries_and_settings_are_kept() {
        let mut settings = json!({
            "model": "opus",
            "permissions": {"allow": ["Bash(npm test)"]},
            "hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "./guard.sh"}]}],
                      "CustomEvent": [{"hooks": [{"type": "command", "command": "echo hi"}]}]}
        });
        let outcomes = merge(&mut settings, &http()).expect("merges");
        assert!(outcomes.iter().all(|(_, o)| *o == Outcome::Added));
        assert_eq!(settings["model"], "opus");
        assert_eq!(settings["permissions"]["allow"][0], "Bash(npm test)");
        assert_eq!(settings["hooks"]["CustomEvent"][0]["hooks"][0]["command"], "echo hi");
        let pre = settings["hooks"]["PreToolUse"].as_array().expect("as arranged");
        assert_eq!(pre[0]["hooks"][0]["command"], "./guard.sh");
        assert_eq!(pre[1]["matcher"], "");
        assert_eq!(pre[1]["hooks"][0]["url"], "http://127.0.0.1:3001/api/hooks/claude");
        assert!(settings["hooks"]["Stop"][0].get("matcher").is_none());
    }

    #[test]
    fn installing_twice_changes_nothing_and_a_new_url_updates_in_place() {
        let mut settings = json!({});
        merge(&mut settings, &http()).expect("as arranged");
        let once = settings.clone();
        let outcomes = merge(&mut settings, &http()).expect("as arranged");
        assert!(outcomes.iter().all(|(_, o)| *o == Outcome::Unchanged));
        assert_eq!(settings, once);
        let moved = Handler::Http { url: "http://127.0.0.1:4000/api/hooks/claude".into() };
        let outcomes = merge(&mut settings, &moved).expect("as arranged");
        assert!(outcomes.iter().all(|(_, o)| *o == Outcome::Updated));
        assert_eq!(settings["hooks"]["Stop"].as_array().expect("as arranged").len(), 1);
        let command = Handler::Command { command: "/usr/local/bin/baton hook".into() };
        merge(&mut settings, &command).expect("as arranged");
        assert_eq!(settings["hooks"]["Stop"][0]["hooks"][0]["type"], "command");
    }

    #[test]
    fn files_of_the_wrong_shape_are_refused() {
        assert!(merge(&mut json!([]), &http()).is_err());
        assert!(merge(&mut json!({"hooks": []}), &http()).expect_err("fails").contains("\"hooks\""));
        assert!(
            merge(&mut json!({"hooks": {"Stop": {}}}), &http()).expect_err("fails").contains("hooks.Stop")
        );
    }
}
