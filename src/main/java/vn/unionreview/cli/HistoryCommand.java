package vn.unionreview.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import vn.unionreview.runs.RunService;
import vn.unionreview.batch.RunHistory;

/** {@code history --year Y}: the year's runs from the job repository, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List a year's runs from the job repository: status, counts, result digest and folder, newest first.")
class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.Year year;

    @Mixin
    CommonOptions.OutputFolder output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!RunService.hasRepository(output.value, year.value)) {
            out.printf("No runs for %d under %s.%n", year.value, output.value);
            return UnionReviewCli.OK;
        }
        List<RunHistory.Entry> runs;
        try {
            runs = RunService.withContext(output.value, year.value, out, context -> context.getBean(RunHistory.class).runs());
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("Cannot read the job repository for " + year.value
                    + " (is a run for this year in progress?): " + rootMessage(e));
            return UnionReviewCli.FAILED;
        }
        if (runs.isEmpty()) {
            out.printf("No runs for %d.%n", year.value);
            return UnionReviewCli.OK;
        }
        vn.unionreview.audit.Publications publications;
        try {
            publications = vn.unionreview.audit.Publications.read(output.value.resolve(Integer.toString(year.value)));
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return UnionReviewCli.FAILED;
        }
        out.printf("%-6s %-18s %-10s %-10s %-19s %-19s %-4s %-7s %-9s %-9s %-16s %s%n", "run", "folder", "kind", "status", "started",
                "ended", "exec", "read", "accepted", "rejected", "result digest", "complete");
        for (RunHistory.Entry r : runs) {
            String published = publications.statusOf(r.folder().getFileName().toString());
            out.printf("%-6d %-18s %-10s %-10s %-19s %-19s %-4d %-7d %-9d %-9d %-16s %s%s%n", r.runId(), r.folder().getFileName(),
                    r.kind().key(), r.status(),
                    r.started() == null ? "" : TIME.format(r.started()), r.ended() == null ? "" : TIME.format(r.ended()),
                    r.executions(), r.counts().rowsRead(), r.counts().rowsAccepted(), r.counts().rowsRejected(),
                    r.resultDigest().isEmpty() ? "-" : r.resultDigest().substring(0, 16), r.complete() ? "yes" : "INCOMPLETE",
                    published.isEmpty() ? "" : "  " + published);
        }
        out.println("Folders are under " + output.value.resolve(Integer.toString(year.value)) + "; `show FOLDER` prints one run.");
        return UnionReviewCli.OK;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
