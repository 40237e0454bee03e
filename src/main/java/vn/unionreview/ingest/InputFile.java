package vn.unionreview.ingest;

import java.nio.file.Path;

/** One input file of a run: its path, its name relative to the year folder, role, size and SHA-256. */
public record InputFile(Path path, String name, Role role, long size, String sha256) {

    public enum Role {
        REGISTRY, TABLE, FORM
    }
}
