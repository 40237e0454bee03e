package vn.unionreview.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Seeded damage to input files, for fuzzing: the same seed gives the same damaged bytes on every machine. */
public final class Mutations {

    /** Characters that break CSV and XML, or that no one types on purpose. */
    private static final byte[] NASTY = "\"\"\0\u0001\r\n,;\t\u00A0đ'=<&>".getBytes(StandardCharsets.UTF_8);

    private Mutations() {}

    /** Line-level damage (duplicated, shuffled, dropped lines) or byte-level, or both. */
    public static byte[] text(Random random, byte[] original) {
        byte[] bytes = original;
        if (random.nextBoolean()) {
            List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
            switch (random.nextInt(3)) {
                case 0 -> {
                    for (int i = random.nextInt(5); i >= 0; i--) {
                        lines.add(random.nextInt(lines.size()), lines.get(random.nextInt(lines.size())));
                    }
                }
                case 1 -> Collections.shuffle(lines, random);
                default -> lines.remove(random.nextInt(lines.size()));
            }
            bytes = String.join(random.nextInt(4) == 0 ? "\r" : "\n", lines).getBytes(StandardCharsets.UTF_8);
        }
        return random.nextInt(3) == 0 ? bytes : bytes(random, bytes);
    }

    /**
     * Flips, inserts (often characters that break CSV or XML), stretches (a byte repeated thousands of times) or cuts
     * bytes.
     */
    public static byte[] bytes(Random random, byte[] original) {
        byte[] bytes = original;
        for (int edits = 1 + random.nextInt(12); edits > 0 && bytes.length > 0; edits--) {
            int at = random.nextInt(bytes.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
            out.write(bytes, 0, at);
            switch (random.nextInt(5)) {
                case 0 -> { // a byte flipped
                    out.write(random.nextInt(256));
                    out.write(bytes, at + 1, bytes.length - at - 1);
                }
                case 1 -> { // a nasty byte inserted
                    out.write(NASTY[random.nextInt(NASTY.length)]);
                    out.write(bytes, at, bytes.length - at);
                }
                case 2 -> out.write(bytes, at + 1, bytes.length - at - 1); // a byte dropped
                case 3 -> { // cut short, or a byte replaced by a nasty one
                    if (random.nextInt(4) != 0) {
                        out.write(NASTY[random.nextInt(NASTY.length)]);
                        out.write(bytes, at + 1, bytes.length - at - 1);
                    }
                }
                default -> { // a value grown huge: a long number, a long name, a long run of quotes
                    byte[] run = new byte[1 + random.nextInt(40_000)];
                    Arrays.fill(run, bytes[at]);
                    out.write(run, 0, run.length);
                    out.write(bytes, at, bytes.length - at);
                }
            }
            bytes = out.toByteArray();
        }
        return bytes;
    }

    /** The same workbook, with one part's XML damaged and the package written again properly. */
    public static byte[] zipPart(Random random, byte[] workbook, String part) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    byte[] content = in.readAllBytes();
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    zip.write(entry.getName().equals(part) ? bytes(random, content) : content);
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
