package vn.unionreview.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import vn.unionreview.Digests;

/**
 * A content-addressed store of archived inputs under {@code <output>/archive/sha256/ab/abcdef…}: a file is kept once
 * however many runs read it, and its name is its digest, so a changed byte is seen by recomputing the digest.
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
     * {@link #put} for many files (SHA-256 → file), two or more at a time: ten thousand forms are ten thousand reads,
     * digests and copies. Each digest is taken once, so no two threads write one copy.
     */
    public void putAll(Map<String, Path> filesBySha256) throws IOException {
        try {
            filesBySha256.entrySet().parallelStream().forEach(e -> {
                try {
                    put(e.getValue(), e.getKey());
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Stores what the run wrote itself (a listing of files) under its SHA-256, which it returns. */
    public String put(byte[] content) throws IOException {
        String sha256 = Digests.sha256(content);
        Path temp = Files.createTempFile("union-review-", ".archive");
        try {
            Files.write(temp, content);
            put(temp, sha256);
        } finally {
            Files.deleteIfExists(temp);
        }
        return sha256;
    }

    /**
     * Copies {@code file} in unless a copy is already there, checking the digest it was known by on the bytes as they
     * are copied (one read of the file, and the check is of exactly what was archived). Runs of other years, in this
     * process or another, may archive the same file at the same moment: each copies to a temporary file of its own, and
     * the first to move it in wins.
     */
    public void put(Path file, String sha256) throws IOException {
        Path target = path(sha256);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), sha256 + ".", ".tmp");
        MessageDigest digest = Digests.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(sha256)) {
            Files.delete(temp);
            throw new IOException(file + " changed during the run (SHA-256 now " + actual + ")");
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            if (!Files.exists(target)) {
                throw e;
            }
            return; // another run moved the same bytes in first (Windows does not replace a read-only file)
        }
        target.toFile().setReadOnly();
    }
}
