/**
 * What makes a run answerable to an auditor: manifest.json, the content-addressed archive of inputs,
 * the result digest, replaying a run ({@code verify}), publications, the run folder's INCOMPLETE
 * marker, the per-year run lock and run.log.
 */
package vn.unionreview.audit;
