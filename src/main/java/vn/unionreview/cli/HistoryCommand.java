package vn.unionreview.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import vn.unionreview.audit.Publications;
import vn.unionreview.run.history.RunHistory;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Message;
import vn.unionreview.text.Speech;
import vn.unionreview.year.RunService;

/** {@code history --year Y}: the year's runs from the job repository, newest first. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description =
                "List a year's runs from the job repository: status, counts, result digest and folder, newest first.")
class HistoryCommand implements Callable<Integer> {

    private static final List<String> COLUMNS = List.of(
            "run",
            "folder",
            "kind",
            "status",
            "started",
            "ended",
            "exec",
            "read",
            "accepted",
            "rejected",
            "digest",
            "complete",
            "publication");
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
        Catalogue words = CommandLanguage.configured();
        Speech said = Speech.printing(out, words);
        Speech warned = Speech.printing(spec.commandLine().getErr(), words);
        if (!RunService.hasRepository(output.value, year.value)) {
            said.say("history.none_under", "year", String.valueOf(year.value), "folder", output.value.toString());
            return UnionReviewCli.OK;
        }
        List<RunHistory.Entry> runs;
        try {
            runs = RunService.withContext(
                    output.value,
                    year.value,
                    Speech.NOBODY,
                    context -> context.getBean(RunHistory.class).runs());
        } catch (RuntimeException e) {
            warned.say("history.unreadable", "year", String.valueOf(year.value), "detail", rootMessage(e));
            return UnionReviewCli.FAILED;
        }
        if (runs.isEmpty()) {
            said.say("history.none", "year", String.valueOf(year.value));
            return UnionReviewCli.OK;
        }
        Publications publications;
        try {
            publications = Publications.read(output.value.resolve(Integer.toString(year.value)));
        } catch (IOException e) {
            warned.say(
                    "history.unreadable", "year", String.valueOf(year.value), "detail", String.valueOf(e.getMessage()));
            return UnionReviewCli.FAILED;
        }
        String row = "%-6s %-18s %-10s %-12s %-19s %-19s %-4s %-7s %-9s %-9s %-16s %s%s%n";
        out.printf(row, (Object[]) COLUMNS.stream()
                .map(c -> words.render(Message.of("history.column", "column", c)))
                .toArray(String[]::new));
        for (RunHistory.Entry r : runs) {
            Message published = publications.status(r.folder().getFileName().toString());
            out.printf(
                    row,
                    r.runId(),
                    r.folder().getFileName(),
                    words.render(Message.of("run.kind", "kind", r.kind().key())),
                    words.render(Message.of("history.status", "status", r.status())),
                    r.started() == null ? "" : TIME.format(r.started()),
                    r.ended() == null ? "" : TIME.format(r.ended()),
                    r.executions(),
                    r.counts().rowsRead(),
                    r.counts().rowsAccepted(),
                    r.counts().rowsRejected(),
                    r.resultDigest().isEmpty() ? "-" : r.resultDigest().substring(0, 16),
                    words.render(Message.of("history.complete", "complete", r.complete() ? "yes" : "no")),
                    published == null ? "" : "  " + words.render(published));
        }
        out.flush();
        said.say(
                "history.where",
                "folder",
                output.value.resolve(Integer.toString(year.value)).toString());
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
