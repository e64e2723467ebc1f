//! MCP servers as Claude Code finds them: the user scope and each project's local scope in
//! `~/.claude.json`, each project's `.mcp.json`, and which one wins on a name clash. Values are
//! kept as written (`${VAR}` unexpanded), so the API never shows what a variable holds.

use std::path::Path;

use serde_json::{Map, Value};

use super::{KnownServer, Scope, ServerConfig, Transport};

/// The file in a project's directory.
pub const PROJECT_FILE: &str = ".mcp.json";

/// What Claude Code's files declare, and the entries that could not be read.
#[derive(Debug, Default)]
pub struct Discovered {
    pub servers: Vec<KnownServer>,
    pub problems: Vec<String>,
}

/// Reads `claude_json` and the `.mcp.json` of each project (`(id, directory)`). Missing files
/// are not problems; broken ones and broken entries are.
pub fn discover(claude_json: Option<&Path>, projects: &[(String, String)]) -> Discovered {
    let mut found = Discovered::default();
    if let Some(root) = claude_json.and_then(|path| read_json(path, &mut found.problems)) {
        let file = claude_json.map(|p| p.display().to_string()).unwrap_or_default();
        found.add(&file, root.get("mcpServers"), Scope::User, None);
        if let Some(Value::Object(entries)) = root.get("projects") {
            for (dir, entry) in entries {
                for (id, _) in projects.iter().filter(|(_, project_dir)| same_dir(dir, project_dir)) {
                    found.add(&file, entry.get("mcpServers"), Scope::Local, Some(id));
                }
            }
        }
    }
    for (id, dir) in projects {
        let path = Path::new(dir).join(PROJECT_FILE);
        if let Some(root) = read_json(&path, &mut found.problems) {
            found.add(&path.display().to_string(), root.get("mcpServers"), Scope::Project, Some(id));
        }
    }
    found
}

impl Discovered {
    fn add(&mut self, file: &str, servers: Option<&Value>, scope: Scope, project_id: Option<&str>) {
        let Some(servers) = servers else { return };
        let Value::Object(servers) = servers else {
            self.problems.push(format!("{file}: mcpServers is not an object"));
            return;
        };
        for (name, entry) in servers {
            match parse_entry(entry) {
                Ok(config) => self.servers.push(KnownServer {
                    name: name.clone(),
                    scope,
                    project_id: project_id.map(str::to_owned),
                    config,
                }),
                Err(error) => self.problems.push(format!("{file}: mcpServers.{name}: {error}")),
            }
        }
    }
}

fn read_json(path: &Path, problems: &mut Vec<String>) -> Option<Value> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return None,
        Err(error) => {
            problems.push(format!("{}: {error}", path.display()));
            return None;
        }
    };
    serde_json::from_str(&text).map_err(|error| problems.push(format!("{}: {error}", path.display()))).ok()
}

/// Directories compared as written, ignoring a trailing slash.
fn same_dir(a: &str, b: &str) -> bool {
    let trim = |s: &str| if s.len() > 1 { s.trim_end_matches('/').to_owned() } else { s.to_owned() };
    trim(a) == trim(b)
}

/// One entry of an `mcpServers` object. A missing `type` means stdio (or http when only a `url`
/// is given).
pub fn parse_entry(entry: &Value) -> Result<ServerConfig, String> {
    let Value::Object(entry) = entry else { return Err("is not an object".into()) };
    let text = |key: &str| -> Result<Option<String>, String> {
        match entry.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("{key} is not a string")),
        }
    };
    let command = text("command")?;
    let url = text("url")?;
    let transport = match text("type")?.as_deref() {
        Some("stdio") => Transport::Stdio,
        Some("http" | "streamable-http" | "streamableHttp") => Transport::Http,
        Some("sse") => Transport::Sse,
        Some(other) => return Err(format!("type {other:?} is not stdio, http or sse")),
        None if command.is_none() && url.is_some() => Transport::Http,
        None => Transport::Stdio,
    };
    let args = match entry.get("args") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| item.as_str().map(str::to_owned).ok_or("args holds a value that is not a string"))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("args is not a list".into()),
    };
    let object = |key: &str| -> Result<Map<String, Value>, String> {
        match entry.get(key) {
            None | Some(Value::Null) => Ok(Map::new()),
            Some(Value::Object(map)) => Ok(map.clone()),
            Some(_) => Err(format!("{key} is not an object")),
        }
    };
    let config = ServerConfig {
        transport,
        command,
        args,
        env: object("env")?,
        url,
        headers: object("headers")?,
        managed: false,
    };
    match config.transport {
        Transport::Stdio if config.command.is_none() => Err("a stdio server needs a command".into()),
        Transport::Http | Transport::Sse if config.url.is_none() => {
            Err("an http or sse server needs a url".into())
        }
        _ => Ok(config),
    }
}

