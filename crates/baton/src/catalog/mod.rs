//! The agent catalog: agents defined in `.claude/agents/*.md` files (the user's, each project's,
//! and any `--agents-dir`), with what `agent-registry.json` files beside them add. The
//! directories are watched; every change re-reads them and announces `agent:catalog`.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::{Path, PathBuf},
    sync::{Arc, RwLock},
    time::Duration,
};

use serde::Serialize;
use serde_json::json;
use tokio_util::sync::CancellationToken;
use utoipa::ToSchema;

use crate::{
    realtime::{Event, Hub, subscriptions::GLOBAL},
    store::Db,
    watch::{self, DirWatcher},
};

/// Subagent definition files.
pub mod definition;
/// `agent-registry.json`.
pub mod registry;

pub use definition::Definition;
pub use registry::RegistryEntry;

/// The registry file looked for in every agents directory.
pub const REGISTRY_FILE: &str = "agent-registry.json";
/// Re-read everything this often even without events (new project directories, lost events).
const RESCAN_EVERY: Duration = Duration::from_secs(30);

/// Which kind of directory a definition comes from; on a clash, project beats user beats extra.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// A directory given with `--agents-dir`.
    Extra,
    /// `~/.claude/agents`.
    User,
    /// `<workspace_dir>/.claude/agents` of a project.
    Project,
}

/// Where a definition was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct DefinitionSource {
    pub path: String,
    pub scope: Scope,
    pub project_id: Option<String>,
}

/// One agent as the files describe it.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogAgent {
    /// The winning definition, if a file defines it.
    pub definition: Option<(Definition, DefinitionSource)>,
    /// Files that define it too and lost.
    pub shadowed: Vec<(Definition, DefinitionSource)>,
    pub registry: Option<RegistryEntry>,
}

/// A file that could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct CatalogProblem {
    pub path: String,
    pub error: String,
}

/// The catalog at one moment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    pub agents: BTreeMap<String, CatalogAgent>,
    pub problems: Vec<CatalogProblem>,
}

impl Snapshot {
    /// The agent as seen from `project`: its own file wins there and other projects' files do
    /// not count; without a project, as listed overall.
    pub fn agent_for(&self, name: &str, project: Option<&str>) -> Option<CatalogAgent> {
        let agent = self.agents.get(name)?;
        let Some(project) = project else { return Some(agent.clone()) };
        let mut candidates: Vec<(Definition, DefinitionSource)> = agent
            .definition
            .iter()
            .chain(&agent.shadowed)
            .filter(|(_, source)| {
                source.scope != Scope::Project || source.project_id.as_deref() == Some(project)
            })
            .cloned()
            .collect();
        // Highest scope wins; among equals, the one read first.
        let best = candidates
            .iter()
            .enumerate()
            .max_by_key(|(i, (_, s))| (s.scope, std::cmp::Reverse(*i)))
            .map(|(i, _)| i);
        let definition = best.map(|i| candidates.remove(i));
        if definition.is_none() && agent.registry.is_none() {
            return None;
        }
        Some(CatalogAgent { definition, shadowed: candidates, registry: agent.registry.clone() })
    }
}

/// The directories the catalog reads.
#[derive(Debug, Clone, Default)]
pub struct Dirs {
    /// `~/.claude/agents`.
    pub user: Option<PathBuf>,
    /// `--agents-dir`.
    pub extra: Vec<PathBuf>,
    /// Directories never watched for a missing one (the data directory), see [`DirWatcher`].
    pub busy: Vec<PathBuf>,
}

/// The catalog, shared by the API and its watcher task.
#[derive(Debug)]
pub struct Catalog {
    dirs: Dirs,
    db: Db,
    snapshot: RwLock<Arc<Snapshot>>,
    rescan: tokio::sync::Notify,
}

