package vn.unionreview.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import vn.unionreview.Digests;

/**
 * A content-addressed store of archived inputs under {@code <output>/archive/sha256/ab/abcdef…}:
 * a file is kept once however many runs read it, and its name is its digest, so a changed byte is
 * seen by recomputing the digest.
 */
public final class ArchiveStore {

    private final Path root;

    public ArchiveStore(Path outputDir) {
        this.root = outputDir.resolve("archive").resolve("sha256");
    }

    /** The stored copy's path relative to the output folder, e.g. "archive/sha256/ab/abcdef…". */
    public static String relative(String sha256) {
        return "archive/sha256/" + sha256.substring(0, 2) + "/" + sha256;
    }

    public Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * {@link #put} for many files (SHA-256 → file), two or more at a time: ten thousand forms are
     * ten thousand reads, digests and copies. Each digest is taken once, so no two threads write one copy.
     */
    public void putAll(java.util.Map<String, Path> filesBySha256) throws IOException {
        try {
            filesBySha256.entrySet().parallelStream().forEach(e -> {
                try {
                    put(e.getValue(), e.getKey());
                } catch (IOException io) {
                    throw new java.io.UncheckedIOException(io);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Copies {@code file} in unless a copy is already there; checks the digest it was known by. */
    public void put(Path file, String sha256) throws IOException {
        Path target = path(sha256);
        if (Files.exists(target)) {
            return;
        }
        String actual = Digests.sha256(file);
        if (!actual.equals(sha256)) {
            throw new IOException(file + " changed during the run (SHA-256 now " + actual + ")");
        }
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(sha256 + ".tmp");
        Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        target.toFile().setReadOnly();
    }
}
