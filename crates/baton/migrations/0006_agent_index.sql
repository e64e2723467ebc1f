-- Agent statuses and the executions list's agent filter read tasks by agent: every task state
-- change asks when its agent was last seen.
CREATE INDEX idx_tasks_agent ON agent_tasks(agent_name, started_at);
