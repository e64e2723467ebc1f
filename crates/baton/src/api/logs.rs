use std::{convert::Infallible, time::Duration};

use axum::{
    Json,
    extract::{Path, State},
    http::{HeaderMap, header},
    response::{
        IntoResponse, Response,
        sse::{Event, KeepAlive, Sse},
    },
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::extract::AppQuery;
use crate::{
    app::AppState,
    auth::Viewer,
    error::{AppError, ErrorBody},
    store::{
        self,
        logs::{LogEntry, LogFilter},
    },
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(execution_logs))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct LogParams {
    /// Only this task's entries.
    task: Option<String>,
    agent: Option<String>,
    /// `info`, `warn` or `error`.
    level: Option<String>,
    /// Text in the message (case-insensitive).
    q: Option<String>,
    /// Entries after this sequence number.
    after_seq: Option<i64>,
    #[param(minimum = 1, maximum = 5000)]
    limit: Option<u32>,
}

/// One page of log entries, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct LogPage {
    pub items: Vec<LogEntry>,
    /// Pass as `after_seq` for the next page (the last entry's seq).
    pub last_seq: i64,
}

/// Log entries of an execution. With `Accept: text/event-stream`, streams new entries (events
/// named `log`, with `id` = seq) until the execution ends.
#[utoipa::path(get, path = "/api/executions/{id}/logs", tag = "executions",
    params(("id" = String, Path, description = "Execution id"), LogParams),
    responses((status = 200, body = LogPage), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn execution_logs(
    State(app): State<AppState>,
    _: Viewer,
    Path(id): Path<String>,
    AppQuery(params): AppQuery<LogParams>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    store::executions::get(&app.db.reader, &id).await?.ok_or(AppError::NotFound("execution"))?;
    let limit = params.limit.unwrap_or(1000);
    if !(1..=5000).contains(&limit) {
        return Err(AppError::invalid("limit", format!("must be between 1 and 5000 (got {limit})")));
    }
    let filter = LogFilter {
        execution_id: id.clone(),
        task_id: params.task,
        agent: params.agent,
        level: params.level,
        q: params.q.filter(|q| !q.trim().is_empty()),
        after_seq: params.after_seq.unwrap_or(0),
        limit,
    };
    let wants_stream = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/event-stream"));
    if wants_stream {
        return Ok(stream_logs(app, filter).into_response());
    }
    let items = store::logs::list(&app.db.reader, &filter).await?;
    let last_seq = items.last().map_or(filter.after_seq, |e| e.seq);
    Ok(Json(LogPage { items, last_seq }).into_response())
}

/// Polls for new entries every 250 ms and sends them; ends after the execution has ended and
/// every entry has been sent.
fn stream_logs(
    app: AppState,
    filter: LogFilter,
) -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>> {
    let stream = futures_util::stream::unfold((app, filter, false), |(app, mut filter, done)| async move {
        if done {
            return None;
        }
        loop {
            let ended = store::executions::get(&app.db.reader, &filter.execution_id)
                .await
                .ok()
                .flatten()
                .is_none_or(|e| e.status.is_terminal());
            let entries = store::logs::list(&app.db.reader, &filter).await.unwrap_or_default();
            if let Some(last) = entries.last() {
                filter.after_seq = last.seq;
                let events: Vec<Result<Event, Infallible>> = entries
                    .iter()
                    .map(|entry| {
                        Ok(Event::default()
                            .event("log")
                            .id(entry.seq.to_string())
                            .json_data(entry)
                            .unwrap_or_default())
                    })
                    .collect();
                return Some((futures_util::stream::iter(events), (app, filter, false)));
            }
            if ended {
                let end = vec![Ok(Event::default().event("end").data("the execution has ended"))];
                return Some((futures_util::stream::iter(end), (app, filter, true)));
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    });
    Sse::new(futures_util::StreamExt::flatten(stream)).keep_alive(KeepAlive::default())
}
