package vn.unionreview.batch.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.unionreview.ingest.DuplicateRule;
import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;
import vn.unionreview.ingest.WorkbookProperties;
import vn.unionreview.ranking.BranchResult;
import vn.unionreview.result.DecisionRow;
import vn.unionreview.result.FileReport;
import vn.unionreview.result.NotSubmitted;
import vn.unionreview.result.ResultRow;
import vn.unionreview.result.RunCounts;
import vn.unionreview.result.ScoredSource;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.BranchScore;
import vn.unionreview.scoring.Submission;

/** The run's working tables (see db/migration/common): everything a run reads, decides and writes. */
@Repository
public class RunStore {

    static final String ACCEPTED = "ACCEPTED";
    static final String REJECTED = "REJECTED";
    /** A row rejected after it was accepted keeps neither its submission nor its score. */
    private static final String FORGET_SUBMISSION = " payload = NULL, score = NULL, explanation = NULL";

    private final JdbcTemplate jdbc;
    private final BulkInsert bulk;

    public RunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.bulk = new BulkInsert(jdbc);
    }

    // ---- registry ------------------------------------------------------------------------

    public void replaceBranches(long run, List<Branch> branches) {
        jdbc.update("DELETE FROM ur_branch WHERE run_id = ?", run);
        bulk.into("ur_branch", List.of("run_id", "code", "name", "bloc"), branches, b -> new Object[] {run, b.code(), b.name(), b.bloc()});
    }

    /** The registry's branches, in code order. */
    public List<Branch> branches(long run) {
        return jdbc.query("SELECT code, name, bloc FROM ur_branch WHERE run_id = ? ORDER BY code",
                (rs, i) -> new Branch(rs.getString(1), rs.getString(2), rs.getString(3)), run);
    }

    /** The registry as code → name. */
    public Map<String, String> branchNames(long run) {
        Map<String, String> names = new java.util.HashMap<>();
        jdbc.query("SELECT code, name FROM ur_branch WHERE run_id = ?", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        }, run);
        return names;
    }

    public Set<String> branchCodes(long run) {
        return Set.copyOf(jdbc.queryForList("SELECT code FROM ur_branch WHERE run_id = ?", String.class, run));
    }

    // ---- rows and problems ---------------------------------------------------------------

    public void insertRows(long run, List<? extends IngestRecord> records) {
        List<IngestRecord> rows = records.stream().filter(r -> !r.isFileItem() && !r.isRefusal()).map(r -> (IngestRecord) r).toList();
        bulk.into("ur_row", List.of("run_id", "file", "sheet", "row_no", "code", "status", "payload", "source", "cells_read", "cells_invalid",
                "saved_at", "form_creator", "form_modified_by", "form_created", "score", "explanation"), rows, r -> {
                    WorkbookProperties form = r.properties();
                    return new Object[] {run, r.file(), r.sheet(), r.row(), r.code(), r.accepted() ? ACCEPTED : REJECTED,
                            r.accepted() ? StoredSubmission.write(r.submission()) : null, r.source().name(), r.cellsRead(), r.cellsInvalid(),
                            r.savedAt() == null ? null : r.savedAt().toString(), form == null ? null : form.creator(),
                            form == null ? null : form.lastModifiedBy(), form == null || form.created() == null ? null : form.created().toString(),
                            r.score() == null ? null : StoredScore.write(r.score()), r.score() == null ? null : StoredScore.explanation(r.score())};
                });
        // a table announces itself with a file item; a form is one record, or a file item when it could not be read
        List<IngestRecord> files = records.stream().filter(r -> r.isFileItem() || r.source() == IngestRecord.Source.FORM)
                .map(r -> (IngestRecord) r).toList();
        // the file's reason is the first of its refusals (a file item has one), as code and arguments
        bulk.into("ur_file", List.of("run_id", "file", "source", "readable", "reason"), files, r -> new Object[] {run, r.file(),
                r.source().name(), !r.isUnreadableFile(), r.isFileItem() ? r.problems().stream().filter(p -> p.severity() == Severity.REJECTED)
                .findFirst().map(p -> truncate(p.reason().encode(), 2000)).orElse("") : ""});
        insertProblems(run, records.stream().flatMap(r -> r.problems().stream()).toList());
        records.stream().filter(IngestRecord::isRefusal).forEach(r -> refuseFile(run, r));
    }

    /**
     * A file whose structure broke partway is not used: the rows it gave so far (this chunk's and earlier
     * ones') are rejected with the reason, and the file is marked not readable.
     */
    private void refuseFile(long run, IngestRecord refusal) {
        String reason = truncate(refusal.problems().get(0).reason().encode(), 2000);
        jdbc.update("INSERT INTO ur_problem (run_id, severity, file, sheet, row_no, cell, column_name, code, cell_value, reason)"
                        + " SELECT run_id, 'REJECTED', file, sheet, row_no, '', '', code, '', ? FROM ur_row"
                        + " WHERE run_id = ? AND file = ? AND status = 'ACCEPTED'",
                reason, run, refusal.file());
        jdbc.update("UPDATE ur_row SET status = 'REJECTED'," + FORGET_SUBMISSION + " WHERE run_id = ? AND file = ? AND status = 'ACCEPTED'",
                run, refusal.file());
        jdbc.update("UPDATE ur_file SET readable = FALSE, reason = ? WHERE run_id = ? AND file = ?", reason, run, refusal.file());
    }

    /**
     * Forgets what an ingest step wrote for one kind of source (rows, files and their problems), so a
     * restarted step starts over from its first file: exact whatever state a crash left behind.
     */
    public void deleteIngested(long run, IngestRecord.Source source) {
        jdbc.update("DELETE FROM ur_problem WHERE run_id = ? AND file IN (SELECT file FROM ur_file WHERE run_id = ? AND source = ?)",
                run, run, source.name());
        jdbc.update("DELETE FROM ur_row WHERE run_id = ? AND source = ?", run, source.name());
        jdbc.update("DELETE FROM ur_file WHERE run_id = ? AND source = ?", run, source.name());
    }

    /** Submissions from one kind of source: {accepted, rejected}. */
    public int[] rowCounts(long run, IngestRecord.Source source) {
        int[] counts = new int[2];
        jdbc.query("SELECT status, COUNT(*) FROM ur_row WHERE run_id = ? AND source = ? GROUP BY status", rs -> {
            counts[ACCEPTED.equals(rs.getString(1)) ? 0 : 1] = rs.getInt(2);
        }, run, source.name());
        return counts;
    }

    public int unreadableFiles(long run, IngestRecord.Source source) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ur_file WHERE run_id = ? AND source = ? AND readable = FALSE",
                Integer.class, run, source.name());
        return n == null ? 0 : n;
    }

    /**
     * Per input file: what was read from it and what became of it; in file name order. Three grouped
     * scans merged here: joining them in SQL made H2 walk ur_row once per file (minutes at 10,000 forms).
     */
    public List<FileReport> files(long run) {
        Map<String, Object[]> rows = new java.util.HashMap<>();
        jdbc.query("SELECT file, COUNT(*), SUM(CASE WHEN status = 'ACCEPTED' THEN 1 ELSE 0 END), SUM(cells_read),"
                        + " SUM(CASE WHEN status = 'ACCEPTED' THEN cells_read ELSE 0 END), SUM(cells_invalid), MIN(code)"
                        + " FROM ur_row WHERE run_id = ? GROUP BY file",
                rs -> {
                    rows.put(rs.getString(1), new Object[] {rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getString(7)});
                }, run);
        Map<String, Integer> corrected = new java.util.HashMap<>();
        jdbc.query("SELECT file, COUNT(*) FROM ur_problem WHERE run_id = ? AND severity = 'CORRECTED' GROUP BY file",
                rs -> {
                    corrected.put(rs.getString(1), rs.getInt(2));
                }, run);
        Object[] none = {0, 0, 0, 0, 0, ""};
        return jdbc.query("SELECT file, source, readable, reason FROM ur_file WHERE run_id = ? ORDER BY file", (rs, i) -> {
            String file = rs.getString(1);
            Object[] r = rows.getOrDefault(file, none);
            String reason = rs.getString(4);
            return new FileReport(file, IngestRecord.Source.valueOf(rs.getString(2)), rs.getBoolean(3),
                    reason == null || reason.isEmpty() ? null : vn.unionreview.text.Message.decode(reason),
                    (Integer) r[0], (Integer) r[1], (Integer) r[2], (Integer) r[3], (Integer) r[4], corrected.getOrDefault(file, 0),
                    (String) r[5]);
        }, run);
    }

    public void insertProblems(long run, List<Problem> problems) {
        bulk.into("ur_problem", List.of("run_id", "severity", "file", "sheet", "row_no", "cell", "column_name", "code", "cell_value", "reason"),
                problems, p -> new Object[] {run, p.severity().name(), p.file(), p.sheet(), p.row(), p.cell(), p.column(), p.code(),
                        truncate(p.value(), 2000), truncate(p.reason().encode(), 2000)});
    }

    public void deleteProblemsOf(long run, String file) {
        jdbc.update("DELETE FROM ur_problem WHERE run_id = ? AND file = ?", run, file);
    }

    /** Codes with more than one accepted row, each with its rows in file order. */
    public Map<String, List<DuplicateRule.Copy>> duplicateSubmissions(long run) {
        Map<String, List<DuplicateRule.Copy>> duplicates = new LinkedHashMap<>();
        jdbc.query("SELECT r.code, r.file, r.sheet, r.row_no, r.source, r.saved_at FROM ur_row r WHERE r.run_id = ? AND r.status = 'ACCEPTED'"
                        + " AND r.code IN (SELECT code FROM ur_row WHERE run_id = ? AND status = 'ACCEPTED' GROUP BY code HAVING COUNT(*) > 1)"
                        + " ORDER BY r.code, r.file, r.sheet, r.row_no",
                rs -> {
                    duplicates.computeIfAbsent(rs.getString(1), c -> new ArrayList<>()).add(new DuplicateRule.Copy(rs.getString(2), rs.getString(3),
                            rs.getInt(4), IngestRecord.Source.valueOf(rs.getString(5)),
                            instant(rs.getString(6))));
                }, run, run);
        return duplicates;
    }

    public void rejectRow(long run, String file, String sheet, int row) {
        jdbc.update("UPDATE ur_row SET status = 'REJECTED'," + FORGET_SUBMISSION + " WHERE run_id = ? AND file = ? AND sheet = ? AND row_no = ?",
                run, file, sheet, row);
    }

    /**
     * Streams the accepted rows' scores, with their registry branch, in code order. A row stored by an
     * earlier version has no score (only its submission): {@code scoreEarlier} scores it, so that a run
     * that version left incomplete resumes.
     */
    public void forEachAcceptedScore(long run, BiFunction<Branch, Submission, BranchScore> scoreEarlier, Consumer<BranchScore> action) {
        jdbc.query("SELECT r.code, b.name, b.bloc, r.score, r.explanation, CASE WHEN r.score IS NULL THEN r.payload END"
                        + " FROM ur_row r JOIN ur_branch b ON b.run_id = r.run_id AND b.code = r.code"
                        + " WHERE r.run_id = ? AND r.status = 'ACCEPTED' ORDER BY r.code",
                rs -> {
                    Branch branch = new Branch(rs.getString(1), rs.getString(2), rs.getString(3));
                    String score = rs.getString(4);
                    action.accept(score != null ? StoredScore.read(branch, score, rs.getString(5))
                            : scoreEarlier.apply(branch, StoredSubmission.read(branch.code(), rs.getString(6))));
                }, run);
    }

    /** Streams the submissions of the branches that have a result, in code order. */
    public void forEachScoredSubmission(long run, BiConsumer<String, Submission> action) {
        jdbc.query("SELECT r.code, r.payload FROM ur_row r JOIN ur_result x ON x.run_id = r.run_id AND x.code = r.code"
                        + " WHERE r.run_id = ? AND r.status = 'ACCEPTED' ORDER BY r.code",
                rs -> {
                    String code = rs.getString(1);
                    action.accept(code, StoredSubmission.read(code, rs.getString(2)));
                }, run);
    }

    /** Where each scored branch's submission came from, by branch code, with what a form's workbook says about itself. */
    public Map<String, ScoredSource> scoredSources(long run) {
        Map<String, ScoredSource> sources = new java.util.HashMap<>();
        jdbc.query("SELECT r.code, r.file, r.sheet, r.row_no, r.source, r.saved_at, r.form_creator, r.form_modified_by, r.form_created"
                        + " FROM ur_row r JOIN ur_result x ON x.run_id = r.run_id AND x.code = r.code WHERE r.run_id = ? AND r.status = 'ACCEPTED'",
                rs -> {
                    boolean form = IngestRecord.Source.FORM.name().equals(rs.getString(5));
                    sources.put(rs.getString(1), new ScoredSource(rs.getString(2), rs.getString(3), form ? 0 : rs.getInt(4), !form ? null
                            : new WorkbookProperties(instant(rs.getString(6)), rs.getString(7), rs.getString(8), instant(rs.getString(9)))));
                }, run);
        return sources;
    }

    private static java.time.Instant instant(String stored) {
        return stored == null ? null : java.time.Instant.parse(stored);
    }

    // ---- results -------------------------------------------------------------------------

    /** Replaces the run's results; {@code decided} maps the branches a council decision changed to the meeting's number. */
    public void replaceResults(long run, RuleSet rules, List<BranchResult> results, Map<String, String> decided) {
        jdbc.update("DELETE FROM ur_result WHERE run_id = ?", run);
        bulk.into("ur_result", List.of("run_id", "code", "name", "bloc", "base", "bonus", "penalty", "total", "tier_before_caps", "tier",
                "demoted", "rank_bloc", "rank_all", "award", "award_tie", "inflation", "caps", "explanation", "decision"), results,
                r -> new Object[] {run, r.branch().code(), r.branch().name(), r.branch().bloc(), r.score().base(), r.score().bonus(),
                        r.score().penalty(), r.score().total(), rules.tiers().get(r.score().tierBeforeCaps()).id(), rules.tiers().get(r.tier()).id(),
                        r.demotedByQuota(), r.rankBloc(), r.rankAll(), String.join(";", r.awards()), r.awardTie(), r.score().inflation(),
                        String.join(";", r.score().capsFired()), truncate(String.join("\n", r.explanation()), 20000),
                        decided.getOrDefault(r.branch().code(), "")});
    }

    public void replaceDecisions(long run, List<DecisionRow> decisions) {
        jdbc.update("DELETE FROM ur_decision WHERE run_id = ?", run);
        bulk.into("ur_decision", List.of("run_id", "seq", "branch", "summary", "reason", "applied", "outcome"), decisions,
                d -> new Object[] {run, d.seq(), d.branch(), d.summary(), truncate(d.reason(), 2000), d.applied(), truncate(d.outcome(), 2000)});
    }

    /** The council's decisions of the run and what became of each, in file order. */
    public List<DecisionRow> decisions(long run) {
        return jdbc.query("SELECT seq, branch, summary, reason, applied, outcome FROM ur_decision WHERE run_id = ? ORDER BY seq",
                (rs, i) -> new DecisionRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getString(6)), run);
    }

    public List<ResultRow> results(long run) {
        return jdbc.query("SELECT code, name, bloc, base, bonus, penalty, total, tier_before_caps, tier, demoted, rank_bloc,"
                        + " rank_all, award, award_tie, inflation, caps, decision FROM ur_result WHERE run_id = ?",
                (rs, i) -> new ResultRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9),
                        rs.getBoolean(10), rs.getInt(11), rs.getInt(12), rs.getString(13), rs.getBoolean(14),
                        rs.getBigDecimal(15), rs.getString(16), rs.getString(17)), run);
    }

    public List<Problem> problems(long run) {
        return jdbc.query("SELECT severity, file, sheet, row_no, cell, column_name, code, cell_value, reason FROM ur_problem"
                        + " WHERE run_id = ? ORDER BY file, sheet, row_no, id",
                (rs, i) -> new Problem(Severity.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), vn.unionreview.text.Message.decode(rs.getString(9))), run);
    }

    /** Registry branches with no accepted row: one condition for the list and for its count. */
    private static final String NOT_SUBMITTED = " FROM ur_branch b WHERE b.run_id = ? AND NOT EXISTS (SELECT 1 FROM ur_row r"
            + " WHERE r.run_id = b.run_id AND r.code = b.code AND r.status = 'ACCEPTED')";

    public List<NotSubmitted> notSubmitted(long run) {
        return jdbc.query("SELECT b.code, b.name, b.bloc, (SELECT COUNT(*) FROM ur_row r WHERE r.run_id = b.run_id AND r.code = b.code)"
                        + NOT_SUBMITTED + " ORDER BY b.code",
                (rs, i) -> new NotSubmitted(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)), run);
    }

    public RunCounts counts(long run) {
        Integer registry = jdbc.queryForObject("SELECT COUNT(*) FROM ur_branch WHERE run_id = ?", Integer.class, run);
        Map<String, int[]> rows = new LinkedHashMap<>();
        jdbc.query("SELECT status, COUNT(*), COALESCE(SUM(cells_read), 0) FROM ur_row WHERE run_id = ? GROUP BY status",
                rs -> {
                    rows.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                }, run);
        Map<String, Integer> tiers = new LinkedHashMap<>();
        jdbc.query("SELECT tier, COUNT(*) FROM ur_result WHERE run_id = ? GROUP BY tier",
                rs -> {
                    tiers.put(rs.getString(1), rs.getInt(2));
                }, run);
        Map<String, Integer> files = new LinkedHashMap<>();
        jdbc.query("SELECT source, readable, COUNT(*) FROM ur_file WHERE run_id = ? GROUP BY source, readable",
                rs -> {
                    files.merge(rs.getBoolean(2) ? rs.getString(1) : "UNREADABLE", rs.getInt(3), Integer::sum);
                }, run);
        int[] accepted = rows.getOrDefault(ACCEPTED, new int[2]);
        int[] rejected = rows.getOrDefault(REJECTED, new int[2]);
        return new RunCounts(registry == null ? 0 : registry, accepted[0] + rejected[0], accepted[0], rejected[0],
                jdbc.queryForObject("SELECT COUNT(*)" + NOT_SUBMITTED, Integer.class, run), tiers,
                files.getOrDefault("TABLE", 0), files.getOrDefault("FORM", 0), files.getOrDefault("UNREADABLE", 0),
                accepted[1] + rejected[1], accepted[1], rejected[1]);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

}
