//! orchestrator.sh's files in `~/.claude/agent-workspaces/`: lines of `orchestration.log`, the
//! run header `Agent-orchestration.md`, and each agent's `Agent-<name>.md` with its status
//! report. See shared/reference/legacy-orchestrator.md.

use serde_json::Value;

use super::report::agent_match_key;
use crate::domain::{execution::TaskStatus, timestamp::Timestamp};

/// One line of `orchestration.log`: `[YYYY-MM-DD HH:MM:SS] <message>`.
#[derive(Debug, Clone, PartialEq)]
pub struct LogLine {
    /// When the line says it was written (read as UTC).
    pub at: Option<Timestamp>,
    /// The message without its timestamp and without ANSI escapes; emoji kept.
    pub message: String,
    pub level: &'static str,
    /// An agent starting or ending, when the line says so (`🤖 Running x...`, `✅ x completed`).
    pub agent: Option<(String, TaskStatus)>,
}

pub fn parse_log_line(raw: &str) -> LogLine {
    let clean = strip_ansi(raw.trim_end_matches(['\r', '\n']));
    let (at, message) = match clean.strip_prefix('[').and_then(|rest| rest.split_once(']')) {
        Some((stamp, rest)) => match Timestamp::from_db(stamp.trim()) {
            Ok(at) => (Some(at), rest.trim_start().to_owned()),
            Err(_) => (None, clean.clone()),
        },
        None => (None, clean.clone()),
    };
    let lower = message.to_lowercase();
    let level = if message.contains('❌') || lower.contains("error") || lower.contains("failed") {
        "error"
    } else if message.contains('⚠') || lower.contains("warning") || lower.contains("timed out") {
        "warn"
    } else {
        "info"
    };
    LogLine { at, agent: agent_event(&message), message, level }
}

/// `🤖 Running backend-expert...` → running; `✅ backend-expert completed` → completed;
/// `❌ backend-expert failed` → failed; `⏰ backend-expert timed out` → timed out.
fn agent_event(message: &str) -> Option<(String, TaskStatus)> {
    let words: Vec<&str> = message
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let is_name = |w: &str| w.contains('-') || w.contains('_') || w.chars().all(|c| c.is_ascii_lowercase());
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if let Some(i) = lower.iter().position(|w| w == "running" || w == "starting") {
        let name = words.get(i + 1).filter(|w| is_name(w))?;
        return Some(((*name).to_owned(), TaskStatus::Running));
    }
    let ended = [
        ("completed", TaskStatus::Completed),
        ("failed", TaskStatus::Failed),
        ("timed", TaskStatus::TimedOut),
    ];
    for (word, status) in ended {
        if let Some(i) = lower.iter().position(|w| w == word).filter(|&i| i > 0) {
            let name = words[i - 1];
            if is_name(name) && name != "agent" {
                return Some((name.to_owned(), status));
            }
        }
    }
    None
}

/// Removes ANSI escape sequences (colours, cursor moves), keeping everything else.
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            // CSI: ESC [ parameters... final byte in @..~
            Some('[') => {
                chars.next();
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            // OSC: ESC ] ... BEL or ESC \
            Some(']') => {
                while let Some(c) = chars.next() {
                    if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                        break;
                    }
                }
            }
            Some(_) => {
                chars.next();
            }
            None => {}
        }
    }
    // Scripts that echo without -e write the escapes as text: `\033[0;36m`, `\e[0m`.
    if out.contains("\\033[") || out.contains("\\e[") || out.contains("\\x1b[") {
        let escaped =
            out.replace("\\033[", "\u{1b}[").replace("\\e[", "\u{1b}[").replace("\\x1b[", "\u{1b}[");
        return strip_ansi(&escaped);
    }
    out
}

/// The header of a run (`Agent-orchestration.md`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunHeader {
    pub name: Option<String>,
    pub level: Option<String>,
    pub started: Option<String>,
    pub mode: Option<String>,
    pub timeout: Option<String>,
}

