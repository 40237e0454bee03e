package vn.unionreview.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The CLI in a separate JVM, so a test can kill it (SIGKILL) at a chosen point of its output. */
public final class ChildRun implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    public final List<String> lines = new ArrayList<>();

    private ChildRun(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public static ChildRun start(String... args) throws IOException {
        return startIn(Path.of(""), List.of(), args);
    }

    /** Started in {@code workingDir}: the folder whose config/application.yml the command reads. */
    public static ChildRun startIn(Path workingDir, String... args) throws IOException {
        return startIn(workingDir, List.of(), args);
    }

    /** @param properties system properties for the child ({@code -Dname=value}), such as another database's */
    public static ChildRun startIn(Path workingDir, List<String> properties, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true"));
        command.addAll(properties);
        command.addAll(List.of("-cp", classPath(), "vn.unionreview.cli.UnionReviewCli"));
        command.addAll(List.of(args));
        return new ChildRun(new ProcessBuilder(command)
                .directory(workingDir.toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .start());
    }

    /** The test's class path with every entry absolute, so that a child started in another folder finds it. */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Reads output until a line matches; false if the process ended first. */
    public boolean awaitLine(Predicate<String> matches) throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            lines.add(line);
            if (matches.test(line)) {
                return true;
            }
        }
        return false;
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup, as a power cut or kill -9
        process.waitFor(60, TimeUnit.SECONDS);
    }

    public int waitFor() throws IOException, InterruptedException {
        awaitLine(l -> false);
        process.waitFor(300, TimeUnit.SECONDS);
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
