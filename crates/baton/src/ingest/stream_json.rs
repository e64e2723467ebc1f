//! One line of `claude -p --output-format stream-json --verbose` output, read into what Baton
//! shows and counts. Unknown line types and fields are kept (as the raw line), never an error.

use serde_json::Value;

/// What one line says.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// Not JSON (or not an object): plain output.
    Plain(String),
    /// `system` / `init`: the session started.
    Init { session_id: Option<String>, model: Option<String> },
    /// Text the model wrote.
    Text { text: String, parent_tool_use_id: Option<String> },
    /// The model called a tool.
    ToolUse { id: String, name: String, input: Value, parent_tool_use_id: Option<String> },
    /// A tool answered.
    ToolResult { tool_use_id: String, content: String, is_error: bool, parent_tool_use_id: Option<String> },
    /// The run finished, with its totals.
    Result(RunResult),
    /// Any other JSON line (other `system` subtypes, `rate_limit_event`, `stream_event`, ...).
    Other { kind: String },
}

/// The totals of a run, from its `result` line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunResult {
    pub is_error: bool,
    pub subtype: String,
    pub text: Option<String>,
    pub cost_usd: f64,
    pub input_tokens: i64,
    pub output_tokens: i64,
    pub duration_ms: Option<i64>,
    pub num_turns: Option<i64>,
}

/// Reads one line; an assistant or user message may hold several blocks, so a line gives
/// several events.
pub fn parse(line: &str) -> Vec<Line> {
    let Ok(Value::Object(object)) = serde_json::from_str::<Value>(line) else {
        return vec![Line::Plain(line.to_owned())];
    };
    let kind = object.get("type").and_then(Value::as_str).unwrap_or_default();
    let parent = object.get("parent_tool_use_id").and_then(Value::as_str).map(str::to_owned);
    match kind {
        "system" if object.get("subtype").and_then(Value::as_str) == Some("init") => {
            vec![Line::Init { session_id: string(&object, "session_id"), model: string(&object, "model") }]
        }
        "assistant" | "user" => {
            let blocks = object.get("message").and_then(|m| m.get("content"));
            let mut lines = Vec::new();
            match blocks {
                Some(Value::Array(blocks)) => {
                    for block in blocks {
                        if let Some(line) = content_block(block, parent.clone()) {
                            lines.push(line);
                        }
                    }
                }
                Some(Value::String(text)) if kind == "assistant" => {
                    lines.push(Line::Text { text: text.clone(), parent_tool_use_id: parent.clone() })
                }
                _ => {}
            }
            if lines.is_empty() { vec![Line::Other { kind: kind.to_owned() }] } else { lines }
        }
        "result" => {
            let usage = object.get("usage");
            let tokens = |field: &str| usage.and_then(|u| u.get(field)).and_then(Value::as_i64).unwrap_or(0);
            // Current versions say total_cost_usd; older ones cost_usd.
            let cost =
                ["total_cost_usd", "cost_usd"].iter().find_map(|f| object.get(*f).and_then(Value::as_f64));
            vec![Line::Result(RunResult {
                is_error: object.get("is_error").and_then(Value::as_bool).unwrap_or(false),
                subtype: string(&object, "subtype").unwrap_or_default(),
                text: string(&object, "result"),
                cost_usd: cost.unwrap_or(0.0),
                // Cached input is input too: it is billed and it fills the context.
                input_tokens: tokens("input_tokens")
                    + tokens("cache_creation_input_tokens")
                    + tokens("cache_read_input_tokens"),
                output_tokens: tokens("output_tokens"),
                duration_ms: object.get("duration_ms").and_then(Value::as_i64),
                num_turns: object.get("num_turns").and_then(Value::as_i64),
            })]
        }
        other => {
            vec![Line::Other { kind: if other.is_empty() { "unknown".into() } else { other.to_owned() } }]
        }
    }
}

fn content_block(block: &Value, parent: Option<String>) -> Option<Line> {
    match block.get("type").and_then(Value::as_str)? {
        "text" => {
            Some(Line::Text { text: block.get("text")?.as_str()?.to_owned(), parent_tool_use_id: parent })
        }
        "tool_use" => Some(Line::ToolUse {
            id: block.get("id").and_then(Value::as_str).unwrap_or_default().to_owned(),
            name: block.get("name").and_then(Value::as_str).unwrap_or("tool").to_owned(),
            input: block.get("input").cloned().unwrap_or(Value::Null),
            parent_tool_use_id: parent,
        }),
        "tool_result" => Some(Line::ToolResult {
            tool_use_id: block.get("tool_use_id").and_then(Value::as_str).unwrap_or_default().to_owned(),
            content: match block.get("content") {
                Some(Value::String(text)) => text.clone(),
                // Content can be a list of blocks; keep their text.
                Some(Value::Array(parts)) => parts
                    .iter()
                    .filter_map(|p| p.get("text").and_then(Value::as_str))
                    .collect::<Vec<_>>()
                    .join("\n"),
                Some(other) => other.to_string(),
                None => String::new(),
            },
            is_error: block.get("is_error").and_then(Value::as_bool).unwrap_or(false),
            parent_tool_use_id: parent,
        }),
        _ => None,
    }
}

