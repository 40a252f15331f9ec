-- Accounts, and every project owned by one of them.
CREATE TABLE users (
    id                    TEXT    PRIMARY KEY,
    user_name             TEXT    NOT NULL,
    normalized_user_name  TEXT    NOT NULL UNIQUE,
    email                 TEXT,
    normalized_email      TEXT    UNIQUE,
    email_confirmed       INTEGER NOT NULL,
    password_hash         TEXT,
    security_stamp        TEXT    NOT NULL,
    concurrency_stamp     TEXT    NOT NULL,
    lockout_enabled       INTEGER NOT NULL,
    lockout_end           INTEGER,
    access_failed_count   INTEGER NOT NULL,
    is_admin              INTEGER NOT NULL,
    created_at            INTEGER NOT NULL,
    last_login_at         INTEGER
);

-- Projects made before accounts existed have no owner (NULL) until the first account is
-- registered, which takes them over. SQLite cannot add a NOT NULL column without a default,
-- so the rule for new rows is a trigger, the same rule as on PostgreSQL.
ALTER TABLE projects ADD COLUMN owner_id TEXT REFERENCES users(id) ON DELETE CASCADE;
CREATE INDEX ix_projects_owner ON projects (owner_id);

CREATE TRIGGER tr_projects_owner_on_insert BEFORE INSERT ON projects WHEN NEW.owner_id IS NULL
BEGIN
    SELECT RAISE(ABORT, 'projects.owner_id is required: every new project belongs to an account');
END;

CREATE TRIGGER tr_projects_owner_on_update BEFORE UPDATE OF owner_id ON projects WHEN NEW.owner_id IS NULL
BEGIN
    SELECT RAISE(ABORT, 'projects.owner_id is required: every new project belongs to an account');
END;
