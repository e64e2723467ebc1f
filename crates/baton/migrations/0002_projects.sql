-- What the Projects capability needs beyond the seed schema.

-- The directory agents of this project work in (absolute path).
ALTER TABLE projects ADD COLUMN workspace_dir TEXT;

-- Names are unique regardless of case ("Shop" and "shop" are the same project to a person).
CREATE UNIQUE INDEX idx_projects_name_nocase ON projects(name COLLATE NOCASE);

-- The list is newest first, optionally by status; both orders are served from an index.
CREATE INDEX idx_projects_created ON projects(created_at, id);
CREATE INDEX idx_projects_status_created ON projects(status, created_at, id);

-- updated_at maintenance for writers that do not set it themselves (the seed's scripts).
-- Baton's own updates set it explicitly; the WHEN clause keeps this from firing again then.
CREATE TRIGGER trg_projects_updated_at
AFTER UPDATE ON projects
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE projects SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE id = NEW.id;
END;
