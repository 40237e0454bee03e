/**
 * The run tables in the database (branches, submissions with their scores, problems, files, results, council
 * decisions), what the job's steps write to and read from them, the history of runs read from them, and their
 * repair after a killed process.
 */
package vn.unionreview.batch.store;
