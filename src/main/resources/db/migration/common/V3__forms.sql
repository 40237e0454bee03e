-- Branch forms (issue 3): where each submission came from, how many input cells it had and how
-- many were invalid, and when a form says it was saved (for the optional "newer form wins" rule).
ALTER TABLE ur_row ADD COLUMN source VARCHAR(10) DEFAULT 'TABLE' NOT NULL;
ALTER TABLE ur_row ADD COLUMN cells_read INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE ur_row ADD COLUMN cells_invalid INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE ur_row ADD COLUMN saved_at VARCHAR(40);

-- Every input file met by the ingest steps, read or not, with why not.
CREATE TABLE ur_file (
    run_id   BIGINT        NOT NULL,
    file     VARCHAR(1000) NOT NULL,
    source   VARCHAR(10)   NOT NULL,
    readable BOOLEAN       NOT NULL,
    reason   VARCHAR(2000) NOT NULL,
    PRIMARY KEY (run_id, file)
);
