-- The unit beneath a province whose published result a branch's result is, in a province's year (a branch the run
-- rated itself has no row here). A table of its own rather than a column added to ur_result, for the reason V10 gives.
CREATE TABLE IF NOT EXISTS ur_result_unit (
    run_id BIGINT NOT NULL,
    code VARCHAR(64) NOT NULL,
    unit VARCHAR(64) NOT NULL,
    PRIMARY KEY (run_id, code)
);
