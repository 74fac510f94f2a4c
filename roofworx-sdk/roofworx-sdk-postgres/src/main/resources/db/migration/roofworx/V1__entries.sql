-- Every time entry, forever: the permanent record. Keyed by the entry's UUID, which the client chose, so a
-- retried batch finds its rows already there (INSERT ... ON CONFLICT (id) DO NOTHING).
-- Tables are unqualified: the migration runs with the configured schema as its search_path.
-- The CHECK limits are mirrored by the adapter (internal.RowChecks), which reports a row breaking them
-- as rejected before it is sent; keep the two in step.
CREATE TABLE time_entry (
    id                   uuid        PRIMARY KEY,
    owner                text        NOT NULL CHECK (char_length(owner) BETWEEN 1 AND 320),
    project_id           text        NOT NULL CHECK (char_length(project_id) BETWEEN 1 AND 100),
    work_date            date        NOT NULL,
    minutes              integer     NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    notes                text                 CHECK (char_length(notes) <= 4000),
    task_type            text                 CHECK (char_length(task_type) <= 100),
    created_at           timestamptz NOT NULL,
    -- when the row landed here; for operators, never read by the SDK
    stored_at            timestamptz NOT NULL DEFAULT now(),
    -- sync state towards the cold sink (the compliance copy)
    cold_status          text        NOT NULL CHECK (cold_status IN ('PENDING', 'SYNCED', 'BLOCKED')),
    cold_attempts        integer     NOT NULL DEFAULT 0 CHECK (cold_attempts >= 0),
    cold_last_error      text,
    cold_next_attempt_at timestamptz,
    cold_record_id       text                 CHECK (char_length(cold_record_id) <= 200)
);

-- "One owner's entries by work date": range(owner, from, to). Equality on owner, a range on work_date, and
-- the rest of the key equals the query's ORDER BY, so a long range can be read in order without sorting
-- (for a short one the planner may prefer a bitmap scan of the same index and a small sort).
CREATE INDEX time_entry_owner_date_idx ON time_entry (owner, work_date, created_at, id);

-- "Cold pending and due, oldest first": claimColdDue. Partial, so it holds only the (few) entries not yet in
-- the cold sink; synced rows, almost all of them, cost it nothing. Walked in created order; the due test is
-- a filter.
CREATE INDEX time_entry_cold_pending_idx ON time_entry (created_at, id) WHERE cold_status = 'PENDING';

-- "Cold blocked, oldest first": coldBlocked. Partial for the same reason; blocked entries are rare.
CREATE INDEX time_entry_cold_blocked_idx ON time_entry (created_at, id) WHERE cold_status = 'BLOCKED';
