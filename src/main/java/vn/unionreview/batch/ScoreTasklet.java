package vn.unionreview.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.unionreview.council.CouncilDecisions;
import vn.unionreview.council.DecisionApplier;
import vn.unionreview.ranking.BranchResult;
import vn.unionreview.ranking.Ranker;
import vn.unionreview.result.DecisionRow;
import vn.unionreview.result.ResultRow;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.run.tables.RunTables;
import vn.unionreview.run.workfiles.StoredResult;
import vn.unionreview.run.workfiles.WorkFiles;
import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.BranchHistory;
import vn.unionreview.scoring.BranchScore;
import vn.unionreview.text.Message;

/**
 * The score step: ranks the accepted submissions' scores, kept as they were read (only the small {@link BranchScore} of
 * each), applies quotas and the council's decisions, and proposes awards. The results go to the run's work files, for
 * the export, and with every problem found to the database, in one transaction, for SQL users and the history.
 */
class ScoreTasklet implements Tasklet {

    private final RunTables store;
    private final RunInputs inputs;

    ScoreTasklet(RunTables store, RunInputs inputs) {
        this.store = store;
        this.inputs = inputs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        long run = Steps.runId(context);
        RuleBook book = inputs.rules();
        WorkFiles work = WorkFiles.of(inputs.runDir());
        // a branch not rated in the year (too new, dissolved, or of no kind with rules) was read and checked, but takes
        // no place in ranks, quotas or awards
        Set<String> rated = new HashSet<>(work.ratedCodes());
        Map<String, String> kindOf = new HashMap<>(work.branchKinds());
        Map<RuleSet, List<BranchScore>> scoresByKind = new IdentityHashMap<>();
        book.sets().forEach(rules -> scoresByKind.put(rules, new ArrayList<>()));
        work.forEachAcceptedScore(score -> {
            if (rated.contains(score.branch().code())) {
                scoresByKind
                        .get(book.forKind(score.branch().kind()).orElseThrow())
                        .add(score);
            }
        });
        // a province's units' results, kept as each unit decided them, join the ranking of their kind
        Map<RuleSet, List<BranchResult>> keptByKind = new IdentityHashMap<>();
        book.sets().forEach(rules -> keptByKind.put(rules, new ArrayList<>()));
        for (StoredResult unit : work.unitResultList()) {
            RuleSet rules = book.forKind(unit.row().kind()).orElseThrow();
            keptByKind.get(rules).add(kept(unit, rules));
            // rated by its unit, and open to the province's appraisal within its kind
            rated.add(unit.row().code());
            kindOf.put(unit.row().code(), unit.row().kind());
        }
        CouncilDecisions council = inputs.decisions();
        List<StoredResult> stored = new ArrayList<>();
        List<Decided> outcomes = new ArrayList<>();
        Set<String> registry = work.branchCodes();
        Set<String> notRated = new HashSet<>(registry);
        notRated.removeAll(rated);
        // steps 1–8 run per kind over its rated branches: every rank, quota and award is within the kind
        for (RuleSet rules : book.sets()) {
            List<BranchResult> results = new Ranker(rules).rank(scoresByKind.get(rules), keptByKind.get(rules));
            Map<String, String> decided = new HashMap<>();
            if (council != null) {
                DecisionApplier.Applied applied = new DecisionApplier(rules)
                        .apply(decisionsOf(council, rules, book, kindOf, rated), results, registry, notRated);
                results = applied.results();
                applied.decided().forEach(code -> decided.put(code, council.meetingNumber()));
                applied.outcomes().forEach(o -> outcomes.add(new Decided(o, rules)));
            }
            results.forEach(r -> stored.add(
                    StoredResult.of(rules, r, decided.getOrDefault(r.branch().code(), ""))));
        }
        if (council != null) {
            Map<CouncilDecisions.Decision, Integer> order = new IdentityHashMap<>();
            council.decisions().forEach(d -> order.put(d, order.size()));
            outcomes.sort(Comparator.comparingInt(o -> order.get(o.outcome().decision())));
        }
        List<DecisionRow> decisionRows = decisionRows(outcomes);
        work.writeResults(stored);
        store.replaceResults(run, stored);
        store.replaceProblems(run, work.problems());
        store.replaceDecisions(run, decisionRows);
        contribution.incrementWriteCount(stored.size());
        Steps.summary(
                context,
                council == null
                        ? Message.of("progress.scored", "branches", stored.size())
                        : councilSummary(stored.size(), outcomes));
        return RepeatStatus.FINISHED;
    }

    /** A unit's result as the ranking takes it: see {@link BranchResult#kept}. */
    private static BranchResult kept(StoredResult unit, RuleSet rules) {
        ResultRow r = unit.row();
        BranchScore score = new BranchScore(
                new Branch(r.code(), r.name(), r.bloc(), r.kind(), BranchHistory.NONE),
                r.base(),
                r.bonus(),
                r.penalty(),
                r.total(),
                rules.tierIndex(r.tierBeforeCaps()),
                r.tierAfterCaps(rules),
                r.caps().isEmpty() ? List.of() : List.of(r.caps().split(";")),
                Collections.nCopies(rules.tieBreaks().size(), null),
                r.inflation(),
                List.of(unit.explanation()));
        return BranchResult.kept(score, rules.tierIndex(r.tier()), r.demoted(), r.rankBloc(), r.unit());
    }

    /** A council decision's outcome, with the rule set of the kind it was applied in, which names its awards. */
    private record Decided(DecisionApplier.Outcome outcome, RuleSet rules) {}

    /**
     * The decisions for branches of this kind; those for a branch not rated in the year or not in the registry go with
     * the first kind's, which says they could not be applied.
     */
    private static CouncilDecisions decisionsOf(
            CouncilDecisions council, RuleSet rules, RuleBook book, Map<String, String> kindOf, Set<String> rated) {
        if (!book.byKind()) {
            return council;
        }
        boolean first = rules == book.first();
        return new CouncilDecisions(
                council.meetingNumber(),
                council.meetingDate(),
                council.decisions().stream()
                        .filter(d -> rated.contains(d.branch()) ? rules.kindId().equals(kindOf.get(d.branch())) : first)
                        .toList(),
                council.returns());
    }

    /** The outcomes, in the order of the decisions file, numbered from 1. */
    private static List<DecisionRow> decisionRows(List<Decided> outcomes) {
        List<DecisionRow> rows = new ArrayList<>();
        for (Decided d : outcomes) {
            DecisionApplier.Outcome o = d.outcome();
            rows.add(new DecisionRow(
                    rows.size() + 1,
                    o.decision().branch(),
                    o.decision().summary(),
                    o.decision().reason(),
                    o.applied(),
                    o.note().encode()));
        }
        return rows;
    }

    /**
     * "54 branches scored and ranked; council decisions: 2 applied, 1 not applied (no. 2, CDCS-999: branch CDCS-999 was
     * not scored …)".
     */
    /** @param outcomes in the order of the decisions file */
    private static Message councilSummary(int branches, List<Decided> outcomes) {
        List<Message> refused = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            DecisionApplier.Outcome o = outcomes.get(i).outcome();
            if (!o.applied()) {
                refused.add(Message.of(
                        "progress.decision_not_applied",
                        "seq",
                        i + 1,
                        "branch",
                        o.decision().branch(),
                        "why",
                        DecisionApplier.named(outcomes.get(i).rules(), DecisionRow.whyOf(o.note()))));
            }
        }
        return Message.of(
                "progress.scored_council",
                "branches",
                branches,
                "applied",
                outcomes.size() - refused.size(),
                "not_applied",
                refused.size(),
                "refused",
                refused);
    }
}
