package vn.unionreview.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import vn.unionreview.audit.Manifest;
import vn.unionreview.audit.RunFolder;

/** {@code show RUN}: one run's summary, from its folder. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print one run's summary: status, counts, tiers, rule set, inputs and result digest.")
class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "a run folder (output/2025/<run-id>), or a run id with --year")
    String run;

    @Option(names = "--year", description = "the year, when RUN is a run id")
    Integer year;

    @Option(names = "--output", defaultValue = "output", description = "output folder (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = year == null ? Path.of(run) : output.resolve(Integer.toString(year)).resolve(run);
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println("No run folder " + dir);
            return UnionReviewCli.USAGE;
        }
        out.println("Run " + dir);
        if (!RunFolder.isComplete(dir)) {
            out.println("Status: INCOMPLETE — it stopped before finishing; `run --resume` finishes it.");
        }
        if (Files.isRegularFile(dir.resolve("summary.txt"))) {
            out.print(Files.readString(dir.resolve("summary.txt"), StandardCharsets.UTF_8));
        }
        if (Files.isRegularFile(dir.resolve(Manifest.FILE))) {
            Manifest m = Manifest.read(dir.resolve(Manifest.FILE));
            out.printf("Status: complete, %s run. Software %s, job instance %d, execution %d, attempt %d, report date %s%n",
                    vn.unionreview.batch.RunKind.of(m.kind()).key(), m.software(), m.jobInstanceId(), m.jobExecutionId(), m.attempt(),
                    m.reportDate());
            out.printf("Rules: %s SHA-256 %s%n", m.rules().name(), m.rules().sha256());
            m.inputs().forEach(i -> out.printf("Input: %s (%s, %d bytes) SHA-256 %s%n", i.name(), i.role(), i.size(), i.sha256()));
            out.printf("Outputs: %d files. Result digest: %s%n", m.outputs().size(), m.resultDigest());
            String published = vn.unionreview.audit.Publications.read(dir.toAbsolutePath().getParent()).statusOf(dir.getFileName().toString());
            if (!published.isEmpty()) {
                out.println("Publication: " + published);
            }
            out.println("Verify: union-review verify " + dir.resolve(Manifest.FILE));
        }
        return UnionReviewCli.OK;
    }
}
