/**
 * What leaders read: the report as an official document (PDF), the results workbook, charts, the letters back to
 * branches, the council decision, and the run's CSV files.
 */
package vn.unionreview.report;
