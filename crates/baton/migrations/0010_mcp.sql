-- MCP servers added in Baton (global, or for one project) and the health-check history of every
-- MCP server Baton knows, added or discovered from Claude Code's files.

-- NULL: a server for every project. Deleting the project deletes its servers.
ALTER TABLE mcp_servers ADD COLUMN project_id TEXT REFERENCES projects(id) ON DELETE CASCADE;
ALTER TABLE mcp_servers ADD COLUMN updated_at TIMESTAMP;

-- One server of a name per project, and one global one.
CREATE UNIQUE INDEX mcp_servers_by_name ON mcp_servers (name, IFNULL(project_id, ''));

-- `server_key` is `<scope>:<project id or empty>:<name>` (discovered servers have no row in
-- mcp_servers); `result` is the check as the API shows it. Pruned to the newest few per server.
CREATE TABLE mcp_checks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    server_key TEXT NOT NULL,
    checked_at TIMESTAMP NOT NULL,
    ok BOOLEAN NOT NULL,
    result JSON NOT NULL
);

CREATE INDEX mcp_checks_by_server ON mcp_checks (server_key, id DESC);
