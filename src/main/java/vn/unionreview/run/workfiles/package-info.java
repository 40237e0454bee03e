/**
 * A run's work files, in its folder's {@code .work/} while it goes on: the registry as read, every row with its
 * submission and score, the files met, every problem, the duplicate copies set aside, and the results. A step writes
 * them and the steps after it read them back; the folder is removed when the run completes.
 */
package vn.unionreview.run.workfiles;
