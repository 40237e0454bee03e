package vn.unionreview.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What was done to a year, by whom or what: every run started and ended (from the console, the command line, the
 * schedule, the folder watcher), and through the console every upload (with the file's SHA-256), refused upload,
 * verification and publication. One JSON line per action, appended to {@code output/<year>/activity.jsonl}; a run's
 * page shows the lines of its provenance. Lines are whole: each is one append of one write, from any process.
 */
public final class ActivityLog {

    public static final String FILE = "activity.jsonl";

    /** One action: when, who, what, on which run (folder name) or file, and the file's SHA-256 for an upload. */
    public record Entry(
            String time, String user, String action, String run, String file, String sha256, String detail) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path outputDir;

    public ActivityLog(Path outputDir) {
        this.outputDir = outputDir;
    }

    public void record(int year, String user, String action, String run, String file, String sha256, String detail) {
        Entry entry = new Entry(
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                user,
                action,
                run,
                file,
                sha256,
                detail);
        Path log = log(year);
        byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (ActivityLog.class) {
            try {
                Files.createDirectories(log.getParent());
                Files.write(log, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record the activity in " + log, e);
            }
        }
    }

    /** The year's actions, oldest first; a line that cannot be read (a torn last write) is skipped. */
    public List<Entry> entries(int year) {
        Path log = log(year);
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                try {
                    entries.add(JSON.readValue(line, Entry.class));
                } catch (JacksonException torn) {
                    // skipped: a process killed mid-write leaves half a line
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private Path log(int year) {
        return outputDir.resolve(Integer.toString(year)).resolve(FILE);
    }
}
