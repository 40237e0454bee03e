package vn.unionreview.ingest;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import vn.unionreview.rules.RuleSet;
import vn.unionreview.text.Message;

/**
 * Reads every consolidated table of a run, file after file, one row at a time: a file item, then its data rows (see
 * {@link TableRow}). Keeps no checkpoint: a restarted ingest step starts over (see batch.StartOver). Not thread-safe;
 * one instance per step execution.
 */
public class TableRowReader extends AbstractItemCountingItemStreamItemReader<TableRow> {

    private static final Logger LOG = LoggerFactory.getLogger(TableRowReader.class);

    private final BranchRules rules;
    private final List<InputFile> files;
    private final InputLimits limits;
    private int fileIndex = -1;
    private SheetSource source;
    private TableLayout layout;
    private int lastRow;

    public TableRowReader(RuleSet rules, List<InputFile> files) {
        this(rules, files, InputLimits.DEFAULTS);
    }

    public TableRowReader(RuleSet rules, List<InputFile> files, InputLimits limits) {
        this(BranchRules.of(rules), files, limits);
    }

    /** @param rules the year's rules: a table's columns may be any kind's */
    public TableRowReader(BranchRules rules, List<InputFile> files, InputLimits limits) {
        this.rules = rules;
        this.files = List.copyOf(files);
        this.limits = limits;
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
                        lastRow = row.number();
                        return new TableRow(layout, row);
                    }
                } catch (IOException | RuntimeException e) {
                    // the structure broke partway: the file is not used at all (its rows so far are rejected with it),
                    // the job goes on
                    LOG.warn("{}: refused after row {}", layout.file(), lastRow, e);
                    closeSource();
                    return TableRow.refusal(
                            layout,
                            new Problem(
                                    Severity.REJECTED,
                                    layout.file(),
                                    layout.sheet(),
                                    lastRow + 1,
                                    "",
                                    "",
                                    "",
                                    "",
                                    Message.of("table.broken", "why", BrokenInputException.reasonOf(e))));
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
        String name = file.displayName();
        if (file.nameError() != null) {
            return new TableRow(TableLayout.unreadable(name, file.nameError()), null);
        }
        try {
            source = SheetSource.open(file.path(), name, limits);
            SheetRow header = source.next();
            if (header == null) {
                closeSource();
                return new TableRow(TableLayout.unreadable(name, Message.of("file.empty")), null);
            }
            lastRow = header.number();
            layout = TableLayout.of(rules, header, source.notes());
            return new TableRow(layout, null);
        } catch (UnreadableFileException e) {
            closeSource();
            return new TableRow(TableLayout.unreadable(name, e.reason()), null);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: not readable", name, e);
            closeSource();
            return new TableRow(TableLayout.unreadable(name, BrokenInputException.reasonOf(e)), null);
        }
    }

    private void closeSource() {
        if (source != null) {
            try {
                source.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: closing it failed", layout == null ? "" : layout.file(), e);
            }
            source = null;
        }
    }

    @Override
    protected void doClose() throws Exception {
        closeSource();
    }
}
