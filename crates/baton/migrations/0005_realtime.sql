-- Notifications, one row per user they are for; and indexes for the activity feed and the
-- dashboard's metrics, which read executions and tasks by the time they started or ended.

CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT NOT NULL,
    execution_id TEXT,
    project_id TEXT,
    created_at TEXT NOT NULL,
    read_at TEXT
);
CREATE INDEX idx_notifications_user ON notifications(user_id, created_at DESC, id DESC);
CREATE INDEX idx_notifications_unread ON notifications(user_id) WHERE read_at IS NULL;

CREATE INDEX idx_executions_started ON agent_executions(started_at);
CREATE INDEX idx_executions_completed ON agent_executions(completed_at);
CREATE INDEX idx_tasks_started ON agent_tasks(started_at);
CREATE INDEX idx_tasks_completed ON agent_tasks(completed_at);
CREATE INDEX idx_tasks_running ON agent_tasks(agent_name) WHERE status = 'running';
