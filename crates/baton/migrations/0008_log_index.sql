-- One index on log entries instead of two: the seed's idx_logs_execution (execution_id) and
-- 0004's idx_logs_execution_seq (execution_id, id) served the same queries, and every log line,
-- the busiest write Baton does, paid for both. The seed's name stays, on the longer key, which
-- answers everything the shorter one did.
DROP INDEX IF EXISTS idx_logs_execution_seq;
DROP INDEX IF EXISTS idx_logs_execution;
CREATE INDEX idx_logs_execution ON agent_logs(execution_id, id);