fn string(object: &serde_json::Map<String, Value>, field: &str) -> Option<String> {
    object.get(field).and_then(Value::as_str).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    // The lines of the reference (shared/reference/claude-code.md §3).
    const INIT: &str = r#"{"type":"system","subtype":"init","cwd":"/home/u/shop","session_id":"4a86","tools":["Task","Bash","Read"],"mcp_servers":[{"name":"filesystem","status":"connected"}],"model":"claude-sonnet-4-5","permissionMode":"default","claude_code_version":"2.1.118"}"#;
    const ASSISTANT: &str = r#"{"type":"assistant","message":{"id":"msg_01","model":"claude-sonnet-4-5","role":"assistant","content":[{"type":"text","text":"I'll list the files."},{"type":"tool_use","id":"toolu_01","name":"Bash","input":{"command":"ls"}}],"usage":{"input_tokens":4,"cache_creation_input_tokens":3432,"cache_read_input_tokens":0,"output_tokens":18}},"parent_tool_use_id":null,"session_id":"4a86"}"#;
    const USER: &str = r#"{"type":"user","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01","content":"a.rs\nb.rs","is_error":false}]},"parent_tool_use_id":null,"session_id":"4a86"}"#;
    const RESULT: &str = r#"{"type":"result","subtype":"success","is_error":false,"duration_ms":91283,"duration_api_ms":89273,"num_turns":7,"result":"Done.","session_id":"4a86","total_cost_usd":0.3281,"usage":{"input_tokens":538,"cache_creation_input_tokens":52720,"cache_read_input_tokens":209155,"output_tokens":4405},"modelUsage":{"claude-sonnet-4-5":{"inputTokens":538,"outputTokens":4405,"costUSD":0.3281}}}"#;

    fn only_result(line: &str) -> RunResult {
        match parse(line).as_slice() {
            [Line::Result(result)] => result.clone(),
            other => panic!("expected one result, got {other:?}"),
        }
    }

    #[test]
    fn every_line_type_of_the_reference_is_read() {
        assert_eq!(
            parse(INIT),
            [Line::Init { session_id: Some("4a86".into()), model: Some("claude-sonnet-4-5".into()) }]
        );
        assert_eq!(
            parse(ASSISTANT),
            [
                Line::Text { text: "I'll list the files.".into(), parent_tool_use_id: None },
                Line::ToolUse {
                    id: "toolu_01".into(),
                    name: "Bash".into(),
                    input: json!({"command": "ls"}),
                    parent_tool_use_id: None
                },
            ]
        );
        assert_eq!(
            parse(USER),
            [Line::ToolResult {
                tool_use_id: "toolu_01".into(),
                content: "a.rs\nb.rs".into(),
                is_error: false,
                parent_tool_use_id: None
            }]
        );
        let result = only_result(RESULT);
        assert_eq!(result.cost_usd, 0.3281);
        assert_eq!(result.input_tokens, 538 + 52720 + 209155);
        assert_eq!(result.output_tokens, 4405);
        assert_eq!((result.is_error, result.subtype.as_str(), result.num_turns), (false, "success", Some(7)));
    }

    #[test]
    fn a_subagent_message_carries_its_parent_tool_use() {
        let line = r#"{"type":"assistant","message":{"content":[{"type":"text","text":"sub"}]},"parent_tool_use_id":"toolu_task"}"#;
        assert_eq!(
            parse(line),
            [Line::Text { text: "sub".into(), parent_tool_use_id: Some("toolu_task".into()) }]
        );
    }

    #[test]
    fn older_cost_field_and_failed_runs_are_read() {
        let line = r#"{"type":"result","subtype":"error_max_turns","is_error":true,"cost_usd":0.5}"#;
        let result = only_result(line);
        assert_eq!(
            (result.is_error, result.cost_usd, result.subtype.as_str()),
            (true, 0.5, "error_max_turns")
        );
    }

    #[test]
    fn unknown_broken_and_hostile_lines_never_fail() {
        let cases = [
            ("plain text from a script", Line::Plain("plain text from a script".into())),
            ("{\"type\":\"assistant\",", Line::Plain("{\"type\":\"assistant\",".into())),
            ("[1,2,3]", Line::Plain("[1,2,3]".into())),
            ("\"just a string\"", Line::Plain("\"just a string\"".into())),
            (r#"{"type":"rate_limit_event","x":1}"#, Line::Other { kind: "rate_limit_event".into() }),
            (r#"{"type":"system","subtype":"compact"}"#, Line::Other { kind: "system".into() }),
            (r#"{"no_type":true}"#, Line::Other { kind: "unknown".into() }),
            (
                r#"{"type":"assistant","message":{"content":[{"type":"image"}]}}"#,
                Line::Other { kind: "assistant".into() },
            ),
            (r#"{"type":"assistant","message":null}"#, Line::Other { kind: "assistant".into() }),
            (
                r#"{"type":"result","total_cost_usd":"free","usage":"none"}"#,
                Line::Result(RunResult::default()),
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(parse(line), [expected], "{line}");
        }
    }

    #[test]
    fn tool_results_given_as_blocks_keep_their_text() {
        let line = r#"{"type":"user","message":{"content":[{"type":"tool_result","tool_use_id":"t","content":[{"type":"text","text":"one"},{"type":"text","text":"two"}],"is_error":true}]}}"#;
        assert_eq!(
            parse(line),
            [Line::ToolResult {
                tool_use_id: "t".into(),
                content: "one\ntwo".into(),
                is_error: true,
                parent_tool_use_id: None
            }]
        );
    }
}