/// Whether `server` applies in the view of `project` (None: the global view).
fn visible(server: &KnownServer, project: Option<&str>) -> bool {
    server.project_id.is_none() || server.project_id.as_deref() == project
}

/// The server of `name` that wins in the view of `project` (None: among global servers).
pub fn effective<'a>(
    servers: &'a [KnownServer],
    name: &str,
    project: Option<&str>,
) -> Option<&'a KnownServer> {
    servers.iter().filter(|s| s.name == name && visible(s, project)).max_by_key(|s| s.rank())
}

/// The servers to list for `project` (None: every server), each with the scope of the server
/// that wins over it in its project's view, if one does. Sorted by name, winner first.
pub fn listing<'a>(
    servers: &'a [KnownServer],
    project: Option<&str>,
) -> Vec<(&'a KnownServer, Option<Scope>)> {
    let mut listed: Vec<(&KnownServer, Option<Scope>)> = servers
        .iter()
        .filter(|s| project.is_none() || visible(s, project))
        .map(|server| {
            let view = project.or(server.project_id.as_deref());
            let winner = effective(servers, &server.name, view).filter(|w| w.rank() > server.rank());
            (server, winner.map(|w| w.scope))
        })
        .collect();
    listed.sort_by(|(a, _), (b, _)| {
        (&a.name, &a.project_id).cmp(&(&b.name, &b.project_id)).then(b.rank().cmp(&a.rank()))
    });
    listed
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn server(name: &str, scope: Scope, project: Option<&str>) -> KnownServer {
        KnownServer {
            name: name.into(),
            scope,
            project_id: project.map(str::to_owned),
            config: parse_entry(&json!({"command": scope.as_str()})).expect("a value"),
        }
    }

    #[test]
    fn entries_default_to_stdio_and_need_what_their_transport_needs() {
        let stdio = parse_entry(&json!({"command": "npx", "args": ["-y", "x"], "env": {"A": "${A}"}}))
            .expect("a value");
        assert_eq!((stdio.transport, stdio.args.len()), (Transport::Stdio, 2));
        assert_eq!(stdio.env["A"], "${A}", "kept as written");
        let http = parse_entry(&json!({"url": "http://h/mcp"})).expect("a value");
        assert_eq!(http.transport, Transport::Http);
        assert_eq!(
            parse_entry(&json!({"type": "sse", "url": "http://h/sse"})).expect("a value").transport,
            Transport::Sse
        );
        for (bad, why) in [
            (json!({"type": "http"}), "needs a url"),
            (json!({"args": []}), "needs a command"),
            (json!({"type": "ws", "url": "x"}), "not stdio"),
            (json!({"command": 3}), "command is not a string"),
            (json!({"command": "x", "args": [1]}), "not a string"),
            (json!({"command": "x", "env": []}), "env is not an object"),
            (json!("npx"), "not an object"),
        ] {
            let error = parse_entry(&bad).expect_err("an error");
            assert!(error.contains(why), "{bad}: {error}");
        }
    }

    #[test]
    fn local_beats_project_beats_user_and_baton_beats_all() {
        let servers = vec![
            server("db", Scope::User, None),
            server("db", Scope::Project, Some("p")),
            server("db", Scope::Local, Some("p")),
            server("db", Scope::Project, Some("q")),
            server("only-user", Scope::User, None),
        ];
        assert_eq!(effective(&servers, "db", Some("p")).expect("a value").scope, Scope::Local);
        assert_eq!(effective(&servers, "db", Some("q")).expect("a value").scope, Scope::Project);
        assert_eq!(effective(&servers, "db", Some("r")).expect("a value").scope, Scope::User);
        assert_eq!(effective(&servers, "db", None).expect("a value").scope, Scope::User);
        assert_eq!(effective(&servers, "only-user", Some("p")).expect("a value").scope, Scope::User);
        assert!(effective(&servers, "nope", Some("p")).is_none());

        let mut with_baton = servers.clone();
        with_baton.push(server("db", Scope::Baton, None));
        assert_eq!(effective(&with_baton, "db", Some("p")).expect("a value").scope, Scope::Baton);
        with_baton.push(server("db", Scope::Baton, Some("p")));
        let winner = effective(&with_baton, "db", Some("p")).expect("a value");
        assert_eq!((winner.scope, winner.project_id.as_deref()), (Scope::Baton, Some("p")));
    }

    #[test]
    fn listings_say_what_overrides_each_server_in_its_view() {
        let servers = vec![
            server("db", Scope::User, None),
            server("db", Scope::Project, Some("p")),
            server("db", Scope::Local, Some("p")),
            server("db", Scope::Project, Some("q")),
        ];
        let of = |list: Vec<(&KnownServer, Option<Scope>)>| -> Vec<(Scope, Option<String>, Option<Scope>)> {
            list.into_iter().map(|(s, o)| (s.scope, s.project_id.clone(), o)).collect()
        };
        assert_eq!(
            of(listing(&servers, Some("p"))),
            vec![
                (Scope::User, None, Some(Scope::Local)),
                (Scope::Local, Some("p".into()), None),
                (Scope::Project, Some("p".into()), Some(Scope::Local)),
            ]
        );
        let all = of(listing(&servers, None));
        assert_eq!(all.len(), 4);
        assert!(all.contains(&(Scope::User, None, None)), "not overridden in the global view");
        assert!(all.contains(&(Scope::Project, Some("q".into()), None)), "beats user in q");
        assert!(all.contains(&(Scope::Project, Some("p".into()), Some(Scope::Local))));
    }

    #[test]
    fn files_are_read_by_scope_and_broken_entries_reported() {
        let dir = tempfile::tempdir().expect("a value");
        let project = dir.path().join("proj");
        std::fs::create_dir_all(&project).expect("a value");
        let claude_json = dir.path().join("claude.json");
        let project_dir = project.display().to_string();
        std::fs::write(
            &claude_json,
            json!({
                "mcpServers": {"u": {"command": "u"}, "broken": {"type": "http"}},
                "projects": {
                    format!("{project_dir}/"): {"mcpServers": {"l": {"url": "http://l/mcp"}}},
                    "/elsewhere": {"mcpServers": {"x": {"command": "x"}}}
                }
            })
            .to_string(),
        )
        .expect("a value");
        std::fs::write(project.join(PROJECT_FILE), r#"{"mcpServers": {"p": {"command": "p"}}}"#)
            .expect("a value");
        let projects = vec![("P".to_owned(), project_dir), ("Q".to_owned(), "/no/such/dir".to_owned())];

        let found = discover(Some(&claude_json), &projects);
        let mut names: Vec<(String, Scope, Option<String>)> =
            found.servers.iter().map(|s| (s.name.clone(), s.scope, s.project_id.clone())).collect();
        names.sort();
        assert_eq!(
            names,
            vec![
                ("l".into(), Scope::Local, Some("P".into())),
                ("p".into(), Scope::Project, Some("P".into())),
                ("u".into(), Scope::User, None),
            ]
        );
        assert_eq!(found.problems.len(), 1, "{:?}", found.problems);
        assert!(found.problems[0].contains("mcpServers.broken"));

        std::fs::write(&claude_json, "{ not json").expect("a value");
        let found = discover(Some(&claude_json), &projects);
        assert_eq!(found.servers.len(), 1, "the project file still counts");
        assert_eq!(found.problems.len(), 1);
        assert!(discover(Some(&dir.path().join("missing.json")), &[]).problems.is_empty());
    }
}
