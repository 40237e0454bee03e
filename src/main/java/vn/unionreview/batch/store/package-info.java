/**
 * Where a run keeps what it reads and decides: its work files (the registry, submissions with their scores, files,
 * problems, duplicate copies set aside and results, in the run folder while the run goes on) and its tables in the
 * database (results, problems, council decisions and numbers, for SQL users and the history), the history of runs read
 * from them, and the tables' repair after a killed process.
 */
package vn.unionreview.batch.store;
