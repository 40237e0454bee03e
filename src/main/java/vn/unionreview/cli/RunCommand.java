package vn.unionreview.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.unionreview.ingest.DuplicatePolicy;
import vn.unionreview.ingest.InputException;
import vn.unionreview.ingest.InputSet;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSetException;
import vn.unionreview.run.RunFile;
import vn.unionreview.run.RunKind;
import vn.unionreview.run.RunLock;
import vn.unionreview.run.launch.RunOutcome;
import vn.unionreview.run.launch.RunRequest;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Speech;
import vn.unionreview.year.RunService;
import vn.unionreview.year.YearRules;

/** {@code run --year Y}: the year-end job on {@code input/Y}, results under {@code output/Y/<run-id>/}. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        header = "Run the year-end job for one year and write its results into a new run folder.",
        description = {
            "Reads the year's registry, consolidated tables (tables/) and branch forms (forms/) under INPUT/<year>/,",
            "with the council's decisions from INPUT/<year>/decisions.yaml when there is one; scores, classifies and ranks",
            "every branch against the year's rule set, proposes awards, and writes into OUTPUT/<year>/<run-id>/:"
        },
        footer = {
            "%nThe last line printed is the run folder. Running the same command again after a crash resumes the run."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (rejected input is reported in the outputs, not a failure)",
            "1:the job failed or was stopped",
            "2:bad usage, no or an invalid rule set, an unusable input folder, or nothing to resume",
            "3:another run of the same year is in progress"
        })
class RunCommand implements Callable<Integer> {

    /**
     * The help's list of the files a run writes, after the description: from {@link RunFile}, in its reader's words.
     */
    static final String FILES_SECTION = "runFiles";

    static void listFilesInHelp(CommandLine run, Catalogue words) {
        List<String> sections = new ArrayList<>(run.getHelpSectionKeys());
        sections.add(sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION) + 1, FILES_SECTION);
        run.setHelpSectionKeys(sections);
        run.getHelpSectionMap().put(FILES_SECTION, help -> filesWritten(help, words));
    }

    private static String filesWritten(CommandLine.Help help, Catalogue words) {
        int names = 23;
        CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumnWidths(
                help.colorScheme(), names, help.commandSpec().usageMessage().width() - names);
        for (RunFile file : RunFile.values()) {
            if (file.writtenByTheRun() && file.reader() != RunFile.Reader.THE_RUN) {
                table.addRowValues("  " + file.fileName(), words.render(file.described()));
            }
        }
        return table.toString() + System.lineSeparator();
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.Year year;

    @Mixin
    CommonOptions.InputFolder input;

    @Mixin
    CommonOptions.OutputFolder output;

    @Option(
            names = "--rules",
            description =
                    "rule set file, or folder of rule sets by kind (default: config/rules/<year>.yaml or <year>/)")
    Path rules;

    @Option(names = "--rerun", description = "run again even though the same year, rules and input already completed")
    boolean rerun;

    @Option(
            names = "--resume",
            description =
                    "finish the year's latest unfinished run (killed or failed) with the parameters it started with;"
                            + " running the same command again resumes it too")
    boolean resume;

    @Option(
            names = "--lang",
            split = ",",
            paramLabel = "LANG",
            description =
                    "report languages, e.g. vi,en: vi gives report.pdf and results.xlsx, en gives report-en.pdf and results-en.xlsx;"
                            + " the first is also the language of the lines printed (default: from config, else vi)")
    List<String> languages;

    @Option(
            names = "--compare",
            paramLabel = "DIR",
            description =
                    "an earlier run folder (or its results.csv) to compare with (default: the latest run of each of the 5 years before, under the output folder)")
    Path compare;

    @Option(
            names = "--report-date",
            paramLabel = "YYYY-MM-DD",
            description = "the date printed on the report (default: union-review.report.date in config, else today)")
    LocalDate reportDate;

    @Option(
            names = "--kind",
            paramLabel = "KIND",
            defaultValue = "final",
            converter = KindConverter.class,
            description =
                    "final (the run to publish; the default) or validation (letters back to branches; publish refuses it)")
    RunKind kind;

    /** "final" or "validation", as the manifest writes them. */
    static final class KindConverter implements CommandLine.ITypeConverter<RunKind> {
        @Override
        public RunKind convert(String value) {
            return RunKind.of(value);
        }
    }

    @Option(
            names = "--duplicates",
            paramLabel = "RULE",
            description =
                    "two submissions for one branch: reject-all (both rejected) or newer-form-wins (the form saved last is used)"
                            + " (default: union-review.input.duplicates in config, else reject-all)")
    String duplicates;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (languages != null && !Catalogue.LANGUAGES.containsAll(languages)) {
            Speech.printing(err, CommandLanguage.configured()).say("cli.lang_values");
            return UnionReviewCli.USAGE;
        }
        Catalogue words = CommandLanguage.of(languages);
        Speech said = Speech.printing(out, words);
        Speech warned = Speech.printing(err, words);
        RuleBook ruleSet;
        InputSet inputs;
        try {
            ruleSet = YearRules.load(rules, year.value);
            inputs = InputSet.discover(input.value, year.value);
        } catch (RuleSetException | YearRules.Unusable | InputException e) {
            Refusal.say(warned, e);
            return UnionReviewCli.USAGE;
        }
        DuplicatePolicy duplicatePolicy;
        try {
            duplicatePolicy = duplicates == null ? null : DuplicatePolicy.of(duplicates);
        } catch (IllegalArgumentException e) {
            warned.say("cli.duplicates_values", "found", duplicates);
            return UnionReviewCli.USAGE;
        }
        if (compare != null && !Files.exists(RunFile.RESULTS.in(compare)) && !Files.isRegularFile(compare)) {
            warned.say("cli.compare_missing", "folder", compare.toString());
            return UnionReviewCli.USAGE;
        }
        said.say(RunService.starting(year.value, ruleSet, inputs));

        RunOutcome outcome;
        try {
            outcome = RunService.run(
                    RunRequest.of(
                                    year.value,
                                    ruleSet,
                                    input.value,
                                    inputs,
                                    output.value,
                                    RunRequest.Origin.commandLine(kind))
                            .rerun(rerun)
                            .resume(resume)
                            .languages(languages)
                            .compare(compare)
                            .reportDate(reportDate)
                            .duplicates(duplicatePolicy)
                            .build(),
                    said);
        } catch (RunLock.RunBusyException e) {
            warned.say(e.problem());
            return UnionReviewCli.BUSY;
        }
        return report(outcome, ruleSet, said, warned, out);
    }

    private int report(RunOutcome outcome, RuleBook rules, Speech said, Speech warned, PrintWriter out) {
        if (outcome.status() == RunOutcome.Status.NOTHING_TO_RESUME) {
            warned.say(outcome.failure());
            return UnionReviewCli.USAGE;
        }
        if (outcome.status() == RunOutcome.Status.REFUSED) {
            warned.say("run.cannot_start", "detail", outcome.failure());
            warned.say("run.fix_and_again");
            return UnionReviewCli.USAGE;
        }
        switch (outcome.status()) {
            case ALREADY_COMPLETED ->
                said.say(
                        "run.already_completed",
                        "run",
                        outcome.runDir().getFileName().toString());
            case FAILED ->
                warned.say(
                        "run.failed",
                        "why",
                        outcome.failure(),
                        "log",
                        RunFile.RUN_LOG.in(outcome.runDir()).toString());
            case STOPPED -> warned.say("run.stopped", "year", String.valueOf(year.value));
            case COMPLETED, NOTHING_TO_RESUME, REFUSED -> {}
        }
        outcome.summary(rules).forEach(said::say);
        // the last line is the run folder alone, for scripts
        out.println(outcome.runDir());
        out.flush();
        return outcome.status() == RunOutcome.Status.COMPLETED
                        || outcome.status() == RunOutcome.Status.ALREADY_COMPLETED
                ? UnionReviewCli.OK
                : UnionReviewCli.FAILED;
    }
}
