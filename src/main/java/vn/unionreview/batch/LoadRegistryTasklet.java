package vn.unionreview.batch;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.unionreview.ingest.Registry;
import vn.unionreview.ingest.RegistryReader;
import vn.unionreview.rules.Eligibility;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.run.workfiles.WorkFiles;
import vn.unionreview.scoring.Rating;
import vn.unionreview.stats.PreviousYears;
import vn.unionreview.text.Message;

/**
 * The registry step, the job's first: the year's branch registry into the run's work files; unusable registry rows are
 * reported.
 */
class LoadRegistryTasklet implements Tasklet {

    private final RunInputs inputs;

    LoadRegistryTasklet(RunInputs inputs) {
        this.inputs = inputs;
    }

    /** The codes the earlier years' results know (the same years the year over year compares with). */
    private Set<String> knownBefore() {
        Set<String> known = new HashSet<>();
        PreviousYears.find(inputs.runDir().getParent().getParent(), inputs.year(), inputs.compare())
                .forEach(year -> known.addAll(year.branches().keySet()));
        return known;
    }

    /**
     * The date rating looks at, past which no branch can have been founded: the latest of the kinds' when they differ;
     * null when no rule set says who is rated.
     */
    private static LocalDate latestAsOf(RuleBook rules) {
        return rules.sets().stream()
                .map(RuleSet::eligibility)
                .filter(Objects::nonNull)
                .map(Eligibility::asOf)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws IOException {
        RuleBook rules = inputs.rules();
        Registry registry = RegistryReader.read(
                inputs.inputs().registry(),
                inputs.settings().limits(),
                latestAsOf(rules),
                this::knownBefore,
                rules.byKind() ? rules.sets().stream().map(r -> r.kind().id()).collect(Collectors.toSet()) : Set.of());
        // who is rated is decided before step 1 of the rules contract, once for the run
        WorkFiles.of(inputs.runDir())
                .writeRegistry(
                        registry.branches().stream()
                                .map(b -> new WorkFiles.Registered(b, Rating.of(b, rules)))
                                .toList(),
                        registry.problems());
        long rejected = registry.rowsRead() - registry.branches().size();
        Steps.summary(
                context,
                Message.of(
                        "progress.registry",
                        "branches",
                        registry.branches().size(),
                        "file",
                        inputs.inputs().registry().name(),
                        "rejected",
                        rejected));
        return RepeatStatus.FINISHED;
    }
}
