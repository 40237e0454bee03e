package vn.unionreview.result;

import vn.unionreview.ingest.WorkbookProperties;

/**
 * Where a scored branch's submission came from: a form (row 0, with what its workbook says about itself) or a row of a
 * consolidated table ({@code form} null).
 */
public record ScoredSource(String file, String sheet, int row, WorkbookProperties form) {}
