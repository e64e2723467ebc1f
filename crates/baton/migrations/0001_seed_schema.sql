-- The schema of the original design document (seed/agent-orchestrator-dashboard.md, section 3),
-- table for table and column for column: scripts written against the design read this database.
-- Later migrations add to it; they never rename or drop what is here.

CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    status TEXT DEFAULT 'inactive',
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    config JSON
);

CREATE TABLE agent_executions (
    id TEXT PRIMARY KEY,
    project_id TEXT,
    agent_name TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    completed_at TIMESTAMP,
    error TEXT,
    metrics JSON,
    FOREIGN KEY (project_id) REFERENCES projects(id)
);

CREATE TABLE execution_plans (
    id TEXT PRIMARY KEY,
    project_id TEXT,
    plan JSON NOT NULL,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (project_id) REFERENCES projects(id)
);

CREATE TABLE agent_tasks (
    id TEXT PRIMARY KEY,
    execution_id TEXT,
    task_id TEXT NOT NULL,
    agent_name TEXT NOT NULL,
    status TEXT NOT NULL,
    input JSON,
    output JSON,
    started_at TIMESTAMP,
    completed_at TIMESTAMP,
    FOREIGN KEY (execution_id) REFERENCES agent_executions(id)
);

CREATE TABLE agent_logs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    execution_id TEXT,
    agent_name TEXT,
    level TEXT,
    message TEXT,
    metadata JSON,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (execution_id) REFERENCES agent_executions(id)
);

CREATE TABLE project_configurations (
    id TEXT PRIMARY KEY,
    project_id TEXT,
    config_type TEXT,
    config_data JSON,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (project_id) REFERENCES projects(id)
);

CREATE TABLE agent_configurations (
    id TEXT PRIMARY KEY,
    project_id TEXT,
    agent_name TEXT,
    config JSON,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (project_id) REFERENCES projects(id)
);

CREATE TABLE execution_metrics (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    execution_id TEXT,
    metric_name TEXT,
    metric_value REAL,
    recorded_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (execution_id) REFERENCES agent_executions(id)
);

CREATE TABLE mcp_servers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    status TEXT,
    config JSON,
    last_check TIMESTAMP,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    project_id TEXT,
    url TEXT NOT NULL,
    events JSON,
    headers JSON,
    active BOOLEAN DEFAULT 1,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (project_id) REFERENCES projects(id)
);

CREATE TABLE agent_dependencies (
    id TEXT PRIMARY KEY,
    execution_plan_id TEXT,
    from_task TEXT,
    to_task TEXT,
    dependency_type TEXT,
    FOREIGN KEY (execution_plan_id) REFERENCES execution_plans(id)
);

CREATE INDEX idx_executions_project ON agent_executions(project_id);
CREATE INDEX idx_executions_status ON agent_executions(status);
CREATE INDEX idx_tasks_execution ON agent_tasks(execution_id);
CREATE INDEX idx_logs_execution ON agent_logs(execution_id);
CREATE INDEX idx_metrics_execution ON execution_metrics(execution_id);
