package vn.unionreview.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.unionreview.Digests;
import vn.unionreview.SoftwareVersion;
import vn.unionreview.audit.ArchiveStore;
import vn.unionreview.audit.Manifest;
import vn.unionreview.audit.ResultDigest;
import vn.unionreview.ingest.InputFile;
import vn.unionreview.report.CsvOutputs;
import vn.unionreview.result.ResultRow;
import vn.unionreview.result.RunCounts;
import vn.unionreview.rules.FactChecks;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSetFile;
import vn.unionreview.run.RunFile;
import vn.unionreview.run.RunKind;
import vn.unionreview.run.tables.RunTables;
import vn.unionreview.run.workfiles.WorkFiles;
import vn.unionreview.text.Message;
import vn.unionreview.units.UnitsCsv;

/**
 * The manifest step, the job's last: archives the rule set and every input in the content-addressed store, writes
 * manifest.json naming every input and output by SHA-256 with the result digest. The job's {@link RunFolderListener}
 * removes the INCOMPLETE marker once the job has completed.
 */
class ManifestTasklet implements Tasklet {

    private final RunTables store;
    private final RunInputs inputs;

    ManifestTasklet(RunTables store, RunInputs inputs) {
        this.store = store;
        this.inputs = inputs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws Exception {
        long run = Steps.runId(context);
        var execution = context.getStepContext().getStepExecution().getJobExecution();
        Path dir = inputs.runDir();
        ArchiveStore archive = new ArchiveStore(dir.getParent().getParent());

        RuleBook book = inputs.rules();
        Manifest.Archived rules;
        Manifest.Archived checks = null;
        List<Manifest.Archived> ruleFiles = null;
        if (book.byKind()) {
            // the folder is its listing, archived like any file; each of its files is archived beside it
            byte[] listing = book.listing().getBytes(StandardCharsets.UTF_8);
            archive.put(listing);
            rules = new Manifest.Archived(
                    book.path().getFileName().toString(),
                    "rules",
                    listing.length,
                    book.sha256(),
                    ArchiveStore.relative(book.sha256()));
            ruleFiles = new ArrayList<>();
            for (int i = 0; i < book.files().size(); i++) {
                RuleSetFile file = book.files().get(i);
                ruleFiles.add(archived(archive, file.path(), "rules", file.sha256()));
                FactChecks kindChecks = book.checks().get(i);
                if (kindChecks.path() != null) {
                    ruleFiles.add(archived(archive, kindChecks.path(), "checks", kindChecks.sha256()));
                }
            }
        } else {
            rules = archived(archive, book.path(), "rules", book.sha256());
            FactChecks beside = book.checks().get(0);
            if (beside.path() != null) {
                checks = archived(archive, beside.path(), "checks", beside.sha256());
            }
        }
        List<Manifest.Archived> archived = new ArrayList<>();
        Map<String, Path> inputsBySha256 = new LinkedHashMap<>();
        for (InputFile f : inputs.inputs().all()) {
            inputsBySha256.putIfAbsent(f.sha256(), f.path());
            archived.add(new Manifest.Archived(
                    f.name(),
                    f.role().name().toLowerCase(Locale.ROOT),
                    f.size(),
                    f.sha256(),
                    ArchiveStore.relative(f.sha256())));
        }
        archive.putAll(inputsBySha256);
        String earlier = execution.getExecutionContext().getString(ExportSteps.EARLIER, "");
        for (String line : earlier.isEmpty() ? List.<String>of() : List.of(earlier.split("\n"))) {
            String[] f = line.split("\t");
            Path file = Path.of(f[1]);
            archive.put(file, f[2]);
            archived.add(new Manifest.Archived(
                    f[0], Manifest.EARLIER_ROLE, Files.size(file), f[2], ArchiveStore.relative(f[2])));
        }
        List<ResultRow> results = WorkFiles.of(inputs.runDir()).resultRows();
        RunCounts counts = store.keptCounts(run)
                .withTiersOf(results)
                .withSubmittedUnreadable(CsvOutputs.submittedUnreadable(RunFile.NOT_SUBMITTED.in(dir)));
        JobParameters parameters = execution.getJobParameters();
        Manifest manifest = Manifest.builder()
                .software("union-review " + SoftwareVersion.current())
                .run(
                        inputs.year(),
                        dir.getFileName().toString(),
                        run,
                        execution.getId(),
                        parameters.getLong(JobParameterNames.ATTEMPT))
                .kind(RunKind.ofParameter(parameters.getString(JobParameterNames.KIND))
                        .key())
                .reportDate(inputs.reportDate().toString())
                .languages(inputs.languages())
                .duplicates(inputs.duplicates().key())
                .rules(rules)
                .checks(checks)
                .ruleFiles(ruleFiles)
                .units(acceptedUnits(dir))
                .inputs(archived)
                .outputs(outputs(dir))
                .counts(Manifest.Counts.of(counts))
                .tiers(new TreeMap<>(counts.tierCounts()))
                .resultDigest(ResultDigest.of(results))
                .decisions(store.decisions(run).stream()
                        .map(d -> new Manifest.Decision(
                                d.seq(), d.branch(), d.summary(), d.reason(), d.applied(), d.outcome()))
                        .toList())
                .integrity(inputs.integrity().describe())
                .settings(inputs.settings().describe())
                .build();
        manifest.write(RunFile.MANIFEST.in(dir));
        Steps.summary(
                context,
                Message.of(
                        "progress.archived",
                        "files",
                        archived.size() + (checks == null ? 1 : 2) + (ruleFiles == null ? 0 : ruleFiles.size()),
                        "digest",
                        manifest.resultDigest().substring(0, 16)));
        return RepeatStatus.FINISHED;
    }

    /** The units' bundles a province's run accepted, as its units.csv says; null for a run with no list of units. */
    private static List<Manifest.UnitBundle> acceptedUnits(Path dir) throws IOException {
        Path units = RunFile.UNITS.in(dir);
        if (!Files.isRegularFile(units)) {
            return null;
        }
        return UnitsCsv.read(units).stream()
                .filter(UnitsCsv.Line::accepted)
                .map(u -> new Manifest.UnitBundle(
                        u.code(), u.bundle(), u.sha256(), u.signer(), u.signedAt(), u.decision(), u.decisionDate()))
                .toList();
    }

    /** A rule or checks file archived, as the manifest names it. */
    private static Manifest.Archived archived(ArchiveStore archive, Path file, String role, String sha256)
            throws IOException {
        archive.put(file, sha256);
        return new Manifest.Archived(
                file.getFileName().toString(), role, Files.size(file), sha256, ArchiveStore.relative(sha256));
    }

    /**
     * Every file the run wrote, in name order, with its SHA-256: hashed on every core, as a national run's letters are
     * gigabytes.
     */
    private static List<Manifest.Output> outputs(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files
                    .filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.startsWith(".")
                            && RunFile.of(name).map(RunFile::inManifest).orElse(true))
                    .sorted()
                    .toList()
                    .parallelStream()
                    .map(name -> new Manifest.Output(name, size(dir.resolve(name)), Digests.sha256(dir.resolve(name))))
                    .toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
