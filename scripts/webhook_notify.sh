#!/usr/bin/env bash
# webhook_notify: the drop-in function orchestrator.sh scripts call to report to Baton.
#
#   source scripts/webhook_notify.sh
#   webhook_notify "agent:started" '{"agentName": "backend-expert", "taskId": "BE-20250801-0001"}'
#
# Environment (Baton sets the first three when it launches the script itself):
#   WEBHOOK_URL    where to post   [default: http://127.0.0.1:3001/api/webhooks/notify]
#   EXECUTION_ID   the run's id    [default: none; Baton then joins the open run of the project]
#   PROJECT_ID     the project id or name
#   BATON_TOKEN    an ingest token (baton token create --name orchestrator --role ingest)
#
# It never fails the calling script: a Baton that is down or slow costs at most 5 seconds and
# a line on stderr.

webhook_notify() {
    local event="$1" data="${2:-"{}"}"
    local url="${WEBHOOK_URL:-http://127.0.0.1:3001/api/webhooks/notify}"
    local timestamp
    timestamp="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    local body
    body=$(printf '{"event":"%s","executionId":%s,"projectId":%s,"data":%s,"timestamp":"%s"}' \
        "$(_webhook_json_escape "$event")" \
        "$(_webhook_json_string "${EXECUTION_ID:-}")" \
        "$(_webhook_json_string "${PROJECT_ID:-}")" \
        "$data" "$timestamp")
    local auth=()
    if [[ -n "${BATON_TOKEN:-}" ]]; then
        auth=(-H "Authorization: Bearer ${BATON_TOKEN}")
    fi
    if ! curl -sS -m 5 -o /dev/null -X POST -H 'Content-Type: application/json' "${auth[@]}" \
        --data-binary "$body" "$url"; then
        echo "webhook_notify: could not send $event to $url" >&2
    fi
    return 0
}

# The text as the inside of a JSON string.
_webhook_json_escape() {
    local text="$1"
    text="${text//\\/\\\\}"
    text="${text//\"/\\\"}"
    text="${text//$'\n'/\\n}"
    text="${text//$'\r'/\\r}"
    text="${text//$'\t'/\\t}"
    printf '%s' "$text"
}

# A JSON string, or null when empty.
_webhook_json_string() {
    if [[ -z "$1" ]]; then printf 'null'; else printf '"%s"' "$(_webhook_json_escape "$1")"; fi
}

# Run directly: `scripts/webhook_notify.sh EVENT [DATA]`.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    if [[ $# -lt 1 ]]; then
        echo "usage: $0 EVENT [DATA_JSON]" >&2
        exit 2
    fi
    webhook_notify "$@"
fi
