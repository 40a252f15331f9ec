-- Accounts, and every project owned by one of them.
CREATE TABLE users (
    id                    uuid     PRIMARY KEY,
    user_name             text     NOT NULL,
    normalized_user_name  text     NOT NULL UNIQUE,
    email                 text,
    normalized_email      text     UNIQUE,
    email_confirmed       boolean  NOT NULL,
    password_hash         text,
    security_stamp        text     NOT NULL,
    concurrency_stamp     text     NOT NULL,
    lockout_enabled       boolean  NOT NULL,
    lockout_end           bigint,
    access_failed_count   integer  NOT NULL,
    is_admin              boolean  NOT NULL,
    created_at            bigint   NOT NULL,
    last_login_at         bigint
);

-- Projects made before accounts existed have no owner (NULL) until the first account is
-- registered, which takes them over. A CHECK ... NOT VALID would also refuse updates of
-- those rows, so the rule for new rows is a trigger, the same rule as on SQLite.
ALTER TABLE projects ADD COLUMN owner_id uuid REFERENCES users(id) ON DELETE CASCADE;
CREATE INDEX ix_projects_owner ON projects (owner_id);

CREATE FUNCTION projects_owner_required() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.owner_id IS NULL THEN
        RAISE EXCEPTION 'projects.owner_id is required: every new project belongs to an account'
            USING ERRCODE = 'not_null_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER tr_projects_owner BEFORE INSERT OR UPDATE OF owner_id ON projects
    FOR EACH ROW EXECUTE FUNCTION projects_owner_required();
