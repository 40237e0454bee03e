-- Branches whose form arrived and could not be read, counted apart from those that sent nothing (not_submitted).
-- A table of its own for the reason V10 gives.
CREATE TABLE IF NOT EXISTS ur_run_submitted_unreadable (
    run_id BIGINT NOT NULL PRIMARY KEY,
    branches INTEGER NOT NULL
);
