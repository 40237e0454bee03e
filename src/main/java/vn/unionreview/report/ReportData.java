package vn.unionreview.report;

import java.util.List;

import vn.unionreview.ingest.Problem;
import vn.unionreview.result.DecisionRow;
import vn.unionreview.result.NotRated;
import vn.unionreview.result.NotSubmitted;
import vn.unionreview.result.ResultRow;
import vn.unionreview.result.RunCounts;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.stats.UnitFigures;
import vn.unionreview.stats.YearStatistics;

/**
 * Everything a report shows, gathered once per run: every figure comes from the stored results.
 *
 * @param meeting the council meeting whose decisions were applied ("05/BB-HĐTĐKT, 10/01/2026"), or "" when none
 * @param decisions what became of each of its decisions, in file order
 * @param integrity what the council may want to look at, and with which thresholds it was looked for
 * @param units for a province, its picture by the unions beneath it; null for a run without units
 */
public record ReportData(
        RuleSet rules,
        RunFacts run,
        List<ResultRow> results,
        YearStatistics stats,
        RunCounts counts,
        List<NotSubmitted> notSubmitted,
        List<NotRated> notRated,
        List<NotRated> dissolved,
        List<Problem> rejected,
        int corrections,
        String meeting,
        List<DecisionRow> decisions,
        IntegrityFindings integrity,
        UnitFigures.Picture units) {

    public ReportData {
        results = List.copyOf(results);
        notSubmitted = List.copyOf(notSubmitted);
        notRated = List.copyOf(notRated);
        dissolved = List.copyOf(dissolved);
        rejected = List.copyOf(rejected);
        decisions = List.copyOf(decisions);
    }
}
