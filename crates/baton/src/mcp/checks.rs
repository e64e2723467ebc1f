//! Which servers exist, checking one, and recording the result: a server whose status flips
//! (ok ↔ down) is announced as `mcp:status` on the global room and as a notification.

use std::path::PathBuf;

use serde::Serialize;

use super::{CheckResult, KnownServer, Mcp, Scope, Status, client, discovery, target};
use crate::{
    realtime::{Event, subscriptions::GLOBAL},
    store::{self, mcp::StoredServer, notifications::NewNotification},
};

/// Where the web app shows MCP servers.
const PAGE: &str = "/configuration/mcp";

/// The payload of `mcp:status`.
#[derive(Debug, Serialize)]
struct StatusChange<'a> {
    name: &'a str,
    scope: Scope,
    project_id: Option<&'a str>,
    status: Status,
    previous: Status,
    check: &'a CheckResult,
}

impl Mcp {
    /// Every server Baton knows now: those Claude Code's files declare and those added in Baton.
    pub async fn known(&self) -> anyhow::Result<Vec<KnownServer>> {
        let projects = store::external::project_dirs(&self.db.reader).await?;
        let claude_json = self.claude_json.clone();
        let discovered = tokio::task::spawn_blocking(move || {
            discovery::discover(claude_json.as_deref().map(PathBuf::as_path), &projects)
        })
        .await?;
        for problem in &discovered.problems {
            tracing::debug!(problem, "skipped an MCP server entry");
        }
        let mut servers = discovered.servers;
        servers.extend(store::mcp::list(&self.db.reader).await?.iter().map(StoredServer::known));
        Ok(servers)
    }

    /// Checks `server` now and records the result.
    pub async fn check(&self, server: &KnownServer) -> CheckResult {
        let cwd = self.project_dir(server.project_id.as_deref()).await;
        let result = match target::resolve(&server.config, &self.vault, cwd) {
            Ok(target) => client::check(&target, &self.http, self.check_timeout()).await,
            Err(error) => CheckResult::failed(error),
        };
        self.record(server, &result).await;
        result
    }

    /// The directory a project's servers run in.
    pub(crate) async fn project_dir(&self, project_id: Option<&str>) -> Option<PathBuf> {
        let project = store::projects::get(&self.db.reader, project_id?).await.ok()??;
        project.workspace_dir.map(PathBuf::from)
    }

    /// Stores `check`; when the server's status flips, tells the socket and every user.
    pub async fn record(&self, server: &KnownServer, check: &CheckResult) {
        let key = server.key();
        let previous = {
            let _one_at_a_time = self.recording.lock().await;
            let stored = async {
                let previous = store::mcp::last_ok(&self.db.writer, &key).await?;
                let mut connection = self.db.writer.acquire().await?;
                store::mcp::insert_check(&mut connection, &key, check).await?;
                if server.scope == Scope::Baton {
                    let at = crate::domain::timestamp::Timestamp::now();
                    let status = check.status().as_str();
                    store::mcp::set_status(
                        &mut *connection,
                        &server.name,
                        server.project_id.as_deref(),
                        status,
                        at,
                    )
                    .await?;
                }
                anyhow::Ok(previous)
            };
            match stored.await {
                Ok(previous) => previous,
                Err(error) => {
                    tracing::warn!(
                        server = key,
                        error = format!("{error:#}"),
                        "could not record an MCP check"
                    );
                    return;
                }
            }
        };
        // The first check of a server is no change: it was never up nor down.
        if let Some(was_ok) = previous
            && was_ok != check.ok
        {
            self.announce_change(server, check).await;
        }
    }

    async fn announce_change(&self, server: &KnownServer, check: &CheckResult) {
        let status = check.status();
        let previous = if check.ok { Status::Down } else { Status::Ok };
        let brief = CheckResult { tools: None, ..check.clone() };
        let change = StatusChange {
            name: &server.name,
            scope: server.scope,
            project_id: server.project_id.as_deref(),
            status,
            previous,
            check: &brief,
        };
        tracing::info!(server = server.key(), status = status.as_str(), "MCP server status changed");
        self.announce.hub().publish(Event::new("mcp:status", vec![GLOBAL.to_owned()], change)).await;
        let (title, body) = if check.ok {
            (
                format!("MCP server {} is back", server.name),
                format!("It answered in {} ms.", check.latency_ms),
            )
        } else {
            let why = check.error.as_ref().map_or("it did not answer", |e| e.message.as_str());
            (format!("MCP server {} is down", server.name), format!("{why}."))
        };
        let notification = NewNotification {
            kind: "mcp_status",
            title,
            body,
            link: PAGE.into(),
            execution_id: None,
            project_id: server.project_id.clone(),
        };
        self.announce.notify(&notification).await;
    }
}
