package vn.unionreview.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run folder is complete (it has manifest.json) or marked incomplete (it has INCOMPLETE): the
 * marker is written before anything else and removed only after the manifest, so a crash, a kill or
 * a stopped service always leaves the folder telling the truth.
 */
public final class RunFolder {

    public static final String INCOMPLETE = "INCOMPLETE";

    private RunFolder() {
    }

    public static void markIncomplete(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(INCOMPLETE), "This run has not finished: its files may be partial.\n"
                + "Run the same command again (or run --resume) to finish it; `history` shows its status.\n", StandardCharsets.UTF_8);
    }

    public static void markComplete(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(INCOMPLETE));
    }

    public static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(Manifest.FILE)) && !Files.exists(dir.resolve(INCOMPLETE));
    }
}
