-- National scale (issue 25): the registry, rows and files a run reads are kept in its work files, and its numbers in
-- ur_run_count (V8 counted the runs stored before). These tables are no longer written; their rows were the steps'
-- intermediate data (the results, problems and decisions stay), and keeping them would only make every resumed run
-- rebuild their indexes (CrashRepair).
DROP TABLE ur_row;
DROP TABLE ur_branch;
DROP TABLE ur_file;
