/**
 * Signing what is published, as Nghị định 30/2020/NĐ-CP describes electronic documents: the decision's PDF carries the
 * competent person's and the agency's digital signatures (PAdES, each an incremental update, so a later signature never
 * breaks an earlier one), and the run's manifest a detached CMS signature anyone can check offline against the agency's
 * certificate. Keys come from a PKCS#12 file; the CMS is built with Bouncy Castle, the PDF updated with PDFBox.
 */
package vn.unionreview.sign;
