package vn.unionreview.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code union-review} command. Spring is started only by the commands that run the job, so
 * {@code rules check} and {@code --help} answer at once.
 */
@Command(name = "union-review", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Scores, classifies and ranks grassroots trade-union branches (CĐCS) against a year's rule set.",
        subcommands = {RunCommand.class, PublishCommand.class, VerifyCommand.class, HistoryCommand.class, ShowCommand.class,
                ServeCommand.class, PasswordHashCommand.class, RulesCommand.class,
                SampleCommand.class, TemplateCommand.class, ParseCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (rejected input rows are reported, not a failure)", "1:the job failed",
                "2:bad usage, an invalid rule set, or unusable input folder",
                "3:another run of the same year is in progress"})
public class UnionReviewCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int BUSY = 3;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new UnionReviewCli());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + e.getMessage());
            return FAILED;
        });
        return cli;
    }
}
