package vn.unionreview.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import vn.unionreview.text.Message;

/**
 * What happens when one branch has more than one accepted submission: all of them are rejected, since which one counts
 * is a decision for a person, not a guess for the software. Only under {@link DuplicatePolicy#NEWER_FORM_WINS}, and
 * only between forms that each record a different saved time, the newest form is kept and the others are rejected as
 * superseded. Pure: no I/O.
 */
public final class DuplicateRule {

    /** One accepted submission of a branch that has several: where it is, and when its form says it was saved. */
    public record Copy(String file, String sheet, int row, IngestRecord.Source source, Instant savedAt) {

        /** "forms/CDCS-060.xls", or "tables/a.csv row 7" for a table row, in the reader's words. */
        public Message where() {
            return source == IngestRecord.Source.FORM
                    ? Message.of("where.file", "file", file)
                    : Message.of("where.row", "file", file, "row", row);
        }
    }

    /** What becomes of one copy: kept (with a note saying why) or rejected (with the reason). */
    public record Verdict(Copy copy, boolean kept, Problem problem) {}

    private final DuplicatePolicy policy;

    public DuplicateRule(DuplicatePolicy policy) {
        this.policy = policy;
    }

    /** A verdict for each of a branch's copies, in the order given. */
    public List<Verdict> decide(String code, List<Copy> copies) {
        Copy newest = policy == DuplicatePolicy.NEWER_FORM_WINS ? newestForm(copies) : null;
        List<Verdict> verdicts = new ArrayList<>();
        for (Copy copy : copies) {
            List<Message> others =
                    copies.stream().filter(o -> o != copy).map(Copy::where).toList();
            if (copy == newest) {
                verdicts.add(new Verdict(
                        copy,
                        true,
                        problem(
                                Severity.NOTE,
                                copy,
                                code,
                                Message.of(
                                        "duplicate.newest_used",
                                        "code",
                                        code,
                                        "saved",
                                        copy.savedAt().toString(),
                                        "others",
                                        others))));
                continue;
            }
            Message reason = newest != null
                    ? Message.of(
                            "duplicate.superseded",
                            "file",
                            newest.file(),
                            "saved",
                            newest.savedAt().toString())
                    : Message.of(
                            policy == DuplicatePolicy.NEWER_FORM_WINS
                                    ? "duplicate.all_rejected_same_time"
                                    : "duplicate.all_rejected",
                            "code",
                            code,
                            "others",
                            others);
            verdicts.add(new Verdict(copy, false, problem(Severity.REJECTED, copy, code, reason)));
        }
        return verdicts;
    }

    /** The one form saved after all the others, or null when any copy is not a form, has no saved time, or ties. */
    private static Copy newestForm(List<Copy> copies) {
        if (copies.size() < 2
                || copies.stream().anyMatch(c -> c.source() != IngestRecord.Source.FORM || c.savedAt() == null)) {
            return null;
        }
        List<Copy> byTime = copies.stream()
                .sorted(Comparator.comparing(Copy::savedAt).reversed())
                .toList();
        return byTime.get(1).savedAt().equals(byTime.get(0).savedAt()) ? null : byTime.get(0);
    }

    private static Problem problem(Severity severity, Copy copy, String code, Message reason) {
        return new Problem(severity, copy.file(), copy.sheet(), copy.row(), "", "code", code, code, reason);
    }
}
