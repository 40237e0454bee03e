/**
 * Launching the year-end job: a run's request and outcome, resuming a run a dead process left, and the job repository
 * it is recorded in.
 */
package vn.unionreview.run.launch;
