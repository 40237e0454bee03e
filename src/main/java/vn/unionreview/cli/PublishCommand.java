package vn.unionreview.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.unionreview.audit.Publications;
import vn.unionreview.runs.Publisher;

/**
 * {@code publish}: marks one completed run as the year's published result; see {@link Publisher}.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        header = "Publish a completed final run as the year's result.",
        description = {"Publish a completed run as the year's result: write decision.pdf and decision.docx into its folder, record it,",
                "and make the folder read-only."})
class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.Year year;

    @Option(names = "--run", paramLabel = "RUN-ID", description = "the run folder's name (default: the year's latest completed run)")
    String run;

    @Option(names = "--number", required = true, paramLabel = "NUMBER", description = "the decision's number, e.g. 123/QĐ-CĐVC")
    String number;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the decision's date (default: today)")
    LocalDate date;

    @Mixin
    CommonOptions.OutputFolder output;

    @Option(names = "--supersede", description = "publish although another run of the year is published: it is superseded")
    boolean supersede;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why the publication in force is superseded (with --supersede)")
    String reason;

    @Option(names = "--allow-validation", paramLabel = "REASON",
            description = "publish a validation run all the same (refused without it), saying why; the reason is recorded with the publication")
    String allowValidation;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (supersede != (reason != null) || (reason != null && reason.isBlank())) {
            err.println("--supersede and --reason go together: say why the publication in force is superseded");
            return UnionReviewCli.USAGE;
        }
        if (allowValidation != null && allowValidation.isBlank()) {
            err.println("--allow-validation needs the reason, e.g. --allow-validation \"the final run's input was lost\"");
            return UnionReviewCli.USAGE;
        }
        Publisher.Published published;
        try {
            published = Publisher.publish(output.value, year.value, run, number, date != null ? date : LocalDate.now(), reason,
                    allowValidation == null ? null : allowValidation.strip(), out);
        } catch (Publisher.RefusedException e) {
            err.println(e.getMessage() + (e.supersedable() ? " To publish " + (run == null ? "the latest run" : "run " + run)
                    + " instead, give --supersede --reason TEXT." : ""));
            return UnionReviewCli.USAGE;
        }
        Publications.Publication p = published.publication();
        published.superseded().ifPresent(earlier -> out.printf("Run %s (decision %s) is superseded: %s%n", earlier.run(), earlier.number(), reason));
        out.printf("Published run %s as decision %s of %s: %s and %s written; the run folder is now read-only.%n", p.run(), p.number(),
                p.date(), Publisher.PDF, Publisher.DOCX);
        if (p.validationReason() != null) {
            out.printf("Run %s is a validation run, published all the same: %s%n", p.run(), p.validationReason());
        }
        out.println(published.runDir().resolve(Publisher.PDF));
        return UnionReviewCli.OK;
    }
}
