package vn.unionreview.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.util.FileSystemUtils;

import vn.unionreview.audit.ResultBundle;
import vn.unionreview.council.CouncilDecisions;
import vn.unionreview.ingest.InputFile;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Registry;
import vn.unionreview.ingest.RegistryReader;
import vn.unionreview.ingest.Severity;
import vn.unionreview.rules.Eligibility;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.run.RunFile;
import vn.unionreview.run.workfiles.StoredResult;
import vn.unionreview.run.workfiles.WorkFiles;
import vn.unionreview.scoring.Rating;
import vn.unionreview.stats.PreviousYears;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Message;
import vn.unionreview.units.BundleCheck;
import vn.unionreview.units.Intake;
import vn.unionreview.units.UnitResults;
import vn.unionreview.units.UnitsCsv;
import vn.unionreview.units.UnitsList;

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

    /**
     * A province's intake of the units beneath it: each bundle under units/ checked offline, units.csv written in the
     * run folder, the accepted bundles' branches taken (each with the unit's result, unless the province or an earlier
     * unit rates it), and the list's and the bundles' problems added to the registry's. What it says of them, for the
     * step's line.
     */
    private Message takeUnits(Registry registry, List<Problem> problems, List<StoredResult> taken) throws IOException {
        InputFile list = inputs.inputs().unitsList();
        UnitsList.Read read = UnitsList.read(
                list.path(),
                list.displayName(),
                inputs.inputs().yearDir(),
                inputs.settings().limits());
        problems.addAll(read.problems());
        List<InputFile> files = inputs.inputs().units().stream()
                .filter(f -> f.name().toLowerCase(Locale.ROOT).endsWith(".zip"))
                .toList();
        Path work = Files.createTempDirectory("union-review-units");
        List<Intake.Outcome> outcomes;
        try {
            outcomes = new Intake(new BundleCheck(
                            inputs.year(),
                            inputs.settings().limits(),
                            inputs.settings().units().acceptsUnsigned()))
                    .take(read.units(), files.stream().map(InputFile::path).toList(), work);
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
        CouncilDecisions council = inputs.decisions();
        if (council != null && !council.returns().isEmpty()) {
            Intake.Returned returned = Intake.returning(
                    outcomes,
                    council.returns(),
                    council.meetingNumber(),
                    council.meetingDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            outcomes = returned.outcomes();
            for (Intake.NotReturned n : returned.notApplied()) {
                problems.add(new Problem(
                        Severity.NOTE,
                        inputs.inputs().decisions().displayName(),
                        "",
                        0,
                        "",
                        "returns[" + n.index() + "].unit",
                        n.decision().unit(),
                        n.decision().unit(),
                        n.why()));
            }
        }
        List<UnitResults.Source> accepted = new ArrayList<>();
        for (Intake.Outcome o : outcomes) {
            if (o.state() == Intake.State.ACCEPTED) {
                InputFile bundle = files.stream()
                        .filter(f -> f.path().getFileName().toString().equals(o.bundle()))
                        .findFirst()
                        .orElseThrow();
                accepted.add(new UnitResults.Source(
                        bundle.name(), bundle.path(), o.unit(), o.checked().index()));
            }
        }
        UnitResults.Read results = UnitResults.read(
                accepted,
                inputs.rules(),
                inputs.inputs().registry() == null
                        ? ""
                        : inputs.inputs().registry().name(),
                registry.branches().stream().map(b -> b.code()).collect(Collectors.toSet()));
        problems.addAll(results.problems());
        for (UnitResults.Taken t : results.taken()) {
            ResultBundle.Index index = t.source().index();
            // the branch's audit trail, in English like the rest of it: whose decision its result is
            taken.add(new StoredResult(
                    t.row(),
                    "result published by " + t.source().unit().name() + " ("
                            + t.source().unit().code()
                            + "), decision " + index.publication().number() + " of "
                            + index.publication().date()
                            + ", run " + index.run() + ", bundle " + t.source().file()));
        }
        Map<String, Integer> takenFrom = new HashMap<>();
        results.taken()
                .forEach(t -> takenFrom.merge(t.source().bundle().getFileName().toString(), 1, Integer::sum));
        UnitsCsv.write(
                RunFile.UNITS.in(inputs.runDir()),
                outcomes,
                takenFrom,
                Catalogue.of(inputs.languages().get(0)));
        WorkFiles.of(inputs.runDir())
                .writeUnitReasons(outcomes.stream()
                        .map(o -> o.state() == Intake.State.ACCEPTED ? null : o.reason())
                        .toList());
        Map<Intake.State, Long> counts = outcomes.stream()
                .collect(Collectors.groupingBy(
                        Intake.Outcome::state, () -> new EnumMap<>(Intake.State.class), Collectors.counting()));
        return Message.of(
                "progress.units",
                "accepted",
                counts.getOrDefault(Intake.State.ACCEPTED, 0L),
                "refused",
                counts.getOrDefault(Intake.State.REFUSED, 0L),
                "missing",
                counts.getOrDefault(Intake.State.MISSING, 0L),
                "replaced",
                counts.getOrDefault(Intake.State.REPLACED, 0L),
                "returned",
                counts.getOrDefault(Intake.State.RETURNED, 0L),
                "branches",
                results.taken().size(),
                "branches_refused",
                results.problems().size());
    }

    /** The province's own registry, or none: a province may rate no branch directly. */
    private Registry registry(RuleBook rules) {
        InputFile file = inputs.inputs().registry();
        if (file == null) {
            return new Registry(List.of(), List.of(), 0);
        }
        return RegistryReader.read(
                file,
                inputs.settings().limits(),
                latestAsOf(rules),
                this::knownBefore,
                rules.byKind() ? rules.sets().stream().map(r -> r.kind().id()).collect(Collectors.toSet()) : Set.of());
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws IOException {
        RuleBook rules = inputs.rules();
        Registry registry = registry(rules);
        List<Problem> problems = new ArrayList<>(registry.problems());
        List<StoredResult> taken = new ArrayList<>();
        Message units = inputs.inputs().unitsList() == null ? null : takeUnits(registry, problems, taken);
        // who is rated is decided before step 1 of the rules contract, once for the run
        WorkFiles work = WorkFiles.of(inputs.runDir());
        work.writeRegistry(
                registry.branches().stream()
                        .map(b -> new WorkFiles.Registered(b, Rating.of(b, rules)))
                        .toList(),
                problems);
        work.writeUnitResults(taken);
        long rejected = registry.rowsRead() - registry.branches().size();
        Message read = inputs.inputs().registry() == null
                ? Message.of("progress.no_registry")
                : Message.of(
                        "progress.registry",
                        "branches",
                        registry.branches().size(),
                        "file",
                        inputs.inputs().registry().name(),
                        "rejected",
                        rejected);
        Steps.summary(
                context,
                units == null ? read : Message.of("progress.registry_units", "registry", read, "units", units));
        return RepeatStatus.FINISHED;
    }
}
