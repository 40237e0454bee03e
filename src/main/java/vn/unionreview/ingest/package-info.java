/**
 * Reading input, never trusting it: the registry, consolidated tables (CSV, xlsx, xls) streamed row by row, cell
 * parsing with stated corrections, legacy Vietnamese encodings, bounds and limits, and every problem named by file,
 * sheet, row and cell.
 */
package vn.unionreview.ingest;
