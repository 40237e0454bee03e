package vn.unionreview.ingest;

import java.nio.file.Path;

/** One input file of a run: its path, its name relative to the year folder, role, size and SHA-256. */
public record InputFile(Path path, String name, Role role, long size, String sha256) {

    /** A file as it is now: its size and SHA-256 read from disk. */
    public static InputFile describe(Path path, String name, Role role) {
        try {
            return new InputFile(path, name, role, java.nio.file.Files.size(path), vn.unionreview.Digests.sha256(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public enum Role {
        REGISTRY, TABLE, FORM
    }
}
