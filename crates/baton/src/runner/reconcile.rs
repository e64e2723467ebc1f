use nix::sys::signal::Signal;

use super::{Engine, process};
use crate::{
    domain::execution::{ExecutionStatus, TaskStatus},
    store,
};

const INTERRUPTED: &str = "Baton stopped while this execution ran";

/// Marks what a previous process left running as interrupted and kills what is left of its
/// process groups — but only processes that carry this execution's id in their environment, so
/// a process group id reused by an unrelated program is never touched.
pub(super) async fn run(engine: &Engine) -> anyhow::Result<usize> {
    let unfinished = store::executions::unfinished(&engine.db.reader).await?;
    for id in &unfinished {
        for pgid in store::tasks::running_groups(&engine.db.reader, id).await? {
            let Ok(pgid) = i32::try_from(pgid) else { continue };
            if process::group_alive(pgid) && group_belongs_to(pgid, id) {
                process::signal_group(pgid, Signal::SIGKILL);
                tracing::warn!(execution_id = %id, pgid, "killed processes left from before the restart");
            }
        }
        store::tasks::finish_unfinished(&engine.db.writer, id, TaskStatus::Cancelled, INTERRUPTED).await?;
        store::executions::finish(&engine.db.writer, id, ExecutionStatus::Interrupted, Some(INTERRUPTED))
            .await?;
        engine
            .log(id, None, "warn", format!("execution interrupted: {INTERRUPTED}; its processes were ended"))
            .await;
    }
    engine.logs.flush().await;
    Ok(unfinished.len())
}

/// True when some process of group `pgid` has `BATON_EXECUTION_ID=<execution_id>` in its
/// environment (set for every task process).
fn group_belongs_to(pgid: i32, execution_id: &str) -> bool {
    let marker = format!("BATON_EXECUTION_ID={execution_id}");
    let Ok(entries) = std::fs::read_dir("/proc") else { return false };
    entries.filter_map(Result::ok).any(|entry| {
        let path = entry.path();
        let in_group = std::fs::read_to_string(path.join("stat"))
            .ok()
            .and_then(|stat| stat.rsplit_once(')').map(|(_, rest)| rest.to_owned()))
            .and_then(|rest| rest.split_whitespace().nth(2).and_then(|g| g.parse::<i32>().ok()))
            == Some(pgid);
        in_group
            && std::fs::read(path.join("environ"))
                .is_ok_and(|env| env.split(|b| *b == 0).any(|var| var == marker.as_bytes()))
    })
}
