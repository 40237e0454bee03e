package vn.unionreview.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import vn.unionreview.RequiredTool;

/** Poppler's pdfsig, a signature checker no one here wrote: what it says of a PDF's signatures. */
public final class Pdfsig {

    private Pdfsig() {}

    public static String report(Path pdf) throws Exception {
        RequiredTool.require(
                Files.isExecutable(Path.of("/usr/bin/pdfsig")), "pdfsig (Debian poppler-utils; .ci/run installs it)");
        Process process = new ProcessBuilder("pdfsig", pdf.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
