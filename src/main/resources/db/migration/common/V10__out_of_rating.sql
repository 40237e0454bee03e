-- Branches not rated in the year (too new) and dissolved ones (out of the year), counted apart from those not
-- submitted. A table of its own rather than columns added to ur_run_count: adding them left an H2 error trace ("IO
-- Exception: Closing") beside a year's first database when Flyway let go of it (EmbeddedDatabaseTest).
CREATE TABLE IF NOT EXISTS ur_run_out_of_rating (
    run_id BIGINT NOT NULL PRIMARY KEY,
    not_rated INTEGER NOT NULL,
    dissolved INTEGER NOT NULL
);
