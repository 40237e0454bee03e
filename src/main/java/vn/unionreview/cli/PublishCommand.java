package vn.unionreview.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.unionreview.Digests;
import vn.unionreview.audit.Manifest;
import vn.unionreview.audit.Publications;
import vn.unionreview.audit.RunFolder;
import vn.unionreview.batch.RunHistory;
import vn.unionreview.report.DecisionDocument;
import vn.unionreview.report.DecisionSettings;
import vn.unionreview.report.ReportFonts;
import vn.unionreview.report.ReportSettings;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.RuleSetLoader;

/**
 * {@code publish}: marks one completed run as the year's published result, writes into its folder the
 * decision that recognises the results (decision.pdf, and decision.docx for the office to edit before
 * signing), records the publication in {@code output/<year>/publications.json}, and freezes the folder
 * (its files read-only). Publishing another run of the year is refused unless it supersedes the one in
 * force, with a reason; the earlier publication then stays on record, superseded.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish a completed run as the year's result: write decision.pdf and decision.docx into its folder, record it,",
                "and make the folder read-only."})
class PublishCommand implements Callable<Integer> {

    static final String PDF = "decision.pdf";
    static final String DOCX = "decision.docx";

    @Spec
    CommandSpec spec;

    @Option(names = "--year", required = true, description = "the evaluation year")
    int year;

    @Option(names = "--run", paramLabel = "RUN-ID", description = "the run folder's name (default: the year's latest completed run)")
    String run;

    @Option(names = "--number", required = true, paramLabel = "NUMBER", description = "the decision's number, e.g. 123/QĐ-CĐVC")
    String number;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the decision's date (default: today)")
    LocalDate date;

    @Option(names = "--output", defaultValue = "output", description = "output folder (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--supersede", description = "publish although another run of the year is published: it is superseded")
    boolean supersede;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why the publication in force is superseded (with --supersede)")
    String reason;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (supersede != (reason != null) || (reason != null && reason.isBlank())) {
            err.println("--supersede and --reason go together: say why the publication in force is superseded");
            return UnionReviewCli.USAGE;
        }
        Path yearDir = output.resolve(Integer.toString(year));
        Publications publications = Publications.read(yearDir);
        Path runDir = run != null ? yearDir.resolve(run) : latestCompleted(out);
        if (runDir == null || !RunFolder.isComplete(runDir)) {
            err.println(runDir == null ? "No completed run of " + year + " under " + output + " to publish."
                    : runDir + " is not a completed run: only a run with its manifest can be published.");
            return UnionReviewCli.USAGE;
        }
        String runName = runDir.getFileName().toString();
        if (publications.of(runName).isPresent()) {
            err.println("Run " + runName + " was published before: " + publications.statusOf(runName) + ".");
            return UnionReviewCli.USAGE;
        }
        if (publications.active().isPresent() && !supersede) {
            Publications.Publication active = publications.active().get();
            err.printf("%d is already published: run %s, decision %s of %s. To publish run %s instead, give --supersede --reason TEXT.%n",
                    year, active.run(), active.number(), active.date(), runName);
            return UnionReviewCli.USAGE;
        }
        LocalDate day = date != null ? date : LocalDate.now();
        Manifest manifest = Manifest.read(runDir.resolve(Manifest.FILE));
        RuleSet rules = RuleSetLoader.load(output.resolve(manifest.rules().archive())).rules();
        List<CSVRecord> results = List.copyOf(vn.unionreview.files.Csv.readByFirstColumn(runDir.resolve("results.csv")).values());
        String meeting = results.stream().map(r -> r.get("decision")).filter(d -> !d.isEmpty()).findFirst().orElse("");
        List<DecisionDocument.Recognised> branches = new ArrayList<>();
        for (CSVRecord r : results) {
            branches.add(new DecisionDocument.Recognised(r.get("code"), r.get("name"), r.get("bloc"), r.get("total"), r.get("tier"),
                    r.get("award").isEmpty() ? List.of() : List.of(r.get("award").split(";"))));
        }
        Settings settings = RunService.withContext(output, year, out, context -> new Settings(context.getBean(ReportSettings.class),
                context.getBean(DecisionSettings.class)));
        DecisionDocument decision = new DecisionDocument(rules, settings.report(), settings.decision(), number, day, meeting, branches);
        decision.writePdf(runDir.resolve(PDF), ReportFonts.load(settings.report().fontDir()));
        decision.writeDocx(runDir.resolve(DOCX));
        Publications.Publication published = new Publications.Publication(runName, number, day.toString(),
                Digests.sha256(runDir.resolve(PDF)), Digests.sha256(runDir.resolve(DOCX)), null, null);
        publications.publish(published, reason).write(yearDir);
        freeze(runDir);
        publications.active().ifPresent(earlier -> out.printf("Run %s (decision %s) is superseded: %s%n", earlier.run(), earlier.number(), reason));
        out.printf("Published run %s as decision %s of %s: %s and %s written; the run folder is now read-only.%n", runName, number, day,
                PDF, DOCX);
        out.println(runDir.resolve(PDF));
        return UnionReviewCli.OK;
    }

    private record Settings(ReportSettings report, DecisionSettings decision) {
    }

    /** The newest completed run of the year, from the job repository. */
    private Path latestCompleted(PrintWriter out) {
        if (!RunService.hasRepository(output, year)) {
            return null;
        }
        return RunService.withContext(output, year, out, context -> context.getBean(RunHistory.class).runs().stream()
                .filter(RunHistory.Entry::complete).map(RunHistory.Entry::folder).findFirst().orElse(null));
    }

    /** Every file of the folder read-only, and the folders too: a published run is not written again. */
    private static void freeze(Path runDir) throws IOException {
        try (Stream<Path> all = Files.walk(runDir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                PosixFileAttributeView posix = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                if (posix != null) {
                    posix.setPermissions(PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
                } else {
                    p.toFile().setWritable(false);
                }
            }
        }
    }
}
