//! Runs that Baton did not start but is told about: Claude Code sessions through hooks,
//! orchestrator.sh runs through its webhook and its workspace files. The parsers in `ingest`
//! read each event into a [`Report`]; one writer task stores reports in batches (every report
//! waiting when the previous commit ends goes into the next transaction, so a flood costs one
//! commit per batch while a lone event is committed at once), then announces them.

use tokio::sync::{mpsc, oneshot};

use crate::{
    ingest::report::Report,
    realtime::{CommittedLog, announce::Announcer},
    store::{Db, external::Position},
};

/// Storing reports and pairing tool calls.
pub mod apply;
/// Baton's entries in Claude Code's settings.json.
pub mod hook_settings;
/// Watching orchestrator.sh's workspace files.
pub mod workspaces;

/// Reports in one transaction, at most.
const BATCH: usize = 1_024;
/// Reports waiting at most; senders wait when it is full.
const QUEUE: usize = 16_384;

/// A report on its way to the database.
struct Submission {
    report: Report,
    /// Who sent it (the token's or user's name, or `watcher`).
    by: String,
    /// The read position of the file it came from, saved in the same transaction.
    position: Option<Position>,
    done: oneshot::Sender<Result<(), String>>,
}

/// Hands reports to the writer. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Intake {
    sender: mpsc::Sender<Submission>,
}

impl Intake {
    pub fn start(db: Db, announce: Announcer) -> Self {
        let (sender, receiver) = mpsc::channel(QUEUE);
        tokio::spawn(run(db, announce, receiver));
        Self { sender }
    }

    /// Stores `report` and returns once it is committed.
    pub async fn submit(&self, report: Report, by: &str) -> Result<(), String> {
        self.submit_each(vec![report], by, vec![None]).await
    }

    /// Stores `reports` in order, each with the file position to save alongside it, and
    /// returns once all are committed.
    pub async fn submit_each(
        &self,
        reports: Vec<Report>,
        by: &str,
        positions: Vec<Option<Position>>,
    ) -> Result<(), String> {
        const GONE: &str = "Baton is shutting down";
        let mut waits = Vec::with_capacity(reports.len());
        for (report, position) in reports.into_iter().zip(positions) {
            let (done, wait) = oneshot::channel();
            let submission = Submission { report, by: by.to_owned(), position, done };
            self.sender.send(submission).await.map_err(|_| GONE.to_owned())?;
            waits.push(wait);
        }
        for wait in waits {
            wait.await.map_err(|_| GONE.to_owned())??;
        }
        Ok(())
    }
}

async fn run(db: Db, announce: Announcer, mut receiver: mpsc::Receiver<Submission>) {
    let mut applier = apply::Applier::default();
    let mut batch: Vec<Submission> = Vec::with_capacity(BATCH);
    while receiver.recv_many(&mut batch, BATCH).await > 0 {
        let effects = match commit(&db, &mut applier, &batch).await {
            Ok(effects) => {
                for submission in batch.drain(..) {
                    let _ = submission.done.send(Ok(()));
                }
                effects
            }
            Err(error) => {
                // One bad report must not lose the others: store them one by one.
                tracing::warn!(
                    error = format!("{error:#}"),
                    "a batch of reports failed; retrying one by one"
                );
                applier.forget();
                let mut effects = apply::Effects::default();
                for submission in batch.drain(..) {
                    let one = std::slice::from_ref(&submission);
                    let result = match commit(&db, &mut applier, one).await {
                        Ok(mut more) => {
                            merge(&mut effects, &mut more);
                            Ok(())
                        }
                        Err(error) => {
                            applier.forget();
                            tracing::error!(error = format!("{error:#}"), "could not store a report");
                            Err(format!("could not store the event: {error}"))
                        }
                    };
                    let _ = submission.done.send(result);
                }
                effects
            }
        };
        announce_all(&announce, effects).await;
    }
}

async fn commit(
    db: &Db,
    applier: &mut apply::Applier,
    batch: &[Submission],
) -> anyhow::Result<apply::Effects> {
    let mut effects = apply::Effects::default();
    let mut tx = db.writer.begin().await?;
    for submission in batch {
        applier.apply(&mut tx, &submission.report, &submission.by, &mut effects).await?;
        if let Some(position) = &submission.position {
            crate::store::external::save_position(&mut tx, position).await?;
        }
    }
    let seqs = crate::store::logs::insert_batch(&mut tx, &effects.logs).await?;
    tx.commit().await?;
    effects.seqs = seqs;
    Ok(effects)
}

fn merge(into: &mut apply::Effects, from: &mut apply::Effects) {
    let offset = into.logs.len();
    into.logs.append(&mut from.logs);
    into.seqs.append(&mut from.seqs);
    debug_assert_eq!(into.logs.len(), into.seqs.len(), "{offset}");
    into.started.append(&mut from.started);
    into.tasks.append(&mut from.tasks);
    into.ended.append(&mut from.ended);
    into.metrics.append(&mut from.metrics);
    into.notifications.append(&mut from.notifications);
    into.projects_created.append(&mut from.projects_created);
}

/// Tells the socket what was committed: runs first, then tasks and lines, then endings.
async fn announce_all(announce: &Announcer, effects: apply::Effects) {
    for id in &effects.projects_created {
        announce.project_created(id).await;
    }
    for id in &effects.started {
        announce.execution_started(id).await;
    }
    for (execution_id, attempt_id, change) in &effects.tasks {
        announce.task_changed(execution_id, attempt_id, *change).await;
    }
    if !effects.logs.is_empty() {
        let committed = effects
            .logs
            .into_iter()
            .zip(effects.seqs)
            .map(|(entry, seq)| CommittedLog {
                execution_id: entry.execution_id.clone(),
                entry: entry.committed(seq),
            })
            .collect();
        announce.hub().logs(committed).await;
    }
    for (execution_id, project_id, name, value) in &effects.metrics {
        announce.metric(execution_id, project_id.as_deref(), name, *value).await;
    }
    for id in &effects.ended {
        announce.execution_ended(id).await;
    }
    for notification in &effects.notifications {
        announce.notify(notification).await;
    }
}
