//! Child processes in their own process group: started, signalled as a group, always reaped.

use std::{path::Path, process::Stdio, time::Duration};

use nix::{
    errno::Errno,
    sys::signal::{Signal, killpg},
    unistd::Pid,
};
use tokio::process::{Child, Command};

/// Starts `argv` in `cwd` as the leader of a new process group, with piped stdout and stderr.
pub fn spawn(argv: &[String], cwd: &Path, env: &[(String, String)]) -> std::io::Result<(Child, i32)> {
    let (program, args) = argv.split_first().ok_or_else(|| std::io::Error::other("the command is empty"))?;
    let child = Command::new(program)
        .args(args)
        .current_dir(cwd)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .kill_on_drop(true)
        .spawn()?;
    let pgid =
        child.id().and_then(|id| i32::try_from(id).ok()).ok_or_else(|| std::io::Error::other("no pid"))?;
    Ok((child, pgid))
}

/// Sends `signal` to every process of the group; a group that is already gone is not an error.
pub fn signal_group(pgid: i32, signal: Signal) {
    match killpg(Pid::from_raw(pgid), signal) {
        Ok(()) | Err(Errno::ESRCH) => {}
        Err(error) => tracing::warn!(pgid, %error, "could not signal a process group"),
    }
}

/// True while any process of the group is alive.
pub fn group_alive(pgid: i32) -> bool {
    // Signal 0 checks for existence without sending anything.
    killpg(Pid::from_raw(pgid), None).is_ok()
}

/// Ends the group: SIGTERM, then SIGKILL after `grace` if the leader has not exited, then
/// SIGKILL again for anything the leader left behind. Returns once the leader is reaped.
pub async fn terminate(child: &mut Child, pgid: i32, grace: Duration) {
    signal_group(pgid, Signal::SIGTERM);
    if tokio::time::timeout(grace, child.wait()).await.is_err() {
        signal_group(pgid, Signal::SIGKILL);
        let _ = child.wait().await;
    }
    signal_group(pgid, Signal::SIGKILL);
}
