-- National scale (issue 25): a run's branches, rows and files are kept in its work files while it runs, not in
-- ur_branch, ur_row and ur_file, which are no longer written; the database keeps the run's numbers here, as its
-- steps leave them, for the history. Runs made before keep theirs, counted once from the rows they stored.
-- H2 commits each statement here on its own: a migration a killed process left halfway is simply run again.
CREATE TABLE IF NOT EXISTS ur_run_count (
    run_id            BIGINT  NOT NULL PRIMARY KEY,
    registry_branches INTEGER NOT NULL,
    rows_read         INTEGER NOT NULL,
    rows_accepted     INTEGER NOT NULL,
    rows_rejected     INTEGER NOT NULL,
    not_submitted     INTEGER NOT NULL,
    table_files       INTEGER NOT NULL,
    form_files        INTEGER NOT NULL,
    unreadable_files  INTEGER NOT NULL,
    cells_read        INTEGER NOT NULL,
    cells_accepted    INTEGER NOT NULL,
    cells_rejected    INTEGER NOT NULL
);

INSERT INTO ur_run_count (run_id, registry_branches, rows_read, rows_accepted, rows_rejected, not_submitted, table_files, form_files,
                          unreadable_files, cells_read, cells_accepted, cells_rejected)
SELECT r.run_id,
       (SELECT COUNT(*) FROM ur_branch b WHERE b.run_id = r.run_id),
       (SELECT COUNT(*) FROM ur_row w WHERE w.run_id = r.run_id),
       (SELECT COUNT(*) FROM ur_row w WHERE w.run_id = r.run_id AND w.status = 'ACCEPTED'),
       (SELECT COUNT(*) FROM ur_row w WHERE w.run_id = r.run_id AND w.status = 'REJECTED'),
       (SELECT COUNT(*) FROM ur_branch b WHERE b.run_id = r.run_id AND NOT EXISTS
           (SELECT 1 FROM ur_row w WHERE w.run_id = b.run_id AND w.code = b.code AND w.status = 'ACCEPTED')),
       (SELECT COUNT(*) FROM ur_file f WHERE f.run_id = r.run_id AND f.readable AND f.source = 'TABLE'),
       (SELECT COUNT(*) FROM ur_file f WHERE f.run_id = r.run_id AND f.readable AND f.source = 'FORM'),
       (SELECT COUNT(*) FROM ur_file f WHERE f.run_id = r.run_id AND NOT f.readable),
       (SELECT COALESCE(SUM(w.cells_read), 0) FROM ur_row w WHERE w.run_id = r.run_id),
       (SELECT COALESCE(SUM(w.cells_read), 0) FROM ur_row w WHERE w.run_id = r.run_id AND w.status = 'ACCEPTED'),
       (SELECT COALESCE(SUM(w.cells_read), 0) FROM ur_row w WHERE w.run_id = r.run_id AND w.status = 'REJECTED')
FROM (SELECT DISTINCT run_id FROM ur_branch) r
WHERE NOT EXISTS (SELECT 1 FROM ur_run_count c WHERE c.run_id = r.run_id);
