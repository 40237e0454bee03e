package vn.unionreview.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
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

    public List<String> lines() {
        return out.lines().toList();
    }

    public String lastLine() {
        List<String> lines = lines();
        return lines.get(lines.size() - 1);
    }
}