impl Catalog {
    pub fn new(dirs: Dirs, db: Db) -> Self {
        Self { dirs, db, snapshot: RwLock::default(), rescan: tokio::sync::Notify::new() }
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Asks the watcher to re-read everything soon (a project's directory changed).
    pub fn refresh(&self) {
        self.rescan.notify_one();
    }

    /// Reads every directory now and keeps the result; returns the names that changed and
    /// those that are gone.
    pub async fn scan(&self) -> anyhow::Result<(Vec<String>, Vec<String>)> {
        let sources = self.sources().await?;
        self.scan_sources(sources).await
    }

    async fn scan_sources(&self, sources: Sources) -> anyhow::Result<(Vec<String>, Vec<String>)> {
        let next = tokio::task::spawn_blocking(move || read_all(&sources)).await?;
        let mut slot = self.snapshot.write().unwrap_or_else(|e| e.into_inner());
        let (changed, removed) = diff(&slot, &next);
        *slot = Arc::new(next);
        Ok((changed, removed))
    }

    /// Every directory to read, lowest precedence first.
    async fn sources(&self) -> anyhow::Result<Sources> {
        let mut sources: Vec<_> = self.dirs.extra.iter().map(|d| (d.clone(), Scope::Extra, None)).collect();
        sources.extend(self.dirs.user.iter().map(|d| (d.clone(), Scope::User, None)));
        let projects = crate::store::external::project_dirs(&self.db.reader).await?;
        for (id, dir) in projects {
            sources.push((Path::new(&dir).join(".claude").join("agents"), Scope::Project, Some(id)));
        }
        Ok(sources)
    }

    /// Keeps the catalog current until `stop`: watches the directories, re-reads on change,
    /// announces what changed.
    pub async fn run(self: Arc<Self>, hub: Hub, stop: CancellationToken) {
        let (mut watcher, mut changes) = DirWatcher::new(self.dirs.busy.clone());
        let mut every = tokio::time::interval(RESCAN_EVERY);
        every.tick().await;
        loop {
            // One read of the directory list per pass: watched, then scanned.
            let scanned = match self.sources().await {
                Ok(sources) => {
                    watcher.watch(&sources.iter().map(|(dir, ..)| dir.clone()).collect::<Vec<_>>());
                    self.scan_sources(sources).await
                }
                Err(error) => Err(error),
            };
            match scanned {
                Ok((changed, removed)) if !changed.is_empty() || !removed.is_empty() => {
                    tracing::info!(changed = changed.len(), removed = removed.len(), "agent catalog changed");
                    let payload = json!({ "changed": changed, "removed": removed });
                    hub.publish(Event::new("agent:catalog", vec![GLOBAL.to_owned()], payload)).await;
                }
                Ok(_) => {}
                Err(error) => {
                    tracing::warn!(error = format!("{error:#}"), "could not read the agent catalog")
                }
            }
            tokio::select! {
                changed = watch::next_changes(&mut changes) => if changed.is_none() { return },
                _ = every.tick() => {}
                () = self.rescan.notified() => {}
                () = stop.cancelled() => return,
            }
        }
    }
}

/// Directories to read, lowest precedence first, with their scope and project.
type Sources = Vec<(PathBuf, Scope, Option<String>)>;

/// Reads every directory; later sources win.
fn read_all(sources: &[(PathBuf, Scope, Option<String>)]) -> Snapshot {
    let mut snapshot = Snapshot::default();
    let mut registries: Vec<BTreeMap<String, RegistryEntry>> = Vec::new();
    for (dir, scope, project_id) in sources {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for path in files {
            let display = path.display().to_string();
            if path.file_name().is_some_and(|n| n == REGISTRY_FILE) {
                match std::fs::read_to_string(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|t| registry::parse(&t))
                {
                    Ok(registry) => registries.push(registry),
                    Err(error) => snapshot.problems.push(CatalogProblem { path: display, error }),
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "md") || !path.is_file() {
                continue;
            }
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
            let definition = match std::fs::read_to_string(&path) {
                Ok(text) => definition::parse(&stem, &text),
                Err(error) => {
                    let mut unreadable = definition::parse(&stem, "");
                    unreadable.error = Some(format!("cannot read the file: {error}"));
                    unreadable
                }
            };
            let source = DefinitionSource { path: display, scope: *scope, project_id: project_id.clone() };
            let agent = snapshot.agents.entry(definition.name.clone()).or_insert_with(|| CatalogAgent {
                definition: None,
                shadowed: Vec::new(),
                registry: None,
            });
            // Sources come lowest precedence first; within one kind, the first one read wins.
            let wins = agent.definition.as_ref().is_none_or(|(_, current)| *scope > current.scope);
            if wins {
                if let Some(previous) = agent.definition.replace((definition, source)) {
                    agent.shadowed.push(previous);
                }
            } else {
                agent.shadowed.push((definition, source));
            }
        }
    }
    for registry in registries {
        for (name, entry) in registry {
            let agent = snapshot.agents.entry(name).or_insert_with(|| CatalogAgent {
                definition: None,
                shadowed: Vec::new(),
                registry: None,
            });
            agent.registry.get_or_insert(entry);
        }
    }
    snapshot
}

fn diff(before: &Snapshot, after: &Snapshot) -> (Vec<String>, Vec<String>) {
    let changed = after.agents.iter().filter(|(name, agent)| before.agents.get(*name) != Some(agent));
    let removed = before.agents.keys().filter(|name| !after.agents.contains_key(*name));
    let problems_changed = before.problems != after.problems;
    let mut changed: BTreeSet<String> = changed.map(|(name, _)| name.clone()).collect();
    if problems_changed && changed.is_empty() {
        // A registry file broke or was fixed: its agents did not change, but the list did.
        changed.extend(after.agents.keys().take(1).cloned());
    }
    (changed.into_iter().collect(), removed.cloned().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::create_dir_all(dir).expect("as arranged");
        std::fs::write(dir.join(name), text).expect("as arranged");
    }

    #[test]
    fn the_project_file_wins_and_the_registry_adds_categories() {
        let root = tempfile::tempdir().expect("as arranged");
        let (user, project, extra) =
            (root.path().join("user"), root.path().join("p/.claude/agents"), root.path().join("extra"));
        write(&user, "reviewer.md", "---\nname: reviewer\ndescription: user's\n---\nUser prompt");
        write(&project, "reviewer.md", "---\nname: reviewer\ndescription: project's\n---\nProject prompt");
        write(&extra, "reviewer.md", "---\nname: reviewer\ndescription: extra\n---\n");
        write(&user, "broken.md", "---\nname: broken\ntools: [unclosed\n---\n");
        write(&user, "notes.txt", "not an agent");
        write(
            &user,
            REGISTRY_FILE,
            r#"{"agents": [{"name": "reviewer", "category": "quality"}, {"name": "ghost", "category": "strategy"}]}"#,
        );
        write(&extra, REGISTRY_FILE, "{broken");
        let sources = vec![
            (extra.clone(), Scope::Extra, None),
            (user.clone(), Scope::User, None),
            (project.clone(), Scope::Project, Some("p1".to_owned())),
        ];
        let snapshot = read_all(&sources);
        let reviewer = &snapshot.agents["reviewer"];
        let (definition, source) = reviewer.definition.as_ref().expect("as arranged");
        assert_eq!((definition.description.as_deref(), source.scope), (Some("project's"), Scope::Project));
        assert_eq!(reviewer.shadowed.len(), 2);
        assert_eq!(reviewer.registry.as_ref().and_then(|r| r.category.as_deref()), Some("quality"));
        assert!(snapshot.agents["broken"].definition.as_ref().expect("as arranged").0.error.is_some());
        assert!(snapshot.agents["ghost"].definition.is_none());
        assert!(!snapshot.agents.contains_key("notes"));
        assert_eq!(snapshot.problems.len(), 1);
        assert!(snapshot.problems[0].path.ends_with(REGISTRY_FILE));

        let mut without = sources.clone();
        without.pop();
        let (changed, removed) = diff(&snapshot, &read_all(&without));
        assert_eq!((changed, removed), (vec!["reviewer".to_owned()], Vec::<String>::new()));
    }
}
