package vn.unionreview.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Locale;
import java.util.ResourceBundle;

import org.springframework.core.NestedExceptionUtils;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import vn.unionreview.text.Speech;

/**
 * The {@code union-review} command. Spring is started only by the commands that run the job, so {@code rules check} and
 * {@code --help} answer at once.
 */
@Command(
        name = "union-review",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Scores, classifies and ranks grassroots trade-union branches (CĐCS) against a year's rule set.",
        subcommands = {
            RunCommand.class,
            PublishCommand.class,
            BundleCommand.class,
            VerifyCommand.class,
            HistoryCommand.class,
            ShowCommand.class,
            ServeCommand.class,
            PasswordHashCommand.class,
            RulesCommand.class,
            SampleCommand.class,
            TemplateCommand.class,
            ParseCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (rejected input rows are reported, not a failure)",
            "1:the job failed",
            "2:bad usage, an invalid rule set, or unusable input folder",
            "3:another run of the same year is in progress"
        })
public class UnionReviewCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int BUSY = 3;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * A mistake on the command line: what was wrong, the nearest command or option when one was mistyped ("Did you
     * mean: run?"), and where the help is; never the whole usage of every command.
     */
    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        Speech warned = Speech.printing(err, CommandLanguage.configured());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            warned.say("cli.unmatched", "typed", unmatched.getUnmatched().get(0));
        } else if (e instanceof CommandLine.MissingParameterException missing) {
            warned.say(
                    "cli.missing",
                    "options",
                    String.join(
                            ", ",
                            missing.getMissing().stream()
                                    .map(arg -> arg instanceof CommandLine.Model.OptionSpec option
                                            ? option.longestName() + " " + option.paramLabel()
                                            : arg.paramLabel())
                                    .toList()));
        } else {
            // picocli's own words for the rarer mistakes ("Invalid value for option '--year'") name what was typed
            err.println(e.getMessage());
        }
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)
                && line.getCommandSpec().parent() == null
                && e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            String typed = unmatched.getUnmatched().get(0);
            line.getSubcommands().keySet().stream()
                    .min(Comparator.comparingInt(name -> distance(name, typed)))
                    .filter(name -> distance(name, typed) <= 2)
                    .ifPresent(name -> warned.say("cli.did_you_mean", "command", name));
        }
        warned.say("cli.see_help", "command", line.getCommandSpec().qualifiedName());
        return USAGE;
    }

    /** Edit distance: how many letters to change, add or drop to make one word the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                current[j] = Math.min(
                        Math.min(current[j - 1], previous[j]) + 1,
                        previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new UnionReviewCli());
        // the help in the configured language: Vietnamese from i18n/cli_vi.properties, English from the annotations
        cli.setResourceBundle(ResourceBundle.getBundle(
                "i18n/cli",
                Locale.forLanguageTag(CommandLanguage.configured().lang()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        RunCommand.listFilesInHelp(cli.getSubcommands().get("run"), CommandLanguage.configured());
        cli.setParameterExceptionHandler(UnionReviewCli::badUsage);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            // our own fault (a refusal is a MessageException said by the command): the deepest cause names what failed
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            String detail = String.valueOf(e.getMessage());
            Speech said = Speech.printing(line.getErr(), CommandLanguage.configured());
            if (cause == e || detail.contains(String.valueOf(cause.getMessage()))) {
                said.say("cli.error", "detail", detail);
            } else {
                said.say("cli.error.cause", "detail", detail, "cause", cause.toString());
            }
            return FAILED;
        });
        return cli;
    }
}
