-- National scale (issue 25): the registry, rows and files a run reads are kept in its work files, and its numbers in
-- ur_run_count (V8 counted the runs stored before). These tables are no longer written; their rows were the steps'
-- intermediate data (the results, problems and decisions stay), and keeping them would only make every resumed run
-- rebuild their indexes (CrashRepair).
-- IF EXISTS: H2 commits each statement on its own, and a migration a killed process left halfway is run again.
DROP TABLE IF EXISTS ur_row;
DROP TABLE IF EXISTS ur_branch;
DROP TABLE IF EXISTS ur_file;
