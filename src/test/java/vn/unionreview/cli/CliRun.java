package vn.unionreview.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the real command line in-process and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = UnionReviewCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * As {@link #of}, and whatever reached the process's standard output and error meanwhile (a logger's line, a stack
     * trace) is added to {@code err}: what a user would see on the console.
     */
    public static CliRun withConsole(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            CliRun run = of(args);
            return new CliRun(run.exitCode(), run.out(), captured.toString(StandardCharsets.UTF_8) + run.err());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    public List<String> lines() {
        return out.lines().toList();
    }

    public String lastLine() {
        List<String> lines = lines();
        return lines.get(lines.size() - 1);
    }
}
