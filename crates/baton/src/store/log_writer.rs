//! The one writer of log entries: producers send, it commits in batches (every 50 ms or 2,000
//! entries), so a chatty agent costs one transaction per batch, not one per line. After each
//! commit it hands the entries, with their `seq`, to the realtime hub.

use std::time::Duration;

use tokio::sync::mpsc;

use super::{Db, logs::NewLog};
use crate::realtime::{CommittedLog, Hub};

const BATCH: usize = 2_000;
const EVERY: Duration = Duration::from_millis(50);
/// Entries waiting at most; a producer that finds the queue full waits (which in turn slows the
/// child's pipe), so a flood cannot grow Baton's memory.
const QUEUE: usize = 8_192;

/// Sends entries to the writer.
#[derive(Debug, Clone)]
pub struct LogWriter {
    sender: mpsc::Sender<Command>,
}

enum Command {
    Entry(Box<NewLog>),
    /// Replies once everything sent before it is committed.
    Flush(tokio::sync::oneshot::Sender<()>),
}

impl LogWriter {
    /// Starts the writer task on `db`'s writing connection.
    pub fn start(db: Db, hub: Hub) -> Self {
        let (sender, receiver) = mpsc::channel(QUEUE);
        tokio::spawn(run(db, hub, receiver));
        Self { sender }
    }

    pub async fn send(&self, entry: NewLog) {
        // Only fails when the writer is gone (shutting down): the entry is dropped then.
        let _ = self.sender.send(Command::Entry(Box::new(entry))).await;
    }

    /// Entries waiting to be committed.
    pub fn pending(&self) -> usize {
        QUEUE - self.sender.capacity()
    }

    /// Waits until every entry sent so far is in the database.
    pub async fn flush(&self) {
        let (done, wait) = tokio::sync::oneshot::channel();
        if self.sender.send(Command::Flush(done)).await.is_ok() {
            let _ = wait.await;
        }
    }
}

async fn run(db: Db, hub: Hub, mut receiver: mpsc::Receiver<Command>) {
    let mut batch: Vec<NewLog> = Vec::with_capacity(BATCH);
    let mut waiting: Vec<tokio::sync::oneshot::Sender<()>> = Vec::new();
    loop {
        let first = match receiver.recv().await {
            Some(command) => command,
            None => break,
        };
        let deadline = tokio::time::sleep(EVERY);
        tokio::pin!(deadline);
        let mut next = Some(first);
        loop {
            match next.take() {
                Some(Command::Entry(entry)) => batch.push(*entry),
                Some(Command::Flush(done)) => {
                    waiting.push(done);
                    break;
                }
                None => {}
            }
            if batch.len() >= BATCH {
                break;
            }
            tokio::select! {
                command = receiver.recv() => match command {
                    Some(command) => next = Some(command),
                    None => break,
                },
                () = &mut deadline => break,
            }
        }
        if !batch.is_empty() {
            match commit(&db, &batch).await {
                Ok(seqs) => {
                    let committed = batch
                        .drain(..)
                        .zip(seqs)
                        .map(|(entry, seq)| CommittedLog {
                            execution_id: entry.execution_id.clone(),
                            entry: entry.committed(seq),
                        })
                        .collect();
                    hub.logs(committed).await;
                }
                Err(error) => tracing::error!(%error, entries = batch.len(), "could not write log entries"),
            }
        }
        batch.clear();
        for done in waiting.drain(..) {
            let _ = done.send(());
        }
    }
}

async fn commit(db: &Db, batch: &[NewLog]) -> anyhow::Result<Vec<i64>> {
    let mut tx = db.writer.begin().await?;
    let seqs = super::logs::insert_batch(&mut tx, batch).await?;
    tx.commit().await?;
    Ok(seqs)
}
