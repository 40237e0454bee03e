/**
 * A run's tables in the database (results, problems, council decisions and counts), loaded in bulk once the run is
 * scored, for SQL users and the history; and the repair of their indexes after a killed process.
 */
package vn.unionreview.run.tables;