pub fn parse_run_header(text: &str) -> RunHeader {
    let mut header = RunHeader::default();
    for line in text.lines() {
        let line = line.trim().trim_start_matches(['-', '*']).trim();
        let Some((key, value)) = line.split_once(':') else { continue };
        let key = key.trim().trim_matches('*').trim().to_ascii_lowercase();
        let value = value.trim().trim_start_matches('*').trim();
        if value.is_empty() {
            continue;
        }
        let slot = match key.as_str() {
            "name" => &mut header.name,
            "level" => &mut header.level,
            "started" => &mut header.started,
            "mode" => &mut header.mode,
            "timeout" => &mut header.timeout,
            _ => continue,
        };
        slot.get_or_insert_with(|| value.to_owned());
    }
    header
}

/// What an agent's workspace file says about its task.
#[derive(Debug, Clone, PartialEq)]
pub struct AgentFile {
    /// The agent, from the report or the file name.
    pub agent: String,
    pub task_id: Option<String>,
    pub status: Option<TaskStatus>,
    /// The status word as written (`blocked`, `paused`, ...).
    pub status_text: Option<String>,
    /// The last `## Task:` heading (the phase).
    pub phase: Option<String>,
    /// The last valid JSON report, whole.
    pub report: Option<Value>,
    /// Why the last JSON block was not used.
    pub problems: Vec<String>,
}

/// The agent a workspace file is about: `Agent-backend-expert.md` → `backend-expert`;
/// `None` for other files and for the orchestration header.
pub fn agent_of_file_name(file_name: &str) -> Option<String> {
    let stem = file_name.strip_prefix("Agent-")?.strip_suffix(".md")?;
    (!stem.is_empty() && agent_match_key(stem) != "orchestration").then(|| stem.to_owned())
}

pub fn parse_agent_file(file_agent: &str, text: &str) -> AgentFile {
    let mut file = AgentFile {
        agent: file_agent.to_owned(),
        task_id: None,
        status: None,
        status_text: None,
        phase: None,
        report: None,
        problems: Vec::new(),
    };
    for line in text.lines() {
        let line = line.trim().trim_start_matches(['-', '*']).trim();
        if let Some(phase) = line.strip_prefix("## Task:") {
            file.phase = Some(phase.trim().to_owned());
        } else if let Some(status) = value_after(line, "status") {
            file.status_text = Some(status.to_ascii_lowercase());
        } else if let Some(id) = value_after(line, "task id") {
            file.task_id = Some(id.to_owned());
        }
    }
    if let Some(block) = json_blocks(text).last() {
        match serde_json::from_str::<Value>(block) {
            Ok(report) => {
                let problems = check_report(&report);
                if problems.is_empty() {
                    let field = |name: &str| report.get(name).and_then(Value::as_str).map(str::to_owned);
                    file.agent = field("agent").unwrap_or(file.agent);
                    file.task_id = field("taskId");
                    file.status_text = field("status");
                    file.report = Some(report);
                } else {
                    file.problems = problems;
                }
            }
            Err(error) => file.problems.push(format!("the last ```json block is not JSON: {error}")),
        }
    }
    file.status = file.status_text.as_deref().and_then(task_status);
    file
}

/// `Status: completed`, `**Task ID**: BE-...` → the value.
fn value_after<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let (name, value) = line.split_once(':')?;
    let name = name.trim().trim_matches('*').trim();
    (name.eq_ignore_ascii_case(key)).then(|| value.trim().trim_matches('*').trim()).filter(|v| !v.is_empty())
}

/// The bodies of the fenced ```json blocks, in order.
fn json_blocks(text: &str) -> Vec<&str> {
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("```json") {
        let body = &rest[start + "```json".len()..];
        let Some(end) = body.find("```") else { break };
        blocks.push(body[..end].trim());
        rest = &body[end + 3..];
    }
    blocks
}

