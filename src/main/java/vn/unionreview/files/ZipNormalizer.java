package vn.unionreview.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a zip container (xlsx) with every entry stamped with one fixed time: POI stamps entries with the wall clock,
 * and the same run must give the same bytes. Entry order and content are kept. Reads through the central directory
 * (ZipFile): POI's streamed local headers carry no sizes.
 */
public final class ZipNormalizer {

    /** 1 January 1980, the earliest time a zip entry can carry. */
    public static final long FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0)
            .atZone(ZoneId.systemDefault())
            .toInstant()
            .toEpochMilli();

    private ZipNormalizer() {}

    public static void normalize(Path zip, OutputStream target) throws IOException {
        ZipOutputStream out = new ZipOutputStream(target);
        try (ZipFile in = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(FIXED_TIME);
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        out.finish();
        out.flush();
    }

    /** Writes what {@code content} produces to a temporary file, then normalised to the target. */
    public static AtomicFiles.Content normalized(AtomicFiles.Content content) {
        return target -> {
            Path temp = Files.createTempFile("union-review", ".zip");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    content.writeTo(out);
                }
                normalize(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        };
    }
}
