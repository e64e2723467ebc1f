//! A subagent definition file (`.claude/agents/<name>.md`): YAML front matter between `---`
//! lines, then the system prompt as Markdown. See shared/reference/claude-code.md §1.

use serde_json::{Map, Value};

/// What one file says. A file that cannot be read is still a definition, with its error.
#[derive(Debug, Clone, PartialEq)]
pub struct Definition {
    pub name: String,
    pub description: Option<String>,
    /// `None`: every tool.
    pub tools: Option<Vec<String>>,
    pub model: Option<String>,
    pub color: Option<String>,
    /// The system prompt (Markdown).
    pub prompt: String,
    /// Every other front-matter field, as JSON.
    pub extra: Map<String, Value>,
    /// Why the file could not be read as intended (broken YAML, wrong field types).
    pub error: Option<String>,
}

/// Reads a file whose stem is `stem` (the name when the front matter gives none).
pub fn parse(stem: &str, text: &str) -> Definition {
    let mut definition = Definition {
        name: stem.to_owned(),
        description: None,
        tools: None,
        model: None,
        color: None,
        prompt: String::new(),
        extra: Map::new(),
        error: None,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some((front, body)) = split_front_matter(text) else {
        definition.prompt = text.trim().to_owned();
        return definition;
    };
    definition.prompt = body.trim().to_owned();
    let fields = match serde_norway::from_str::<Value>(front) {
        Ok(Value::Object(fields)) => fields,
        Ok(Value::Null) => Map::new(),
        Ok(_) => {
            definition.error = Some("the front matter must be a YAML mapping of fields".into());
            return definition;
        }
        Err(error) => match lenient(front) {
            // Many real files put `: ` inside a plain one-line description, which strict YAML
            // refuses and Claude Code accepts: read those line by line, as it does.
            Some(fields) => fields,
            None => {
                // serde_norway's locations count from the front matter; the file has one `---`
                // line before it.
                let at =
                    error.location().map(|l| format!(" at line {}, column {}", l.line() + 1, l.column()));
                definition.error =
                    Some(format!("the front matter is not valid YAML{}: {error}", at.unwrap_or_default()));
                return definition;
            }
        },
    };
    let mut problems = Vec::new();
    for (key, value) in fields {
        match key.as_str() {
            "name" => match value {
                Value::String(name) if !name.trim().is_empty() => definition.name = name.trim().to_owned(),
                _ => problems.push("name: must be a non-empty string".to_owned()),
            },
            "description" => match scalar_text(&value) {
                Some(text) => definition.description = Some(unescape_newlines(&text)),
                None => problems.push("description: must be text".to_owned()),
            },
            "tools" => match tools(&value) {
                Ok(list) => definition.tools = list,
                Err(problem) => problems.push(format!("tools: {problem}")),
            },
            "model" => definition.model = scalar_text(&value),
            "color" | "colour" => definition.color = scalar_text(&value),
            _ => {
                definition.extra.insert(key, value);
            }
        }
    }
    if !problems.is_empty() {
        definition.error = Some(problems.join("; "));
    }
    definition
}

/// Front matter and body, when the file starts with a `---` line closed by another.
fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---")?;
    let rest = rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n'))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

/// `key: value` lines, each value the rest of its line (YAML when it is a flow list or map);
/// `None` when a line is not of that shape.
fn lenient(front: &str) -> Option<Map<String, Value>> {
    let mut fields = Map::new();
    for line in front.lines().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')) {
        let (key, value) = line.split_once(':')?;
        let key_ok =
            !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !key_ok || line.starts_with(char::is_whitespace) {
            return None;
        }
        let value = value.trim();
        let value = if value.starts_with('[') || value.starts_with('{') {
            serde_norway::from_str::<Value>(value).ok()?
        } else {
            // A number or a flag stays one; anything YAML would read as more than a scalar is text.
            match serde_norway::from_str::<Value>(value) {
                Ok(scalar @ (Value::Number(_) | Value::Bool(_) | Value::String(_))) => scalar,
                _ => Value::String(value.to_owned()),
            }
        };
        fields.insert(key.to_owned(), value);
    }
    Some(fields)
}

