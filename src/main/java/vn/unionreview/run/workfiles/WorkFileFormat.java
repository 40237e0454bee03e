package vn.unionreview.run.workfiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;
import vn.unionreview.text.Message;

/**
 * How the run's work files are written: records of Java's data streams, a string as its UTF-8 length (-1 for null) then
 * its bytes, so no length limit applies. A file is read record by record up to its end; a record cut short (a write the
 * process did not finish) only ever meets a step that starts over, which deletes the file first.
 */
final class WorkFileFormat {

    private static final int BUFFER = 1 << 16;

    private WorkFileFormat() {}

    /** Something that writes its records to a data stream. */
    @FunctionalInterface
    interface Writing {
        void to(DataOutputStream out) throws IOException;
    }

    /** Something that reads one record from a data stream. */
    @FunctionalInterface
    interface Reading<T> {
        T from(DataInputStream in) throws IOException;
    }

    static DataOutputStream append(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), BUFFER));
    }

    /**
     * Writes the whole file under a temporary name, then moves it in place: a reader sees the old file or the new one.
     */
    static void replace(Path file, Writing records) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.getParent());
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), BUFFER))) {
                records.to(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's work file " + file, e);
        }
    }

    /** Every record of the file, in order; none when it does not exist (its step wrote nothing, or has not run). */
    static <T> List<T> readAll(Path file, Reading<T> record) {
        List<T> all = new ArrayList<>();
        forEach(file, record, all::add);
        return all;
    }

    static <T> void forEach(Path file, Reading<T> record, Consumer<T> action) {
        if (!Files.exists(file)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
            while (true) {
                T next;
                try {
                    next = record.from(in);
                } catch (EOFException end) {
                    return;
                }
                action.accept(next);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run's work file " + file, e);
        }
    }

    static void writeText(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes); // a record cut short ends the file, as at its end
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Reads texts and decimals so that one met again in the same pass is the same object: a pass's many records share
     * their files, sheets, blocs, tiers and amounts, and at 150,000 branches their copies were tens of megabytes of
     * what the export holds. For fields with few values; a branch's code or name would only fill the table.
     */
    static final class Shared {

        private final Map<String, String> texts = new HashMap<>();
        private final Map<String, BigDecimal> decimals = new HashMap<>();

        String text(DataInputStream in) throws IOException {
            String s = readText(in);
            return s == null ? null : texts.computeIfAbsent(s, k -> k);
        }

        BigDecimal decimal(DataInputStream in) throws IOException {
            return decimals.computeIfAbsent(readText(in), BigDecimal::new);
        }
    }

    static void writeProblem(DataOutputStream out, Problem p) throws IOException {
        out.writeByte(p.severity().ordinal());
        writeText(out, p.file());
        writeText(out, p.sheet());
        out.writeInt(p.row());
        writeText(out, p.cell());
        writeText(out, p.column());
        writeText(out, p.code());
        writeText(out, p.value());
        writeText(out, p.reason().encode());
    }

    static Problem readProblem(DataInputStream in) throws IOException {
        return new Problem(
                Severity.values()[in.readByte()],
                readText(in),
                readText(in),
                in.readInt(),
                readText(in),
                readText(in),
                readText(in),
                readText(in),
                Message.decode(readText(in)));
    }
}
