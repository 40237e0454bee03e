package vn.unionreview.run.tables;

import static vn.unionreview.run.workfiles.StoredText.PROBLEM_MAX;
import static vn.unionreview.run.workfiles.StoredText.cut;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.unionreview.VietnameseText;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;
import vn.unionreview.result.DecisionRow;
import vn.unionreview.result.ResultRow;
import vn.unionreview.result.RunCounts;
import vn.unionreview.run.workfiles.StoredResult;
import vn.unionreview.run.workfiles.WorkFiles;
import vn.unionreview.text.Message;

/**
 * The run's tables (see db/migration/common): its results, problems, council decisions and numbers, which SQL users and
 * the history read. What the steps read on the way there is in the run's work files ({@link WorkFiles}).
 */
@Repository
public class RunTables {

    private final JdbcTemplate jdbc;
    private final BulkInsert bulk;

    public RunTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.bulk = new BulkInsert(jdbc);
    }

    // ---- problems and counts -------------------------------------------------------------

    /**
     * Replaces the run's problems with these, in the order found: the readers' order is file, sheet, row, then this
     * one.
     */
    public void replaceProblems(long run, List<Problem> problems) {
        jdbc.update("DELETE FROM ur_problem WHERE run_id = ?", run);
        bulk.into(
                "ur_problem",
                List.of(
                        "run_id",
                        "severity",
                        "file",
                        "sheet",
                        "row_no",
                        "cell",
                        "column_name",
                        "code",
                        "cell_value",
                        "reason"),
                problems,
                p -> new Object[] {
                    run,
                    p.severity().name(),
                    p.file(),
                    p.sheet(),
                    p.row(),
                    p.cell(),
                    p.column(),
                    p.code(),
                    cut(p.value(), PROBLEM_MAX),
                    cut(p.reason().encode(), PROBLEM_MAX)
                });
    }

    /** Keeps the run's numbers as its steps so far left them (the tiers are counted from the results). */
    public void saveCounts(long run, RunCounts c) {
        jdbc.update("DELETE FROM ur_run_count WHERE run_id = ?", run);
        jdbc.update(
                "INSERT INTO ur_run_count (run_id, registry_branches, rows_read, rows_accepted, rows_rejected, not_submitted, table_files,"
                        + " form_files, unreadable_files, cells_read, cells_accepted, cells_rejected)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run,
                c.registryBranches(),
                c.rowsRead(),
                c.rowsAccepted(),
                c.rowsRejected(),
                c.notSubmitted(),
                c.tableFiles(),
                c.formFiles(),
                c.unreadableFiles(),
                c.cellsRead(),
                c.cellsAccepted(),
                c.cellsRejected());
        jdbc.update("DELETE FROM ur_run_out_of_rating WHERE run_id = ?", run);
        jdbc.update(
                "INSERT INTO ur_run_out_of_rating (run_id, not_rated, dissolved) VALUES (?, ?, ?)",
                run,
                c.notRated(),
                c.dissolved());
    }

    // ---- results -------------------------------------------------------------------------

    public void replaceResults(long run, List<StoredResult> results) {
        jdbc.update("DELETE FROM ur_result_kind WHERE run_id = ?", run);
        // the kind that scored each result, for a year ruled by kind: a table of its own, see V11
        bulk.into(
                "ur_result_kind",
                List.of("run_id", "code", "kind"),
                results.stream().filter(r -> !r.row().kind().isEmpty()).toList(),
                stored -> new Object[] {run, stored.row().code(), stored.row().kind()});
        jdbc.update("DELETE FROM ur_result_unit WHERE run_id = ?", run);
        // the unit whose published result it is, for a province's year: see V12
        bulk.into(
                "ur_result_unit",
                List.of("run_id", "code", "unit"),
                results.stream().filter(r -> r.row().fromUnit()).toList(),
                stored -> new Object[] {run, stored.row().code(), stored.row().unit()});
        jdbc.update("DELETE FROM ur_result WHERE run_id = ?", run);
        bulk.into(
                "ur_result",
                List.of(
                        "run_id",
                        "code",
                        "name",
                        "bloc",
                        "base",
                        "bonus",
                        "penalty",
                        "total",
                        "tier_before_caps",
                        "tier",
                        "demoted",
                        "rank_bloc",
                        "rank_all",
                        "award",
                        "award_tie",
                        "inflation",
                        "caps",
                        "explanation",
                        "decision"),
                results,
                stored -> {
                    ResultRow r = stored.row();
                    return new Object[] {
                        run,
                        r.code(),
                        r.name(),
                        r.bloc(),
                        r.base(),
                        r.bonus(),
                        r.penalty(),
                        r.total(),
                        r.tierBeforeCaps(),
                        r.tier(),
                        r.demoted(),
                        r.rankBloc(),
                        r.rankAll(),
                        r.award(),
                        r.awardTie(),
                        r.inflation(),
                        r.caps(),
                        stored.explanation(),
                        r.decision()
                    };
                });
    }

    public void replaceDecisions(long run, List<DecisionRow> decisions) {
        jdbc.update("DELETE FROM ur_decision WHERE run_id = ?", run);
        bulk.into(
                "ur_decision",
                List.of("run_id", "seq", "branch", "summary", "reason", "applied", "outcome"),
                decisions,
                d -> new Object[] {
                    run,
                    d.seq(),
                    d.branch(),
                    d.summary(),
                    cut(d.reason(), PROBLEM_MAX),
                    d.applied(),
                    cut(d.outcome(), PROBLEM_MAX)
                });
    }

    /** The council's decisions of the run and what became of each, in file order. */
    public List<DecisionRow> decisions(long run) {
        return jdbc.query(
                "SELECT seq, branch, summary, reason, applied, outcome FROM ur_decision WHERE run_id = ? ORDER BY seq",
                (rs, i) -> new DecisionRow(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getString(6)),
                run);
    }

    public List<ResultRow> results(long run) {
        return jdbc.query(
                "SELECT r.code, r.name, r.bloc, r.base, r.bonus, r.penalty, r.total, r.tier_before_caps, r.tier,"
                        + " r.demoted, r.rank_bloc, r.rank_all, r.award, r.award_tie, r.inflation, r.caps, r.decision,"
                        + " COALESCE(k.kind, ''), COALESCE(u.unit, '') FROM ur_result r" + WITH_KIND
                        + " LEFT JOIN ur_result_unit u ON u.run_id = r.run_id AND u.code = r.code WHERE r.run_id = ?",
                (rs, i) -> new ResultRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getBoolean(10),
                        rs.getInt(11),
                        rs.getInt(12),
                        rs.getString(13),
                        rs.getBoolean(14),
                        rs.getBigDecimal(15),
                        rs.getString(16),
                        rs.getString(17),
                        rs.getString(18),
                        rs.getString(19)),
                run);
    }

    public List<Problem> problems(long run) {
        return jdbc.query(
                "SELECT severity, file, sheet, row_no, cell, column_name, code, cell_value, reason FROM ur_problem"
                        + " WHERE run_id = ? ORDER BY file, sheet, row_no, id",
                (rs, i) -> new Problem(
                        Severity.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        Message.decode(rs.getString(9))),
                run);
    }

    /**
     * The run's numbers: as its steps last kept them (none before its registry was read), with the results' tiers (by
     * kind in a year ruled by kind) and the blocs where kinds mix.
     */
    public RunCounts counts(long run) {
        Map<String, Integer> tiers = new LinkedHashMap<>();
        jdbc.query(
                "SELECT COALESCE(k.kind, ''), r.tier, COUNT(*) FROM ur_result r" + WITH_KIND
                        + " WHERE r.run_id = ? GROUP BY COALESCE(k.kind, ''), r.tier",
                rs -> {
                    tiers.put(RunCounts.tierKey(rs.getString(1), rs.getString(2)), rs.getInt(3));
                },
                run);
        List<String> mixed = jdbc.queryForList(
                "SELECT r.bloc FROM ur_result r" + WITH_KIND
                        + " WHERE r.run_id = ? GROUP BY r.bloc HAVING COUNT(DISTINCT COALESCE(k.kind, '')) > 1",
                String.class,
                run);
        return keptCounts(run)
                .withTiers(tiers)
                .withMixedBlocs(mixed.stream().sorted(VietnameseText.order()).toList());
    }

    /** Joins each result to the kind that scored it, where the year is ruled by kind. */
    private static final String WITH_KIND = " LEFT JOIN ur_result_kind k ON k.run_id = r.run_id AND k.code = r.code";

    /**
     * The run's numbers as its steps last kept them, without tiers (for a step that has the results at hand) and
     * without the branches whose form arrived unreadable (for one that has the list of those not submitted).
     */
    public RunCounts keptCounts(long run) {
        List<RunCounts> kept = jdbc.query(
                "SELECT c.registry_branches, c.rows_accepted, c.rows_rejected, c.not_submitted, c.table_files,"
                        + " c.form_files, c.unreadable_files, c.cells_accepted, c.cells_rejected,"
                        + " COALESCE(o.not_rated, 0) AS not_rated, COALESCE(o.dissolved, 0) AS dissolved"
                        + " FROM ur_run_count c LEFT JOIN ur_run_out_of_rating o ON o.run_id = c.run_id"
                        + " WHERE c.run_id = ?",
                (rs, i) -> RunCounts.builder()
                        .registryBranches(rs.getInt("registry_branches"))
                        .rows(rs.getInt("rows_accepted"), rs.getInt("rows_rejected"))
                        // the branches whose form could not be read are counted from the run's files where needed
                        .notSubmitted(rs.getInt("not_submitted"), 0)
                        .files(rs.getInt("table_files"), rs.getInt("form_files"), rs.getInt("unreadable_files"))
                        .cells(rs.getInt("cells_accepted"), rs.getInt("cells_rejected"))
                        .outOfRating(rs.getInt("not_rated"), rs.getInt("dissolved"))
                        .build(),
                run);
        return kept.isEmpty() ? RunCounts.NONE : kept.get(0);
    }
}
