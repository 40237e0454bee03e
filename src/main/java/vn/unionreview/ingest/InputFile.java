package vn.unionreview.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import vn.unionreview.Digests;
import vn.unionreview.text.Message;

/**
 * One input file of a run: its path, its name relative to the year folder (as found: the archive and the manifest keep
 * it exactly), role, size and SHA-256.
 */
public record InputFile(Path path, String name, Role role, long size, String sha256) {

    /** A file as it is now: its size and SHA-256 read from disk. */
    public static InputFile describe(Path path, String name, Role role) {
        try {
            return new InputFile(path, name, role, Files.size(path), Digests.sha256(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The name every report and run table uses: the name itself when it is printable and at most
     * {@link Bounds#FILE_NAME} characters; otherwise a printable beginning and a short digest of the whole name, so
     * that two such names never meet.
     */
    public String displayName() {
        if (nameError() == null) {
            return name;
        }
        String digest = Digests.sha256(name.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        return Texts.printable(name, Bounds.FILE_NAME - 10) + " #" + digest;
    }

    /** Why this file is refused for its name alone, or null. */
    public Message nameError() {
        if (Texts.controlCount(name) > 0
                || name.indexOf('\n') >= 0
                || name.indexOf('\r') >= 0
                || name.indexOf('\t') >= 0) {
            return Message.of("file.name_controls");
        }
        if (Texts.directionControl(name) >= 0) {
            return Message.of(
                    "file.name_direction_mark", "mark", String.format("U+%04X", Texts.directionControl(name)));
        }
        if (name.length() > Bounds.FILE_NAME) {
            return Message.of(
                    "file.name_too_long",
                    "length",
                    String.valueOf(name.length()),
                    "max",
                    String.valueOf(Bounds.FILE_NAME));
        }
        return null;
    }

    public enum Role {
        REGISTRY,
        TABLE,
        FORM,
        DECISIONS,
        /** A province's list of the units beneath it (units.csv or units.xlsx). */
        UNITS_LIST,
        /** A file under units/: a unit's result bundle, or a unit's certificate. */
        UNIT
    }
}
