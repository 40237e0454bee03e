package vn.unionreview.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run folder is complete (it has manifest.json) or marked incomplete (it has INCOMPLETE): the marker is written
 * before anything else and removed only after the manifest, so a crash, a kill or a stopped service always leaves the
 * folder telling the truth.
 */
public final class RunFolder {

    private RunFolder() {}

    public static void markIncomplete(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                RunFile.INCOMPLETE.in(dir),
                "This run has not finished: its files may be partial.\n"
                        + "Run the same command again (or run --resume) to finish it; `history` shows its status.\n",
                StandardCharsets.UTF_8);
    }

    public static void markComplete(Path dir) throws IOException {
        Files.deleteIfExists(RunFile.INCOMPLETE.in(dir));
    }

    public static boolean isComplete(Path dir) {
        return Files.isRegularFile(RunFile.MANIFEST.in(dir)) && !Files.exists(RunFile.INCOMPLETE.in(dir));
    }
}
