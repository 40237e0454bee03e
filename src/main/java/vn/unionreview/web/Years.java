package vn.unionreview.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import vn.unionreview.audit.Manifest;
import vn.unionreview.audit.Publications;
import vn.unionreview.files.Csv;
import vn.unionreview.ingest.InputException;
import vn.unionreview.ingest.InputFile;
import vn.unionreview.ingest.InputSet;
import vn.unionreview.ingest.RegistryReader;
import vn.unionreview.run.RunFile;
import vn.unionreview.run.RunFolder;
import vn.unionreview.run.RunKind;
import vn.unionreview.text.Message;
import vn.unionreview.year.YearRules;

/**
 * The years as the console shows them, read from the folders alone: the input folder of each year, its run folders
 * under the output folder (complete or not, with their manifests), and the year's publications. Nothing here opens a
 * job repository, so pages answer at once, even during a run.
 */
@Component
public class Years {

    /** A run folder's name: twelve hex digits, and "-2", "-3"… for reruns. */
    static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{12}(-[0-9]{1,4})?");

    /**
     * One year on the first page: its last run (in whatever state), and its last complete run, which the counts come
     * from.
     */
    public record Year(
            int year,
            boolean hasRules,
            boolean hasInput,
            int registryBranches,
            Run lastRun,
            Run lastComplete,
            Message published) {

        /** Submitted and not submitted, from the last complete run (null before any). */
        public Integer submitted() {
            return lastComplete == null
                    ? null
                    : lastComplete.manifest().counts().submitted();
        }

        /** Branches whose form arrived and could not be read, from the last complete run (null before any). */
        public Integer unreadable() {
            return lastComplete == null
                    ? null
                    : lastComplete.manifest().counts().unreadable();
        }

        public Integer notSubmitted() {
            return lastComplete == null
                    ? null
                    : lastComplete.manifest().counts().notSubmitted();
        }
    }

    /**
     * A run folder: its name, when it last wrote, whether it finished (then its manifest), and its publication status.
     */
    public record Run(
            String id, Path dir, LocalDateTime written, boolean complete, Manifest manifest, Message published) {

        /** The kind the manifest records (a run from before kinds were recorded was a final run). */
        public RunKind kind() {
            return RunKind.of(manifest == null ? null : manifest.kind());
        }

        public String state(boolean running) {
            return complete ? "complete" : running ? "running" : "incomplete";
        }
    }

    /** One file of a year's input folder, with what the last complete run made of it (files.csv). */
    public record InputEntry(String name, long size, LocalDateTime modified, Map<String, String> lastRun) {}

    private final ConsoleSettings settings;
    private final Map<String, Integer> registrySizes = new ConcurrentHashMap<>();

    Years(ConsoleSettings settings) {
        this.settings = settings;
    }

    Path input() {
        return settings.inputDir();
    }

    Path output() {
        return settings.outputDir();
    }

    Path yearDir(int year) {
        return input().resolve(Integer.toString(year));
    }

    Path outputYear(int year) {
        return output().resolve(Integer.toString(year));
    }

    /** Every year with an input folder or a rule set, newest first. */
    List<Year> all() {
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.addAll(yearsIn(input(), name -> name.matches("[12][0-9]{3}")));
        // a year's rule file, or its folder of kinds
        years.addAll(yearsIn(YearRules.path(null, 2000).getParent(), name -> name.matches("[12][0-9]{3}(\\.yaml)?")));
        return years.stream().map(this::year).toList();
    }

    Year year(int year) {
        return year(year, runs(year));
    }

    /** The year, from its run folders as {@link #runs} lists them. */
    Year year(int year, List<Run> runs) {
        return new Year(
                year,
                hasRules(year),
                Files.isDirectory(yearDir(year)),
                registrySize(year),
                runs.isEmpty() ? null : runs.get(0),
                runs.stream().filter(Run::complete).findFirst().orElse(null),
                publishedRun(year));
    }

    boolean hasRules(int year) {
        return Files.exists(YearRules.path(null, year));
    }

