package vn.unionreview.form;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import vn.unionreview.ingest.BranchRules;
import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.InputException;
import vn.unionreview.ingest.InputFile;
import vn.unionreview.ingest.InputLimits;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.RowValidator;
import vn.unionreview.ingest.Severity;
import vn.unionreview.ingest.TableRow;
import vn.unionreview.ingest.TableRowReader;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.Submission;
import vn.unionreview.text.Message;

/**
 * Submissions from a consolidated table, read and judged exactly as the year-end job does it (the same reader and
 * validator), for writing one prefilled form per branch. Rows that would be rejected (and codes that appear twice)
 * prefill nothing; each is listed with its reason.
 */
public record TablePrefill(Map<String, Submission> submissions, List<Message> warnings) {

    public static TablePrefill read(RuleSet rules, Set<String> registry, Path table) throws IOException {
        return read(BranchRules.of(rules), registry, table);
    }

    /** @param rules which rule set reads each branch's row: in a year ruled by kind, its kind's */
    public static TablePrefill read(BranchRules rules, Set<String> registry, Path table) throws IOException {
        String name = table.getFileName().toString();
        RowValidator validator = new RowValidator(rules, registry);
        Map<String, Submission> submissions = new HashMap<>();
        Set<String> twice = new HashSet<>();
        List<Message> warnings = new ArrayList<>();
        TableRowReader reader = new TableRowReader(
                rules, List.of(InputFile.describe(table, name, InputFile.Role.TABLE)), InputLimits.DEFAULTS);
        reader.open(new ExecutionContext());
        try {
            for (TableRow item; (item = reader.read()) != null; ) {
                if (item.isFileItem()) {
                    if (!item.layout().usable()) {
                        throw new InputException(Message.of(
                                "template.table_unusable",
                                "file",
                                name,
                                "why",
                                item.layout().fileError()));
                    }
                    continue;
                }
                if (item.isRefusal()) {
                    throw new InputException(Message.of(
                            "template.table_unusable",
                            "file",
                            name,
                            "why",
                            item.refusal().reason()));
                }
                IngestRecord record = validator.validate(item);
                if (!record.accepted()) {
                    warnings.add(Message.of(
                            "template.row_rejected",
                            "file",
                            name,
                            "row",
                            record.row(),
                            "code",
                            record.code(),
                            "has_code",
                            record.code().isEmpty() ? "no" : "yes",
                            "reasons",
                            record.problems().stream()
                                    .filter(p -> p.severity() == Severity.REJECTED)
                                    .map(Problem::reason)
                                    .toList()));
                } else if (submissions.putIfAbsent(record.code(), record.submission()) != null) {
                    twice.add(record.code());
                }
            }
        } catch (IOException | InputException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        } finally {
            reader.close();
        }
        for (String code : twice) {
            submissions.remove(code);
            warnings.add(Message.of("template.code_twice", "file", name, "code", code));
        }
        return new TablePrefill(submissions, warnings);
    }
}
