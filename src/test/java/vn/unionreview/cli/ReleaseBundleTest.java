package vn.unionreview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Slow;
import vn.unionreview.audit.Manifest;
import vn.unionreview.run.RunFile;

/**
 * The release bundle as a user gets it: unpacked where nothing but a Java runtime is, started with the one command, it
 * runs the sample year to the same result and the same report as the build does. Needs `mvn package` (it runs in `mvn
 * verify`, after the bundle is made).
 */
@Slow // a child JVM on the packaged bundle
class ReleaseBundleTest {

    @TempDir
    Path dir;

    @Test
    void unpackedAndStartedWithOneCommandItRunsTheSampleYearAsTheBuildDoes() throws Exception {
        Path home = unzip(bundle(), dir.resolve("unpacked"));
        assertThat(home.resolve("union-review.jar")).isRegularFile();
        assertThat(home.resolve("lib"))
                .isDirectoryContaining(p -> p.getFileName().toString().startsWith("spring-batch-core"));
        assertThat(home.resolve("config/rules/2025.yaml")).isRegularFile();
        assertThat(home.resolve("config/rules/2025.checks.yaml")).isRegularFile();
        assertThat(home.resolve("input/2025/registry.csv")).isRegularFile();
        assertThat(home.resolve("input/2024/tables/bang-tong-hop.csv")).isRegularFile();
        assertThat(home.resolve("README.md")).isRegularFile();
        assertThat(Files.readString(home.resolve("bin/union-review.cmd"), StandardCharsets.UTF_8))
                .as("a Windows batch file, with Windows line ends")
                .contains("\r\n")
                .contains("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "union-review.jar");
        theLauncherChoosesTheParallelCollectorUnlessJavaOptsNamesOne(home);

        Process run = new ProcessBuilder(
                        "bash",
                        home.resolve("bin/union-review").toString(),
                        "run",
                        "--year",
                        "2025",
                        "--report-date",
                        "2026-01-05")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(out).isZero();
        List<String> lines = out.lines().toList();
        Path runDir = Path.of(lines.get(lines.size() - 1));
        assertThat(runDir.startsWith(home.resolve("output/2025")))
                .as(runDir.toString())
                .isTrue();

        // the build's own jar (the version it prints is in the report's metadata, so not the test classes)
        Process jar = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        Path.of("target/union-review.jar").toAbsolutePath().toString(),
                        "run",
                        "--year",
                        "2025",
                        "--output",
                        dir.resolve("built").toString(),
                        "--report-date",
                        "2026-01-05")
                .redirectErrorStream(true)
                .start();
        String builtOut = new String(jar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jar.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(jar.exitValue()).as(builtOut).isZero();
        List<String> builtLines = builtOut.lines().toList();
        Path builtDir = Path.of(builtLines.get(builtLines.size() - 1));
        assertThat(Manifest.read(RunFile.MANIFEST.in(runDir)).resultDigest())
                .isEqualTo(Manifest.read(RunFile.MANIFEST.in(builtDir)).resultDigest());
        assertThat(Files.readAllBytes(runDir.resolve("report.pdf")))
                .isEqualTo(Files.readAllBytes(builtDir.resolve("report.pdf")));

        assertThat(Files.readString(home.resolve("bin/union-review-console.cmd"), StandardCharsets.UTF_8))
                .as("the console's double-click start on Windows")
                .contains("\r\n")
                .contains("cd /d \"%~dp0..\"", "serve");
        theConsoleStartsFromTheBundle(home, runDir.getFileName().toString());
    }

    /**
     * On a Java 25 runtime (found under /usr/lib/jvm, as on the project's machines) the launcher records the first run
     * and writes the JDK's AOT cache beside the jar, silently; the next run maps it and gets the same result.
     */
    @Test
    void onJava25TheFirstRunWritesTheAotCacheThatLaterRunsMap() throws Exception {
        Path java25 = java25();
        Assumptions.assumeTrue(java25 != null, "no Java 25 runtime under /usr/lib/jvm");
        Path home = unzip(bundle(), dir.resolve("unpacked-25"));
        String first = launch(home, java25, "");
        List<String> lines = first.lines().toList();
        Path runDir = Path.of(lines.get(lines.size() - 1));
        assertThat(runDir.startsWith(home.resolve("output/2025")))
                .as("the run folder is still the last line:%n%s", first)
                .isTrue();
        try (Stream<Path> caches = Files.list(home)) {
            assertThat(caches.map(p -> p.getFileName().toString()).toList())
                    .as("beside the jar")
                    .anyMatch(name -> name.matches("union-review-25[.0-9]*\\.aot"))
                    .noneMatch(name -> name.contains(".config"));
        }
        String second = launch(home, java25, "-Xlog:aot=info");
        assertThat(second).contains("Opened AOT cache");
        List<String> secondLines = second.lines().toList();
        Path secondDir = Path.of(secondLines.get(secondLines.size() - 1));
        assertThat(Manifest.read(RunFile.MANIFEST.in(secondDir)).resultDigest())
                .isEqualTo(Manifest.read(RunFile.MANIFEST.in(runDir)).resultDigest());

        // a national year (50,000 registry lines or more) starts without the cache, which slows its optimising compiler
        Path national = Files.createDirectories(dir.resolve("national/2030"));
        Files.write(national.resolve("registry.csv"), Collections.nCopies(50_000, "x"));
        ProcessBuilder parse = new ProcessBuilder(
                        "bash",
                        home.resolve("bin/union-review").toString(),
                        "parse",
                        "--year",
                        "2030",
                        "--input",
                        dir.resolve("national").toString())
                .directory(home.toFile())
                .redirectErrorStream(true);
        parse.environment().put("JAVA_HOME", java25.toString());
        parse.environment().put("JAVA_OPTS", "-Xlog:aot=info");
        Process nationalParse = parse.start();
        String nationalOut = new String(nationalParse.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(nationalParse.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(nationalOut)
                .as("started, and without the cache")
                .contains("parse")
                .doesNotContain("Opened AOT cache");
    }

    /**
     * A run of the sample year through the bundle's launcher on the runtime {@code javaHome}; what it printed, once it
     * exited 0.
     */
    private static String launch(Path home, Path javaHome, String javaOpts) throws Exception {
        ProcessBuilder launcher = new ProcessBuilder(
                        "bash",
                        home.resolve("bin/union-review").toString(),
                        "run",
                        "--year",
                        "2025",
                        "--report-date",
                        "2026-01-05",
                        "--rerun")
                .directory(home.toFile());
        launcher.environment().put("JAVA_HOME", javaHome.toString());
        launcher.environment().put("JAVA_OPTS", javaOpts);
        Process run = launcher.start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(out + err).isZero();
        return out;
    }

    private static Path java25() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(
                            h -> Files.isRegularFile(h.resolve("release")) && Files.isExecutable(h.resolve("bin/java")))
                    .filter(h -> {
                        try {
                            return Files.readString(h.resolve("release"))
                                    .lines()
                                    .anyMatch(l -> l.matches("JAVA_VERSION=\"(2[5-9]|[3-9][0-9]).*"));
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .sorted()
                    .findFirst()
                    .orElse(null);
        }
    }

    private static Path bundle() throws IOException {
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            return built.filter(p -> p.getFileName().toString().matches("union-review-.+\\.zip"))
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("no target/union-review-<version>.zip: run mvn package first"));
        }
    }

    private static void theLauncherChoosesTheParallelCollectorUnlessJavaOptsNamesOne(Path home) throws Exception {
        assertThat(launcherFlags(home, "-XX:+PrintCommandLineFlags")).contains("-XX:+UseParallelGC");
        // a second collector would stop the JVM: the user's choice is the only one
        assertThat(launcherFlags(home, "-XX:+PrintCommandLineFlags -XX:+UseSerialGC"))
                .contains("-XX:+UseSerialGC")
                .doesNotContain("-XX:+UseParallelGC");
    }

    /** What `bin/union-review --version` prints with {@code javaOpts}, once it has exited 0. */
    private static String launcherFlags(Path home, String javaOpts) throws Exception {
        ProcessBuilder launcher = new ProcessBuilder(
                        "bash", home.resolve("bin/union-review").toString(), "--version")
                .directory(home.toFile())
                .redirectErrorStream(true);
        launcher.environment().put("JAVA_OPTS", javaOpts);
        Process version = launcher.start();
        String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(version.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(version.exitValue()).as(out).isZero();
        return out;
    }

    /**
     * The one start command of the console, from the unpacked bundle: its first page lists the sample year and the run
     * just made.
     */
    private static void theConsoleStartsFromTheBundle(Path home, String runId) throws Exception {
        Process serve = new ProcessBuilder(
                        "bash", home.resolve("bin/union-review").toString(), "serve", "--http", "127.0.0.1:0")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String address = null;
            for (String line; address == null && (line = out.readLine()) != null; ) {
                Matcher m =
                        Pattern.compile("bảng điều khiển tại (http://\\S+/)").matcher(line);
                address = m.find() ? m.group(1) : null;
            }
            assertThat(address).as("serve prints where the console listens").isNotNull();
            var page = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Các năm đánh giá", "href=\"/years/2025\"", runId);
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(2, TimeUnit.MINUTES)).isTrue();
        }
    }

    /**
     * Unpacks the zip (the launcher is then started through bash: java.util.zip keeps no file modes); returns the
     * bundle's folder.
     */
    private static Path unzip(Path zip, Path target) throws IOException {
        Path top = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path to = target.resolve(e.getName()).normalize();
                assertThat(to.startsWith(target))
                        .as("%s stays inside the folder it is unpacked into", e.getName())
                        .isTrue();
                if (top == null) {
                    top = target.resolve(Path.of(e.getName()).getName(0));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(in, to); // to the end of this entry
                }
            }
        }
        return top;
    }
}
