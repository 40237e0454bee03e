/**
 * What makes a run answerable to an auditor: manifest.json, the content-addressed archive of inputs, the result digest,
 * replaying a run ({@code verify}), publications and the activity record.
 */
package vn.unionreview.audit;