/// `Read, Write, Edit` or a YAML list; empty means none given (all tools).
fn tools(value: &Value) -> Result<Option<Vec<String>>, &'static str> {
    let list: Vec<String> = match value {
        Value::Null => return Ok(None),
        Value::String(text) => {
            text.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect()
        }
        Value::Array(items) => items
            .iter()
            .map(|item| item.as_str().map(|s| s.trim().to_owned()).ok_or("every item must be a tool name"))
            .collect::<Result<_, _>>()?,
        _ => return Err("must be a comma-separated string or a list of tool names"),
    };
    Ok((!list.is_empty()).then_some(list))
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// Descriptions are often one long line with literal `\n` escapes.
fn unescape_newlines(text: &str) -> String {
    text.replace("\\n", "\n").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_example_reads_every_field() {
        let text = "---\nname: backend-expert\ndescription: Use this agent for server-side design and implementation.\\n<example>user: add an API</example>\ntools: Read, Write, Edit, Bash, Grep, Glob\nmodel: sonnet\ncolor: green\n---\nYou are an expert backend engineer ...\n";
        let definition = parse("file-stem", text);
        assert_eq!(definition.name, "backend-expert");
        assert_eq!(
            definition.description.as_deref(),
            Some(
                "Use this agent for server-side design and implementation.\n<example>user: add an API</example>"
            )
        );
        assert_eq!(definition.tools.as_ref().map(Vec::len), Some(6));
        assert_eq!(
            (definition.model.as_deref(), definition.color.as_deref()),
            (Some("sonnet"), Some("green"))
        );
        assert_eq!(definition.prompt, "You are an expert backend engineer ...");
        assert_eq!(definition.error, None);
    }

    #[test]
    fn tools_as_a_list_newer_fields_kept_as_extras() {
        let text = "---\nname: reviewer\ndescription: |\n  Reviews code.\n  Twice.\ntools:\n  - Read\n  - Grep\nmodel: claude-opus-4-1\nmaxTurns: 12\npermissionMode: plan\nmcpServers: [github]\nhooks:\n  PreToolUse: []\n---\nReview.";
        let definition = parse("reviewer", text);
        assert_eq!(definition.tools, Some(vec!["Read".into(), "Grep".into()]));
        assert_eq!(definition.description.as_deref(), Some("Reviews code.\nTwice."));
        assert_eq!(definition.extra["maxTurns"], 12);
        assert_eq!(definition.extra["mcpServers"][0], "github");
        assert_eq!(definition.extra["permissionMode"], "plan");
        assert!(definition.extra.contains_key("hooks"));
        let all_tools = parse("x", "---\nname: x\ndescription: d\n---\n");
        assert_eq!(all_tools.tools, None);
    }

    #[test]
    fn no_front_matter_takes_the_name_from_the_file() {
        let definition = parse("plain-helper", "You help.\n");
        assert_eq!(
            (definition.name.as_str(), definition.prompt.as_str(), definition.error),
            ("plain-helper", "You help.", None)
        );
        let unclosed = parse("half", "---\nname: x\nno end");
        assert_eq!(unclosed.name, "half");
    }

    #[test]
    fn broken_yaml_is_reported_with_its_line_and_never_fatal() {
        let definition = parse("broken", "---\nname: broken\ndescription: [unclosed\ntools: Read\n---\nbody");
        let error = definition.error.expect("an error");
        assert!(error.contains("not valid YAML") && error.contains("line"), "{error}");
        assert_eq!((definition.name.as_str(), definition.prompt.as_str()), ("broken", "body"));
        let wrong_types = parse("typed", "---\nname: [a]\ntools: {a: 1}\n---\n");
        let error = wrong_types.error.expect("an error");
        assert!(error.contains("name: must be") && error.contains("tools: must be"), "{error}");
        assert_eq!(
            parse("list", "---\n- a\n---\n").error.as_deref(),
            Some("the front matter must be a YAML mapping of fields")
        );
    }
}
