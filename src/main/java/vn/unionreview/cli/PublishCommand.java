package vn.unionreview.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.unionreview.audit.Publications;
import vn.unionreview.run.RunFile;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Message;
import vn.unionreview.text.MessageException;
import vn.unionreview.text.Speech;
import vn.unionreview.year.Publisher;

/** {@code publish}: marks one completed run as the year's published result; see {@link Publisher}. */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        header = "Publish a completed final run as the year's result.",
        description = {
            "Publish a completed run as the year's result: write decision.pdf and decision.docx into its folder, record it,",
            "and make the folder read-only."
        })
class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.Year year;

    @Option(
            names = "--run",
            paramLabel = "RUN-ID",
            description = "the run folder's name (default: the year's latest completed run)")
    String run;

    @Option(
            names = "--number",
            required = true,
            paramLabel = "NUMBER",
            description = "the decision's number, e.g. 123/QĐ-CĐVC")
    String number;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the decision's date (default: today)")
    LocalDate date;

    @Mixin
    CommonOptions.OutputFolder output;

    @Option(
            names = "--supersede",
            description = "publish although another run of the year is published: it is superseded")
    boolean supersede;

    @Option(
            names = "--reason",
            paramLabel = "TEXT",
            description = "why the publication in force is superseded (with --supersede)")
    String reason;

    @Option(
            names = "--sign",
            description = "sign decision.pdf with the competent person's and the agency's digital signatures"
                    + " (PAdES) and manifest.json (manifest.json.p7s), with the key in union-review.signing.pkcs12; its password from"
                    + " UNIONREVIEW_SIGNING_PASSWORD or asked for")
    boolean sign;

    @Option(
            names = "--allow-validation",
            paramLabel = "REASON",
            description =
                    "publish a validation run all the same (refused without it), saying why; the reason is recorded with the publication")
    String allowValidation;

    @Override
    public Integer call() throws Exception {
        Catalogue words = CommandLanguage.configured();
        Speech said = Speech.printing(spec.commandLine().getOut(), words);
        Speech warned = Speech.printing(spec.commandLine().getErr(), words);
        if (supersede != (reason != null) || (reason != null && reason.isBlank())) {
            warned.say("cli.supersede_with_reason");
            return UnionReviewCli.USAGE;
        }
        if (allowValidation != null && allowValidation.isBlank()) {
            warned.say("cli.allow_validation_reason");
            return UnionReviewCli.USAGE;
        }
        Publisher.Published published;
        try {
            published = Publisher.publish(
                    output.value,
                    year.value,
                    run,
                    number,
                    date != null ? date : LocalDate.now(),
                    reason,
                    allowValidation == null ? null : allowValidation.strip(),
                    sign ? passwords(words) : null);
        } catch (MessageException e) {
            warned.say(e.problem());
            return UnionReviewCli.USAGE;
        } catch (Publisher.RefusedException e) {
            warned.say(e.reason());
            if (e.supersedable()) {
                warned.say("cli.publish_supersede_hint");
            }
            return UnionReviewCli.USAGE;
        }
        Publications.Publication p = published.publication();
        published
                .superseded()
                .ifPresent(earlier -> said.say(
                        "cli.publish_superseded", "run", earlier.run(), "number", earlier.number(), "reason", reason));
        said.say(
                "cli.published",
                "run",
                p.run(),
                "number",
                p.number(),
                "date",
                p.date(),
                "pdf",
                RunFile.DECISION_PDF.fileName(),
                "docx",
                RunFile.DECISION_DOCX.fileName());
        if (p.signedBy() != null) {
            said.say("cli.published_signed", "signed", p.signedBy());
        }
        if (p.validationReason() != null) {
            said.say("cli.published_validation", "run", p.run(), "reason", p.validationReason());
        }
        said.say("bundle.wrote", "file", published.bundle().toString());
        // the last line is the decision's file alone, for scripts
        spec.commandLine().getOut().println(published.runDir().resolve(RunFile.DECISION_PDF.fileName()));
        spec.commandLine().getOut().flush();
        return UnionReviewCli.OK;
    }

    /**
     * A key's password from the environment ({@code UNIONREVIEW_SIGNING_PASSWORD}, and
     * {@code UNIONREVIEW_SIGNING_AGENCY_PASSWORD} for the agency's own file), else asked for at the terminal; never
     * from a file.
     */
    private static Publisher.Passwords passwords(Catalogue words) {
        return (file, role) -> {
            String variable =
                    role.equals("agency") ? "UNIONREVIEW_SIGNING_AGENCY_PASSWORD" : "UNIONREVIEW_SIGNING_PASSWORD";
            String given = System.getenv(variable);
            if (given == null && role.equals("agency")) {
                given = System.getenv("UNIONREVIEW_SIGNING_PASSWORD");
            }
            if (given != null) {
                return given.toCharArray();
            }
            if (System.console() == null) {
                throw new MessageException(
                        Message.of("sign.no_password", "file", file.toString(), "variable", variable));
            }
            return System.console()
                    .readPassword(
                            "%s",
                            words.render(Message.of("sign.password_prompt", "file", file.toString(), "role", role)));
        };
    }
}
