package vn.unionreview.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import vn.unionreview.audit.Manifest;
import vn.unionreview.runs.Replay;

/**
 * {@code verify MANIFEST}: replays a run from its archive alone (never from input/) and says
 * whether the same answer comes out.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Replay a run from its archived rule set and inputs alone and compare with what it recorded.",
                "Prints 'identical' (exit 0) or the first differences: branch, field, old and new value (exit 1).",
                "An archived file that no longer matches its SHA-256 is reported and nothing is replayed (exit 1)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:identical", "1:different, or the archive was tampered with", "2:not a readable manifest"})
class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MANIFEST", description = "a run's manifest.json, e.g. output/2025/<run>/manifest.json")
    Path manifestFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Manifest manifest;
        try {
            manifest = Manifest.read(manifestFile);
        } catch (IOException e) {
            err.println(e.getMessage());
            return UnionReviewCli.USAGE;
        }
        Manifest recorded = manifest;
        Replay.Result result = Replay.verify(manifest, manifestFile, () -> {
            out.printf("Replaying %d/%s from its archive: rules %s, %d input file(s)…%n", recorded.year(), recorded.run(),
                    recorded.rules().name(), recorded.inputs().size());
            out.flush();
        });
        switch (result.verdict()) {
            case IDENTICAL -> result.lines().forEach(out::println);
            case DIFFERENT -> {
                out.println("DIFFERENT from the recorded run:");
                result.lines().forEach(d -> out.println("  " + d));
            }
            case TAMPERED -> {
                err.println("Refusing to replay " + manifest.year() + "/" + manifest.run() + ": the archive does not match the manifest.");
                result.lines().forEach(t -> err.println("  " + t));
            }
            case NOT_REPLAYED -> result.lines().forEach(err::println);
        }
        result.notes().forEach(out::println);
        return result.verdict() == Replay.Verdict.IDENTICAL ? UnionReviewCli.OK : UnionReviewCli.FAILED;
    }
}
