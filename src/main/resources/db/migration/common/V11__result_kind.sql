-- The kind of branch whose rule set scored a result, in a year ruled by kind (a year with one rule set has no rows
-- here). A table of its own rather than a column added to ur_result, for the reason V10 gives.
CREATE TABLE IF NOT EXISTS ur_result_kind (
    run_id BIGINT NOT NULL,
    code VARCHAR(64) NOT NULL,
    kind VARCHAR(64) NOT NULL,
    PRIMARY KEY (run_id, code)
);
