-- Integrations: executions reported from outside (Claude Code hooks, orchestrator.sh's webhook,
-- its workspace files), subagent tasks under their parent, and how far each watched file is read.

-- source: baton | hooks | notify | workspace. external_id: the sender's id for the run
-- (Claude Code's session_id, orchestrator.sh's executionId, a workspace run's key).
ALTER TABLE agent_executions ADD COLUMN source TEXT NOT NULL DEFAULT 'baton';
ALTER TABLE agent_executions ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX idx_executions_external ON agent_executions(source, external_id) WHERE external_id IS NOT NULL;

-- external_id: the sender's id for the task (a subagent's agent_id, a legacy taskId, an agent
-- name); parent_id: the attempt that started this one (a subagent's session task).
ALTER TABLE agent_tasks ADD COLUMN external_id TEXT;
ALTER TABLE agent_tasks ADD COLUMN parent_id TEXT;
CREATE INDEX idx_tasks_external ON agent_tasks(execution_id, external_id) WHERE external_id IS NOT NULL;

-- Where the watcher stopped reading each file: a restart neither repeats nor loses lines.
-- fingerprint: the file's identity (device and inode), so a replaced file is read from the start.
CREATE TABLE watch_positions (
    path TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    offset INTEGER NOT NULL,
    digest TEXT,
    updated_at TEXT NOT NULL
);
