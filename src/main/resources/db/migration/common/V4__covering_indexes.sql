-- National size (issue 6): counting rows by status, checking who submitted and counting tiers read
-- only these indexes instead of every row with its submission (JSON) or explanation. At 150,000
-- branches each such scan cost seconds.
DROP INDEX ur_row_code;
CREATE INDEX ur_row_code ON ur_row (run_id, code, status);
CREATE INDEX ur_row_status ON ur_row (run_id, status, source, cells_read);
CREATE INDEX ur_result_tier ON ur_result (run_id, tier);
