-- Corrections: an entry has versions (1 as submitted, one more per correction or void). The row holds the
-- newest version only; an upsert replaces it only with a newer one (ON CONFLICT ... WHERE excluded.version >
-- time_entry.version), so a retried or late batch carrying an older version changes nothing.
ALTER TABLE time_entry
    ADD COLUMN version    integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
    ADD COLUMN voided     boolean     NOT NULL DEFAULT false,
    ADD COLUMN updated_at timestamptz;

-- Every version of every entry, for compliance: who changed it, when, and to what. One row per (id, version),
-- inserted with ON CONFLICT DO NOTHING, so a version delivered twice is recorded once.
CREATE TABLE time_entry_history (
    id          uuid        NOT NULL REFERENCES time_entry (id),
    version     integer     NOT NULL CHECK (version >= 1),
    changed_by  text        NOT NULL CHECK (char_length(changed_by) BETWEEN 1 AND 320),
    changed_at  timestamptz NOT NULL,
    project_id  text        NOT NULL CHECK (char_length(project_id) BETWEEN 1 AND 100),
    work_date   date        NOT NULL,
    minutes     integer     NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    notes       text                 CHECK (char_length(notes) <= 4000),
    task_type   text                 CHECK (char_length(task_type) <= 100),
    voided      boolean     NOT NULL,
    -- when the row landed here; for operators, never read by the SDK
    stored_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
);

-- Entries stored before versions existed are their own version 1.
INSERT INTO time_entry_history (id, version, changed_by, changed_at, project_id, work_date, minutes, notes,
                                task_type, voided)
SELECT id, 1, owner, created_at, project_id, work_date, minutes, notes, task_type, false FROM time_entry;
