package vn.unionreview.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import vn.unionreview.RequiredTool;

/**
 * Headless LibreOffice, for tests that check our files open in a real office suite (.ci/libreoffice.sh installs it).
 */
public final class LibreOffice {

    private LibreOffice() {}

    /**
     * Goes on when soffice is there; otherwise the test is skipped, or fails under CI
     * ({@link vn.unionreview.RequiredTool}).
     */
    public static void require() {
        RequiredTool.require(installed(), "LibreOffice (soffice) is not on the PATH (.ci/libreoffice.sh installs it)");
    }

    /** Whether soffice is on the PATH. */
    public static boolean installed() {
        try {
            Process p = new ProcessBuilder("soffice", "--version")
                    .redirectErrorStream(true)
                    .start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Converts {@code file} to {@code format} (e.g. "pdf", "xlsx", "xls") into {@code outDir}; returns soffice's
     * output.
     */
    public static String convert(Path file, String format, Path outDir) throws IOException, InterruptedException {
        return convert(List.of(file), format, outDir);
    }

    /** Converts many files in one soffice start (each start costs seconds). */
    public static String convert(List<Path> files, String format, Path outDir)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "soffice",
                "-env:UserInstallation=file://" + outDir.resolve(".lo-profile").toAbsolutePath(),
                "--headless",
                "--convert-to",
                format,
                "--outdir",
                outDir.toString()));
        files.forEach(f -> command.add(f.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("soffice failed: " + output);
        }
        return output;
    }
}
