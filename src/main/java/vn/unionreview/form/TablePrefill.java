package vn.unionreview.form;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.RowValidator;
import vn.unionreview.ingest.Severity;
import vn.unionreview.ingest.SheetRow;
import vn.unionreview.ingest.SheetSource;
import vn.unionreview.ingest.TableLayout;
import vn.unionreview.ingest.TableRow;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.Submission;

/**
 * Submissions from a consolidated table, judged exactly as the year-end job judges them, for
 * writing one prefilled form per branch. Rows that would be rejected (and codes that appear twice)
 * prefill nothing; each is listed with its reason.
 */
public record TablePrefill(Map<String, Submission> submissions, List<String> warnings) {

    public static TablePrefill read(RuleSet rules, Set<String> registry, Path table) throws IOException {
        String name = table.getFileName().toString();
        RowValidator validator = new RowValidator(rules, registry);
        Map<String, Submission> submissions = new HashMap<>();
        Set<String> twice = new HashSet<>();
        List<String> warnings = new ArrayList<>();
        try (SheetSource source = SheetSource.open(table, name)) {
            SheetRow header = source.next();
            if (header == null) {
                throw new IOException(name + ": the table is empty");
            }
            TableLayout layout = TableLayout.of(rules, header, source.notes());
            if (!layout.usable()) {
                throw new IOException(name + ": " + layout.fileError());
            }
            for (SheetRow row; (row = source.next()) != null; ) {
                IngestRecord record = validator.validate(new TableRow(layout, row));
                if (!record.accepted()) {
                    warnings.add(name + " row " + row.number() + (record.code().isEmpty() ? "" : " (" + record.code() + ")") + ": "
                            + String.join("; ", record.problems().stream().filter(p -> p.severity() == Severity.REJECTED)
                            .map(Problem::reason).toList()) + " — its form is written without scores");
                } else if (submissions.putIfAbsent(record.code(), record.submission()) != null) {
                    twice.add(record.code());
                }
            }
        }
        for (String code : twice) {
            submissions.remove(code);
            warnings.add(name + ": " + code + " has more than one row — its form is written without scores");
        }
        return new TablePrefill(submissions, warnings);
    }
}
