//! Watching directories for changes, for the agent catalog and the workspace files.
//!
//! A directory that does not exist yet is watched through its nearest existing parent, so
//! creating it is seen too; callers also re-scan on a slow timer in case a platform drops events.

use std::{
    collections::BTreeSet,
    path::{Path, PathBuf},
    sync::{Arc, RwLock},
    time::Duration,
};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use tokio::sync::mpsc;

/// Events that arrive within this window are handled together.
pub const SETTLE: Duration = Duration::from_millis(100);

/// Watches a set of directories (not recursively) and reports the paths that changed.
///
/// A missing directory is watched through its nearest existing parent, unless that parent is
/// one of `busy` (the data directory: every database write would wake the watcher); those are
/// found by the callers' periodic scans instead.
pub struct DirWatcher {
    watcher: Option<RecommendedWatcher>,
    watched: BTreeSet<PathBuf>,
    /// The directories asked for; events elsewhere in a watched ancestor (a busy database next
    /// to a missing directory) are dropped before they wake anyone.
    wanted: Arc<RwLock<Vec<PathBuf>>>,
    busy: Vec<PathBuf>,
    sender: mpsc::UnboundedSender<PathBuf>,
}

impl DirWatcher {
    pub fn new(busy: Vec<PathBuf>) -> (Self, mpsc::UnboundedReceiver<PathBuf>) {
        let (sender, receiver) = mpsc::unbounded_channel();
        let events = sender.clone();
        let wanted: Arc<RwLock<Vec<PathBuf>>> = Arc::default();
        let filter = wanted.clone();
        let watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| match result {
            Ok(event) => {
                let wanted = filter.read().unwrap_or_else(|e| e.into_inner());
                for path in event.paths.into_iter().filter(|p| concerns(&wanted, p)) {
                    let _ = events.send(path);
                }
            }
            Err(error) => tracing::warn!(%error, "file watcher error"),
        })
        .map_err(|error| tracing::warn!(%error, "cannot watch files: changes are picked up by periodic scans only"))
        .ok();
        (Self { watcher, watched: BTreeSet::new(), wanted, busy, sender }, receiver)
    }

    /// Makes the watched set `dirs` (each through its nearest existing ancestor).
    pub fn watch(&mut self, dirs: &[PathBuf]) {
        *self.wanted.write().unwrap_or_else(|e| e.into_inner()) = dirs.to_vec();
        let Some(watcher) = self.watcher.as_mut() else { return };
        let wanted: BTreeSet<PathBuf> = dirs
            .iter()
            .filter_map(|dir| nearest_existing(dir))
            .filter(|dir| !self.busy.contains(dir))
            .collect();
        for gone in self.watched.difference(&wanted) {
            let _ = watcher.unwatch(gone);
        }
        for dir in wanted.difference(&self.watched) {
            if let Err(error) = watcher.watch(dir, RecursiveMode::NonRecursive) {
                tracing::warn!(%error, dir = %dir.display(), "cannot watch a directory");
            }
        }
        self.watched = wanted;
    }

    /// Reports `path` as changed, as if the watcher had seen it.
    pub fn poke(&self, path: PathBuf) {
        let _ = self.sender.send(path);
    }
}

/// Whether a change at `path` matters: a file in a wanted directory, or a wanted directory (or
/// one of its parents) appearing or going.
fn concerns(wanted: &[PathBuf], path: &Path) -> bool {
    wanted.iter().any(|dir| path.parent() == Some(dir.as_path()) || dir.starts_with(path))
}

fn nearest_existing(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().find(|a| a.is_dir()).map(Path::to_path_buf)
}

/// Waits for the first change, then collects what else arrives within [`SETTLE`]; `None` when
/// the watcher is gone.
pub async fn next_changes(receiver: &mut mpsc::UnboundedReceiver<PathBuf>) -> Option<BTreeSet<PathBuf>> {
    let first = receiver.recv().await?;
    let mut changed = BTreeSet::from([first]);
    let settle = tokio::time::sleep(SETTLE);
    tokio::pin!(settle);
    loop {
        tokio::select! {
            path = receiver.recv() => match path {
                Some(path) => { changed.insert(path); }
                None => break,
            },
            () = &mut settle => break,
        }
    }
    Some(changed)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn only_changes_in_or_towards_wanted_directories_matter() {
        let wanted = vec![PathBuf::from("/data/claude/agents")];
        assert!(super::concerns(&wanted, "/data/claude/agents/reviewer.md".as_ref()));
        assert!(super::concerns(&wanted, "/data/claude".as_ref()), "the missing directory's parent appears");
        assert!(!super::concerns(&wanted, "/data/baton.db-wal".as_ref()));
        assert!(!super::concerns(&wanted, "/data/claude/agents/sub/x.md".as_ref()));
    }
}
