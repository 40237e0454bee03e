package vn.unionreview.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import vn.unionreview.ingest.InputFile;
import vn.unionreview.ingest.InputSet;
import vn.unionreview.ingest.SheetRow;
import vn.unionreview.ingest.SheetSource;
import vn.unionreview.ingest.SpreadsheetContent;
import vn.unionreview.ingest.UnreadableFileException;

/**
 * {@code parse}: reads every table and form of a year with the same readers as {@code run} and does nothing else (no
 * validation, no database, no reports). The floor a full run is measured against in the benchmark (bench/run.sh).
 */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description =
                "Read every input file of a year and count rows and cells, nothing more: the floor for benchmarks.")
class ParseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.Year year;

    @Mixin
    CommonOptions.InputFolder input;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        InputSet inputs = InputSet.discover(input.value, year.value);
        long rows = 0;
        long cells = 0;
        int unreadable = 0;
        for (InputFile table : inputs.tables()) {
            try (SheetSource source = SheetSource.open(table.path(), table.displayName())) {
                for (SheetRow row; (row = source.next()) != null; ) {
                    rows++;
                    cells += row.cells().size();
                }
            } catch (UnreadableFileException | IOException e) {
                unreadable++; // what the job would refuse, with its reason; here only counted
            }
        }
        for (InputFile form : inputs.forms()) {
            try {
                for (SpreadsheetContent.Sheet sheet :
                        SpreadsheetContent.read(form.path(), form.displayName()).sheets()) {
                    rows += sheet.rows().size();
                    cells += sheet.rows().stream()
                            .mapToInt(r -> r.cells().size())
                            .sum();
                }
            } catch (UnreadableFileException e) {
                unreadable++;
            }
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "parsed %d tables and %d forms: %d rows, %d cells, %d files unreadable, in %d ms%n",
                        inputs.tables().size(),
                        inputs.forms().size(),
                        rows,
                        cells,
                        unreadable,
                        (System.nanoTime() - start) / 1_000_000);
        return UnionReviewCli.OK;
    }
}
