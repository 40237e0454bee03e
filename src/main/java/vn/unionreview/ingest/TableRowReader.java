package vn.unionreview.ingest;

import java.io.IOException;
import java.util.List;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import vn.unionreview.rules.RuleSet;

/**
 * Reads every consolidated table of a run, file after file, one row at a time: a file item, then
 * its data rows (see {@link TableRow}). Keeps no checkpoint: a restarted ingest step starts over
 * (see batch.StartOver). Not thread-safe; one instance per step execution.
 */
public class TableRowReader extends AbstractItemCountingItemStreamItemReader<TableRow> {

    private final RuleSet rules;
    private final List<InputFile> files;
    private int fileIndex = -1;
    private SheetSource source;
    private TableLayout layout;

    public TableRowReader(RuleSet rules, List<InputFile> files) {
        this.rules = rules;
        this.files = List.copyOf(files);
        setName("tableRows");
        setSaveState(false);
    }

    @Override
    protected void doOpen() {
        fileIndex = -1;
    }

    @Override
    protected TableRow doRead() throws Exception {
        while (true) {
            if (source != null) {
                try {
                    SheetRow row = source.next();
                    if (row != null) {
                        return new TableRow(layout, row);
                    }
                } catch (IOException e) {
                    // a file damaged halfway: its rows so far stand, the rest is reported, the job goes on
                    closeSource();
                    return new TableRow(TableLayout.unreadable(layout.file(), "rest of the file skipped: " + e.getMessage()), null);
                }
                closeSource();
            }
            if (++fileIndex >= files.size()) {
                return null;
            }
            TableRow fileItem = openFile(files.get(fileIndex));
            if (fileItem != null) {
                return fileItem;
            }
        }
    }

    /** Opens the next file and returns its file item; the source stays open only when rows can follow. */
    private TableRow openFile(InputFile file) throws IOException {
        try {
            source = SheetSource.open(file.path(), file.name());
            SheetRow header = source.next();
            if (header == null) {
                closeSource();
                return new TableRow(TableLayout.unreadable(file.name(), "the file is empty"), null);
            }
            layout = TableLayout.of(rules, header, source.notes());
            return new TableRow(layout, null);
        } catch (UnreadableFileException e) {
            closeSource();
            return new TableRow(TableLayout.unreadable(file.name(), e.getMessage()), null);
        } catch (IOException e) {
            closeSource();
            return new TableRow(TableLayout.unreadable(file.name(), e.getMessage()), null);
        }
    }

    private void closeSource() throws IOException {
        if (source != null) {
            source.close();
            source = null;
        }
    }

    @Override
    protected void doClose() throws Exception {
        closeSource();
    }
}