    /** The year's run folders, the one written last first. */
    List<Run> runs(int year) {
        Path dir = outputYear(year);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Publications publications = publications(year);
        try (Stream<Path> folders = Files.list(dir)) {
            return folders.filter(Files::isDirectory)
                    .filter(p -> RUN_ID.matcher(p.getFileName().toString()).matches())
                    .map(p -> run(p, publications))
                    .sorted(Comparator.comparing(Run::written).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run folder of the year by its name, or null when there is none (or the name is not a run's). */
    Run run(int year, String id) {
        if (!RUN_ID.matcher(id).matches()) {
            return null;
        }
        Path dir = outputYear(year).resolve(id);
        return Files.isDirectory(dir) ? run(dir, publications(year)) : null;
    }

    private Run run(Path dir, Publications publications) {
        boolean complete = RunFolder.isComplete(dir);
        Manifest manifest = null;
        if (complete) {
            try {
                manifest = Manifest.read(RunFile.MANIFEST.in(dir));
            } catch (IOException e) {
                complete = false;
            }
        }
        Path log = RunFile.RUN_LOG.in(dir);
        return new Run(
                dir.getFileName().toString(),
                dir,
                modified(Files.exists(log) ? log : dir),
                complete,
                manifest,
                publications.status(dir.getFileName().toString()));
    }

    Publications publications(int year) {
        try {
            return Publications.read(outputYear(year));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Message publishedRun(int year) {
        return publications(year)
                .active()
                .map(p -> Message.of("publication.in_force", "run", p.run(), "number", p.number(), "date", p.date()))
                .orElse(null);
    }

    /**
     * The branches in the year's registry, -1 when there is none or it cannot be read; remembered while the file is
     * unchanged.
     */
    int registrySize(int year) {
        for (String name : List.of("registry.csv", "registry.xlsx")) {
            Path file = yearDir(year).resolve(name);
            if (Files.isRegularFile(file)) {
                String key = file + "@" + modified(file) + "@" + size(file);
                return registrySizes.computeIfAbsent(key, k -> {
                    try {
                        return RegistryReader.read(InputFile.describe(file, name, InputFile.Role.REGISTRY))
                                .branches()
                                .size();
                    } catch (InputException e) {
                        return -1;
                    }
                });
            }
        }
        return -1;
    }

    /**
     * The year's input files, in name order, each with its line of files.csv of {@code lastComplete} (the year's last
     * complete run, or null) when that run read it.
     */
    List<InputEntry> inputs(int year, Run lastComplete) {
        Path dir = yearDir(year);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Map<String, Map<String, String>> lastRun = new HashMap<>();
        if (lastComplete != null) {
            rows(RunFile.FILES.in(lastComplete.dir()), r -> true, Integer.MAX_VALUE)
                    .forEach(r -> lastRun.put(r.get("file"), r));
        }
        List<InputEntry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) { // as deep as the job looks
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (name.startsWith(".") || name.contains("/.") || name.startsWith("~$") || name.contains("/~$")) {
                    continue;
                }
                entries.add(new InputEntry(name, size(p), modified(p), lastRun.getOrDefault(name, Map.of())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Whether the year's input folder can be run: it has a registry (the job refuses it otherwise). */
    Message inputProblem(int year) {
        try {
            InputSet.discover(input(), year);
            return null;
        } catch (InputException e) {
            return e.problem();
        }
    }

    /**
     * The rows of a CSV the run wrote, as maps, those {@code keep} accepts, at most {@code limit}; an absent file has
     * none.
     */
    static List<Map<String, String>> rows(Path csv, Predicate<Map<String, String>> keep, int limit) {
        if (!Files.isRegularFile(csv)) {
            return List.of();
        }
        try {
            return Csv.readRows(csv, keep, limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Integer> yearsIn(Path dir, Predicate<String> isYear) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(isYear)
                    .map(n -> Integer.parseInt(n.substring(0, 4)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDateTime modified(Path p) {
        try {
            FileTime time = Files.getLastModifiedTime(p);
            return LocalDateTime.ofInstant(time.toInstant(), ZoneId.systemDefault())
                    .truncatedTo(ChronoUnit.SECONDS);
        } catch (IOException e) {
            return LocalDateTime.MIN;
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
