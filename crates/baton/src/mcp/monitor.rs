//! Every `mcp.check_interval`, every known server is checked (a few at a time) and managed servers
//! that have exited are started again. Managed servers start with Baton.

use futures_util::StreamExt;
use tokio_util::sync::CancellationToken;

use super::Mcp;

/// Servers checked at once.
const CONCURRENT_CHECKS: usize = 4;

impl Mcp {
    /// One pass: keeps managed servers running, then checks every server. Returns how many
    /// servers were checked.
    pub async fn check_all(&self) -> anyhow::Result<usize> {
        let servers = self.known().await?;
        self.start_managed(&servers).await;
        // Owned futures: a stream of borrowing ones is not `Send` enough for a spawned task.
        let checked = futures_util::stream::iter(servers)
            .map(|server| {
                let mcp = self.clone();
                async move { mcp.check(&server).await }
            })
            .buffer_unordered(CONCURRENT_CHECKS)
            .count()
            .await;
        Ok(checked)
    }
}

/// Runs until `stop`; stops the managed servers on the way out. The interval is
/// `mcp.check_interval` (zero: no periodic checks), followed as it changes; the first pass waits
/// one interval, so startup stays quick and a server just started gets time to come up.
pub async fn run(mcp: Mcp, stop: CancellationToken) {
    match mcp.known().await {
        Ok(servers) => mcp.start_managed(&servers).await,
        Err(error) => tracing::warn!(error = format!("{error:#}"), "cannot list MCP servers"),
    }
    let mut settings = mcp.settings.subscribe();
    loop {
        let interval = settings.borrow_and_update().mcp.check_interval;
        let wait = async {
            if interval.is_zero() {
                std::future::pending::<()>().await;
            }
            tokio::time::sleep(interval).await;
        };
        tokio::select! {
            () = wait => {}
            changed = settings.changed() => {
                if changed.is_err() {
                    break;
                }
                continue;
            }
            () = stop.cancelled() => break,
        }
        tokio::select! {
            checked = mcp.check_all() => match checked {
                Ok(count) => tracing::debug!(count, "checked MCP servers"),
                Err(error) => tracing::warn!(error = format!("{error:#}"), "cannot check MCP servers"),
            },
            () = stop.cancelled() => break,
        }
    }
    mcp.supervisor.stop_all().await;
}
