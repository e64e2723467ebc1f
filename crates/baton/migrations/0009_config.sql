-- Configuration documents, every save a version: `scope` is 'global' or a project's id.
-- `document` is the sparse document as saved (secrets sealed); `changes` lists what changed
-- from the version before, secrets masked.
CREATE TABLE config_versions (
    scope TEXT NOT NULL,
    version INTEGER NOT NULL,
    project_id TEXT REFERENCES projects(id) ON DELETE CASCADE,
    document TEXT NOT NULL,
    changes TEXT NOT NULL,
    author TEXT,
    reverted_from INTEGER,
    created_at TEXT NOT NULL,
    PRIMARY KEY (scope, version)
);
