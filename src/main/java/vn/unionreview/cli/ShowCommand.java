package vn.unionreview.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import vn.unionreview.audit.Manifest;
import vn.unionreview.audit.Publications;
import vn.unionreview.run.RunFile;
import vn.unionreview.run.RunFolder;
import vn.unionreview.run.RunKind;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Message;
import vn.unionreview.text.Speech;

/** {@code show RUN}: one run's summary, from its folder. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
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
        Catalogue words = CommandLanguage.configured();
        Speech said = Speech.printing(out, words);
        Path dir = year == null
                ? Path.of(run)
                : output.resolve(Integer.toString(year)).resolve(run);
        if (!Files.isDirectory(dir)) {
            Speech.printing(spec.commandLine().getErr(), words).say("show.no_folder", "folder", dir.toString());
            return UnionReviewCli.USAGE;
        }
        said.say("show.run", "folder", dir.toString());
        if (!RunFolder.isComplete(dir)) {
            said.say("show.incomplete");
        }
        if (Files.isRegularFile(RunFile.SUMMARY.in(dir))) {
            // written in the run's language when it ran
            out.print(Files.readString(RunFile.SUMMARY.in(dir), StandardCharsets.UTF_8));
            out.flush();
        }
        if (Files.isRegularFile(RunFile.MANIFEST.in(dir))) {
            Manifest m = Manifest.read(RunFile.MANIFEST.in(dir));
            said.say(
                    "show.complete",
                    "kind",
                    Message.of("run.kind", "kind", RunKind.of(m.kind()).key()),
                    "software",
                    m.software(),
                    "instance",
                    String.valueOf(m.jobInstanceId()),
                    "execution",
                    String.valueOf(m.jobExecutionId()),
                    "attempt",
                    m.attempt(),
                    "date",
                    m.reportDate());
            said.say("show.rules", "file", m.rules().name(), "sha", m.rules().sha256());
            m.inputs()
                    .forEach(i -> said.say(
                            "show.input", "file", i.name(), "role", i.role(), "bytes", i.size(), "sha", i.sha256()));
            said.say("show.outputs", "files", m.outputs().size(), "digest", m.resultDigest());
            Publications publications = Publications.read(dir.toAbsolutePath().getParent());
            Message published = publications.status(dir.getFileName().toString());
            if (published != null) {
                said.say("show.publication", "status", published);
                publications
                        .of(dir.getFileName().toString())
                        .map(Publications.Publication::signedBy)
                        .ifPresent(said::say);
            }
            said.say("show.verify", "manifest", RunFile.MANIFEST.in(dir).toString());
        }
        return UnionReviewCli.OK;
    }
}
