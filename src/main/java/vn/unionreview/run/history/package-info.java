/** The runs of a year as the job repository recorded them, with their counts, result digests and folders. */
package vn.unionreview.run.history;