/// The report's problems against the schema of the reference (required fields, the taskId
/// pattern, the status values, the types of the optional parts).
pub fn check_report(report: &Value) -> Vec<String> {
    let Some(object) = report.as_object() else {
        return vec!["the report must be a JSON object".into()];
    };
    let mut problems = Vec::new();
    for field in ["agent", "taskId", "timestamp", "status", "initiator", "summary"] {
        match object.get(field) {
            Some(Value::String(s)) if !s.is_empty() => {}
            Some(_) => problems.push(format!("{field}: must be a non-empty string")),
            None => problems.push(format!("{field}: is required")),
        }
    }
    if let Some(id) = object.get("taskId").and_then(Value::as_str).filter(|id| !task_id_pattern(id)) {
        problems.push(format!("taskId: {id:?} does not match ^[A-Z]{{2,4}}-[0-9]{{8}}-[0-9]{{4}}$"));
    }
    if let Some(status) =
        object.get("status").and_then(Value::as_str).filter(|s| task_status(s).is_none() && !s.is_empty())
    {
        problems.push(format!(
            "status: {status:?} is not one of planning, in-progress, completed, blocked, failed, paused"
        ));
    }
    for (field, array) in
        [("nextSteps", true), ("blockers", true), ("outputs", false), ("dependencies", false)]
    {
        match object.get(field) {
            None | Some(Value::Null) => {}
            Some(Value::Array(_)) if array => {}
            Some(Value::Object(_)) if !array => {}
            Some(_) => {
                problems.push(format!("{field}: must be {}", if array { "an array" } else { "an object" }))
            }
        }
    }
    problems
}

fn task_id_pattern(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    matches!(parts.as_slice(), [prefix, date, number]
        if (2..=4).contains(&prefix.len()) && prefix.bytes().all(|b| b.is_ascii_uppercase())
            && date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit())
            && number.len() == 4 && number.bytes().all(|b| b.is_ascii_digit()))
}

