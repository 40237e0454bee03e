package vn.unionreview.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import vn.unionreview.Digests;
import vn.unionreview.text.Message;

/**
 * The input files of one year, as found under {@code <input>/<year>/}: the registry ({@code registry.csv} or
 * {@code registry.xlsx}), every consolidated table under {@code tables/}, every branch form under {@code forms/}, and
 * the council's {@code decisions.yaml} when there is one (null otherwise), and for a province the list of the units
 * beneath it ({@code units.csv} or {@code units.xlsx}, null otherwise) with every file under {@code units/} (their
 * result bundles and certificates). A province's registry lists only the branches it rates directly, and it may have
 * none: its registry is then null. Names are relative to the year folder and sorted, so the set and its digest do not
 * depend on the machine.
 */
public record InputSet(
        Path yearDir,
        InputFile registry,
        List<InputFile> tables,
        List<InputFile> forms,
        InputFile decisions,
        InputFile unitsList,
        List<InputFile> units) {

    public static final String DECISIONS = "decisions.yaml";
    /** The folder of a province's year that holds its units' bundles and certificates. */
    public static final String UNITS = "units";

    /** A province's list of its units in {@code yearDir} (units.csv, else units.xlsx), or null when it has none. */
    public static Path unitsList(Path yearDir) {
        return Stream.of("units.csv", "units.xlsx")
                .map(yearDir::resolve)
                .filter(Files::isRegularFile)
                .findFirst()
                .orElse(null);
    }

    public InputSet {
        tables = List.copyOf(tables);
        forms = List.copyOf(forms);
        units = List.copyOf(units);
    }

    public static InputSet discover(Path inputDir, int year) {
        Path yearDir = inputDir.resolve(Integer.toString(year));
        if (!Files.isDirectory(yearDir)) {
            throw new InputException(Message.of(
                    "input.no_folder",
                    "folder",
                    yearDir.toString(),
                    "expected",
                    inputDir + "/" + year + "/registry.csv"));
        }
        List<Path> registries = Stream.of("registry.csv", "registry.xlsx")
                .map(yearDir::resolve)
                .filter(Files::isRegularFile)
                .toList();
        Path decisions = yearDir.resolve(DECISIONS);
        List<Path> unitsLists = Stream.of("units.csv", "units.xlsx")
                .map(yearDir::resolve)
                .filter(Files::isRegularFile)
                .toList();
        if (registries.isEmpty() && unitsLists.isEmpty()) {
            throw new InputException(Message.of("input.no_registry", "folder", yearDir.toString()));
        }
        if (registries.size() > 1) {
            throw new InputException(Message.of("input.two_registries", "folder", yearDir.toString()));
        }
        if (unitsLists.size() > 1) {
            throw new InputException(Message.of("input.two_units_lists", "folder", yearDir.toString()));
        }
        return new InputSet(
                yearDir,
                registries.isEmpty() ? null : describe(yearDir, registries.get(0), InputFile.Role.REGISTRY),
                files(yearDir, "tables", InputFile.Role.TABLE),
                files(yearDir, "forms", InputFile.Role.FORM),
                Files.isRegularFile(decisions) ? describe(yearDir, decisions, InputFile.Role.DECISIONS) : null,
                unitsLists.isEmpty() ? null : describe(yearDir, unitsLists.get(0), InputFile.Role.UNITS_LIST),
                files(yearDir, UNITS, InputFile.Role.UNIT));
    }

    private static List<InputFile> files(Path yearDir, String folder, InputFile.Role role) {
        Path dir = yearDir.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            // digests taken in parallel (ten thousand forms are ten thousand reads), listed in name order
            return files.filter(Files::isRegularFile).filter(InputSet::isCandidate).sorted().toList().parallelStream()
                    .map(p -> describe(yearDir, p, role))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every file but hidden ones and Office lock files ("~$name.xlsx"); unsupported types are reported, not skipped.
     */
    private static boolean isCandidate(Path p) {
        String name = p.getFileName().toString();
        return !name.startsWith(".") && !name.startsWith("~$");
    }

    private static InputFile describe(Path yearDir, Path file, InputFile.Role role) {
        return InputFile.describe(file, yearDir.relativize(file).toString().replace('\\', '/'), role);
    }

    public List<InputFile> all() {
        List<InputFile> all = new ArrayList<>();
        if (registry != null) {
            all.add(registry);
        }
        all.addAll(tables);
        all.addAll(forms);
        if (decisions != null) {
            all.add(decisions);
        }
        if (unitsList != null) {
            all.add(unitsList);
        }
        all.addAll(units);
        return all;
    }

    /** SHA-256 over the sorted "name sha256" lines of every input: identifies the input of a run. */
    public String digest() {
        MessageDigest digest = Digests.sha256();
        all().stream()
                .map(f -> f.name() + " " + f.sha256() + "\n")
                .sorted()
                .forEach(line -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }
}
