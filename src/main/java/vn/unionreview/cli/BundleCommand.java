package vn.unionreview.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Speech;
import vn.unionreview.year.Publisher;

/**
 * {@code bundle --year Y [--run ID]}: writes again the result bundle of a publication, for the union above (publish
 * writes it the first time).
 */
@Command(
        name = "bundle",
        mixinStandardHelpOptions = true,
        description = {
            "Write again the result bundle of a published run: one zip with its manifest and signature,",
            "results, lists of branches, summary and signed decision, for the union above (publish",
            "writes it the first time)."
        })
class BundleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.Year year;

    @Mixin
    CommonOptions.OutputFolder output;

    @Option(
            names = "--run",
            paramLabel = "RUN-ID",
            description = "the published run (default: the year's publication in force)")
    String run;

    @Override
    public Integer call() throws Exception {
        Catalogue words = CommandLanguage.configured();
        Speech said = Speech.printing(spec.commandLine().getOut(), words);
        Path bundle;
        try {
            bundle = Publisher.bundle(output.value, year.value, run);
        } catch (Publisher.RefusedException e) {
            Speech.printing(spec.commandLine().getErr(), words).say(e.reason());
            return UnionReviewCli.USAGE;
        }
        said.say("bundle.wrote", "file", bundle.toString());
        return UnionReviewCli.OK;
    }
}