/// The report's status as a task state; `blocked` and `paused` are still running.
fn task_status(status: &str) -> Option<TaskStatus> {
    match status.trim().to_ascii_lowercase().as_str() {
        "planning" | "in-progress" | "in progress" | "blocked" | "paused" | "running" => {
            Some(TaskStatus::Running)
        }
        "completed" | "done" => Some(TaskStatus::Completed),
        "failed" => Some(TaskStatus::Failed),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn log_lines_lose_their_ansi_escapes_and_keep_their_emoji() {
        let line =
            parse_log_line("[2025-08-01 10:00:00] \u{1b}[0;36m🤖 Running backend-expert...\u{1b}[0m\n");
        assert_eq!(line.at.map(|t| t.to_rfc3339()).as_deref(), Some("2025-08-01T10:00:00.000Z"));
        assert_eq!(line.message, "🤖 Running backend-expert...");
        assert_eq!(line.agent, Some(("backend-expert".into(), TaskStatus::Running)));
        let done = parse_log_line("[2025-08-01 10:05:00] \u{1b}[0;32m✅ backend-expert completed\u{1b}[0m");
        assert_eq!(done.agent, Some(("backend-expert".into(), TaskStatus::Completed)));
        let failed = parse_log_line("[2025-08-01 10:06:00] \u{1b}[0;31m❌ qa-test-engineer failed\u{1b}[0m");
        assert_eq!(
            (failed.level, failed.agent),
            ("error", Some(("qa-test-engineer".into(), TaskStatus::Failed)))
        );
        // Escapes written as text by `echo` without -e.
        assert_eq!(parse_log_line(r"[2025-08-01 10:00:01] \033[1;33m⚠️ Slow\033[0m").message, "⚠️ Slow");
        assert_eq!(strip_ansi("\u{1b}]0;title\u{7}plain \u{1b}[2Kline"), "plain line");
    }

    #[test]
    fn lines_without_a_timestamp_are_kept_whole() {
        let line = parse_log_line("Orchestration finished");
        assert_eq!((line.at, line.message.as_str(), line.agent), (None, "Orchestration finished", None));
        assert_eq!(parse_log_line("[not a time] x").message, "[not a time] x");
    }

    #[test]
    fn the_run_header_is_read() {
        let header = parse_run_header(
            "# Orchestration Agent Workspace\n\n- **Name**: Shop rewrite\n- **Level**: 3\n- **Started**: 2025-08-01 10:00:00\n- **Mode**: interactive\n- **Timeout**: 5 minutes\n",
        );
        assert_eq!(header.name.as_deref(), Some("Shop rewrite"));
        assert_eq!(header.started.as_deref(), Some("2025-08-01 10:00:00"));
        assert_eq!(header.timeout.as_deref(), Some("5 minutes"));
    }

    fn report(status: &str) -> String {
        json!({"agent": "backend-expert", "taskId": "BE-20250801-0001", "timestamp": "2025-08-01T10:05:00Z",
            "status": status, "initiator": "orchestration-agent", "summary": "API done",
            "outputs": {"deliverables": [{"type": "code", "path": "src/api.rs", "description": "API"}], "insights": [], "metrics": {}},
            "nextSteps": ["tests"], "actualDuration": "PT5M"}).to_string()
    }

    #[test]
    fn the_last_json_report_wins() {
        let text = format!(
            "## Task: Implementation\nStarted: 2025-08-01\nProject Level: 3\n\n```json\n{}\n```\n\nlater:\n```json\n{}\n```\n",
            report("in-progress"),
            report("completed")
        );
        let file = parse_agent_file("backend-expert", &text);
        assert_eq!(file.status, Some(TaskStatus::Completed));
        assert_eq!(file.task_id.as_deref(), Some("BE-20250801-0001"));
        assert_eq!(file.phase.as_deref(), Some("Implementation"));
        assert_eq!(
            file.report.as_ref().expect("as arranged")["outputs"]["deliverables"][0]["path"],
            "src/api.rs"
        );
        assert!(file.problems.is_empty());
    }

    #[test]
    fn an_invalid_report_is_named_and_the_plain_lines_used() {
        let bad = json!({"agent": "backend-expert", "taskId": "be-1", "status": "almost", "summary": "x"})
            .to_string();
        let text = format!("Status: in-progress\nTask ID: BE-20250801-0001\n```json\n{bad}\n```\n");
        let file = parse_agent_file("backend-expert", &text);
        assert_eq!(file.status, Some(TaskStatus::Running));
        assert_eq!(file.task_id.as_deref(), Some("BE-20250801-0001"));
        assert!(file.report.is_none());
        let problems = file.problems.join("; ");
        for expected in
            ["timestamp: is required", "initiator: is required", "taskId: \"be-1\"", "status: \"almost\""]
        {
            assert!(problems.contains(expected), "{problems}");
        }
        let broken = parse_agent_file("x", "```json\n{\"agent\": \n```");
        assert!(broken.problems[0].contains("not JSON"));
    }

    #[test]
    fn plain_status_lines_without_a_report() {
        let file = parse_agent_file(
            "Backend",
            "## Task: Testing\n**Status**: completed\n**Task ID**: QA-20250801-0002\n",
        );
        assert_eq!(
            (file.status, file.task_id.as_deref()),
            (Some(TaskStatus::Completed), Some("QA-20250801-0002"))
        );
        assert_eq!(parse_agent_file("x", "nothing here").status, None);
    }

    #[test]
    fn agent_file_names() {
        assert_eq!(agent_of_file_name("Agent-backend-expert.md").as_deref(), Some("backend-expert"));
        assert_eq!(agent_of_file_name("Agent-Backend.md").as_deref(), Some("Backend"));
        assert_eq!(agent_of_file_name("Agent-orchestration.md"), None);
        assert_eq!(agent_of_file_name("orchestration.log"), None);
    }
}
