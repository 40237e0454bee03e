/**
 * The results of a run as every output reads them: a branch's result row, the run's counts, what became of each input
 * file, branches not submitted, council decisions, where a submission came from. Shared by the job, the reports, the
 * statistics and the audit, which therefore need not depend on each other.
 */
package vn.unionreview.result;
