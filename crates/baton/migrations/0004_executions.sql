-- The execution engine: plans with names, executions with their plan snapshot and totals,
-- task attempts with their process and costs, structured log entries.

ALTER TABLE execution_plans ADD COLUMN name TEXT;
ALTER TABLE execution_plans ADD COLUMN updated_at TIMESTAMP;
CREATE INDEX idx_plans_project ON execution_plans(project_id, created_at);
ALTER TABLE projects ADD COLUMN default_plan_id TEXT;

-- kind: plan | agent | session | orchestrator. agent_name (seed, NOT NULL) holds the plan's name
-- for plan executions.
ALTER TABLE agent_executions ADD COLUMN kind TEXT NOT NULL DEFAULT 'plan';
ALTER TABLE agent_executions ADD COLUMN plan_id TEXT;
ALTER TABLE agent_executions ADD COLUMN plan JSON;
ALTER TABLE agent_executions ADD COLUMN created_at TIMESTAMP;
ALTER TABLE agent_executions ADD COLUMN created_by TEXT;
ALTER TABLE agent_executions ADD COLUMN rerun_of TEXT;
ALTER TABLE agent_executions ADD COLUMN cost_usd REAL NOT NULL DEFAULT 0;
ALTER TABLE agent_executions ADD COLUMN input_tokens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agent_executions ADD COLUMN output_tokens INTEGER NOT NULL DEFAULT 0;
CREATE INDEX idx_executions_created ON agent_executions(created_at, id);

-- One row per attempt of a task; task_id is the plan's task id.
ALTER TABLE agent_tasks ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1;
ALTER TABLE agent_tasks ADD COLUMN depends_on JSON;
ALTER TABLE agent_tasks ADD COLUMN exit_code INTEGER;
ALTER TABLE agent_tasks ADD COLUMN error TEXT;
-- The process group of a running attempt, so a restarted Baton can end what is left of it.
ALTER TABLE agent_tasks ADD COLUMN pgid INTEGER;
ALTER TABLE agent_tasks ADD COLUMN input_tokens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agent_tasks ADD COLUMN output_tokens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agent_tasks ADD COLUMN cost_usd REAL NOT NULL DEFAULT 0;
CREATE INDEX idx_tasks_execution_attempt ON agent_tasks(execution_id, task_id, attempt);

-- kind: stdout | stderr | system | assistant | tool_use | tool_result | result
ALTER TABLE agent_logs ADD COLUMN task_id TEXT;
ALTER TABLE agent_logs ADD COLUMN kind TEXT;
CREATE INDEX idx_logs_execution_seq ON agent_logs(execution_id, id);

-- One configuration per agent and project (project_id NULL: the agent's default).
ALTER TABLE agent_configurations ADD COLUMN updated_at TIMESTAMP;
CREATE UNIQUE INDEX idx_agent_configurations_scope ON agent_configurations(IFNULL(project_id, ''), agent_name);
