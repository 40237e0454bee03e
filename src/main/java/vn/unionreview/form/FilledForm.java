package vn.unionreview.form;

import java.util.List;
import java.util.Map;

import vn.unionreview.ingest.SheetCell;
import vn.unionreview.ingest.WorkbookProperties;
import vn.unionreview.text.Message;

/**
 * A form as found in a file, before validation: the cells of its header fields and, per criterion and fact id, the
 * cells on that id's row. A field whose label is missing is null; a label whose value cell is blank has a {@link Field}
 * with a null cell.
 *
 * @param layoutErrors what makes the form unusable as a whole (a criterion row missing or repeated)
 */
public record FilledForm(
        String file,
        String sheet,
        WorkbookProperties properties,
        Field year,
        Field code,
        Field name,
        Map<String, Line> criteria,
        Map<String, Line> facts,
        List<Message> layoutErrors) {

    public FilledForm {
        criteria = Map.copyOf(criteria);
        facts = Map.copyOf(facts);
        layoutErrors = List.copyOf(layoutErrors);
    }

    /** A labelled header field: its value cell (null when blank) and the row of its label. */
    public record Field(SheetCell cell, int row) {}

    /** A criterion or fact row: self (or value) cell and verified cell, each null when blank. */
    public record Line(int row, SheetCell self, SheetCell verified) {}
}
