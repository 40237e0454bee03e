package vn.unionreview.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import vn.unionreview.VietnameseText;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;
import vn.unionreview.integrity.Signal;
import vn.unionreview.result.FileReport;
import vn.unionreview.result.ResultRow;
import vn.unionreview.result.ScoredSource;
import vn.unionreview.scoring.Branch;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Message;

/**
 * Which registry branches get a letter back, and what each letter says: every problem found in what the branch sent
 * (rejected rows and files, corrected values, blank criteria, a duplicate), each integrity signal about its own form
 * (never naming another branch), or that nothing was received. A branch with nothing to fix gets no letter. A file that
 * could not be read at all names no branch inside it; it is put to the branch whose code its name starts with
 * ("forms/CDCS-061 (bản scan).pdf"), as offices name them.
 */
public final class FeedbackLetters {

    /**
     * One thing to fix or to know, where it is, said plainly; {@code signal} when it is an integrity signal, not a
     * fault.
     */
    public record Item(
            Severity severity,
            String file,
            String sheet,
            int row,
            String cell,
            String what,
            String todo,
            boolean signal) {}

    /** One letter: its branch, its items in file order, its provisional result (null when nothing was accepted). */
    public record Letter(Branch branch, List<Item> items, ResultRow provisional, boolean submitted) {

        public Letter {
            items = List.copyOf(items);
        }

        /**
         * Whether the letter holds integrity signals and nothing else: the branch is asked to look again, not to
         * correct.
         */
        public boolean signalsOnly() {
            return !items.isEmpty() && items.stream().allMatch(Item::signal);
        }

        /** The letter's file name under feedback/: the code, with a folder separator made harmless. */
        public String fileName() {
            return branch.code().replace('/', '_') + ".pdf";
        }
    }

    private FeedbackLetters() {}

    /** The letters are Vietnamese: they go to the branches. */
    private static final Catalogue WORDS = Catalogue.of("vi");

    /**
     * The reason with the files it names as the branch knows them ("bản này và bảng tổng hợp khoi-giao-duc.xlsx dòng
     * 7"), not by the folders the office keeps them in.
     */
    static Message asTheBranchKnowsIt(Message reason) {
        List<Object> args = new ArrayList<>();
        reason.args().forEach((name, value) -> {
            args.add(name);
            args.add(branchTerms(value));
        });
        return Message.of(reason.code(), args.toArray());
    }

    private static Object branchTerms(Object value) {
        if (value instanceof String text) {
            return FOLDER.matcher(text)
                    .replaceAll(m -> LABELS.get(m.group(1).equals("forms") ? "letter.form" : "letter.table", ""));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FeedbackLetters::branchTerms).toList();
        }
        return value instanceof Message m ? asTheBranchKnowsIt(m) : value;
    }

    /** A path's folder as the office keeps it: {@code forms/} or {@code tables/} at the start of a word. */
    private static final Pattern FOLDER = Pattern.compile("(?<![\\w/])(forms|tables)/");

    private static final Labels LABELS = new Labels("vi");

    /** A catalogue phrase as a letter's sentence: capitalised, with its full stop. */
    static String sentence(String phrase) {
        if (phrase.isEmpty()) {
            return phrase;
        }
        String s = phrase.substring(0, 1).toUpperCase(VietnameseText.VIETNAMESE) + phrase.substring(1);
        return s.endsWith(".") || s.endsWith("?") ? s : s + ".";
    }

    /**
     * @param registry the year's branches
     * @param problems every problem of the run; registry problems are the office's own and are left out
     * @param files every input file, to put unreadable ones to their branch
     * @param results the scored branches
     * @param notAccepted codes with no accepted submission
     * @param registryFile the registry's display name
     * @param signals the run's integrity signals; those about a branch's own form go into its letter
     * @param sources where each scored branch's submission came from
     */
    public static List<Letter> of(
            List<Branch> registry,
            List<Problem> problems,
            List<FileReport> files,
            List<ResultRow> results,
            Set<String> notAccepted,
            String registryFile,
            List<Signal> signals,
            Map<String, ScoredSource> sources) {
        Map<String, Branch> byCode = new LinkedHashMap<>();
        registry.stream().sorted(Comparator.comparing(Branch::code)).forEach(b -> byCode.put(b.code(), b));
        Map<String, String> unreadableFileOwner = new HashMap<>();
        for (FileReport f : files) {
            if (!f.readable() && f.rows() == 0) {
                String owner = FileReport.ownerByName(f.file(), byCode.keySet());
                if (owner != null) {
                    unreadableFileOwner.put(f.file(), owner);
                }
            }
        }
        Map<String, List<Item>> items = new HashMap<>();
        for (Problem p : problems) {
            if (p.file().equals(registryFile)) {
                continue;
            }
            String code = !p.code().isEmpty() ? p.code() : p.row() == 0 ? unreadableFileOwner.get(p.file()) : null;
            if (code == null || !byCode.containsKey(code)) {
                continue;
            }
            // a file skipped is told by why it was skipped
            Message reason = p.reason().code().equals("form.skipped")
                            && p.reason().args().get("why") instanceof Message why
                    ? why
                    : p.reason();
            String todo = WORDS.todo(reason)
                    .orElseGet(() -> WORDS.render(
                            Message.of(p.severity() == Severity.REJECTED ? "letter.todo_fix" : "letter.todo_check")));
            items.computeIfAbsent(code, c -> new ArrayList<>())
                    .add(new Item(
                            p.severity(),
                            p.file(),
                            p.sheet(),
                            p.row(),
                            p.cell(),
                            sentence(WORDS.render(asTheBranchKnowsIt(reason))),
                            todo,
                            false));
        }
        for (Signal s : signals) {
            ScoredSource from = sources.get(s.code());
            if (s.letter() != null && from != null && byCode.containsKey(s.code())) {
                items.computeIfAbsent(s.code(), c -> new ArrayList<>())
                        .add(new Item(
                                Severity.NOTE,
                                from.file(),
                                from.sheet(),
                                from.row(),
                                "",
                                WORDS.render(s.letter().what()),
                                WORDS.render(s.letter().todo()),
                                true));
            }
        }
        Map<String, ResultRow> scored = new HashMap<>();
        results.forEach(r -> scored.put(r.code(), r));
        List<Letter> letters = new ArrayList<>();
        for (Branch branch : byCode.values()) {
            List<Item> found = items.getOrDefault(branch.code(), List.of());
            boolean submitted = !notAccepted.contains(branch.code());
            if (!found.isEmpty() || !submitted) {
                letters.add(new Letter(branch, found, scored.get(branch.code()), submitted));
            }
        }
        return letters;
    }
}
