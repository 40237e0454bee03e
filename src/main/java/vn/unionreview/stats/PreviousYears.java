package vn.unionreview.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import vn.unionreview.Digests;
import vn.unionreview.files.Csv;
import vn.unionreview.run.RunFile;

/**
 * Finds earlier years' results for the year-over-year comparison: a run folder given with {@code --compare}, or else,
 * for each of the five years before, the most recent run folder under {@code output/<year>/} that holds a results.csv.
 * What was used is named with its SHA-256.
 */
public final class PreviousYears {

    static final int YEARS_BACK = 5;

    private PreviousYears() {}

    public static List<PreviousYear> find(Path outputDir, int year, Path compare) {
        if (compare != null) {
            Path file = Files.isDirectory(compare) ? RunFile.RESULTS.in(compare) : compare;
            String parent =
                    file.toAbsolutePath().getParent().getParent().getFileName().toString();
            int earlier = parent.matches("\\d{4}") ? Integer.parseInt(parent) : year - 1;
            return List.of(read(file, earlier));
        }
        List<PreviousYear> found = new ArrayList<>();
        for (int y = year - YEARS_BACK; y < year; y++) {
            int earlier = y;
            latestRun(outputDir.resolve(Integer.toString(y)))
                    .map(f -> read(f, earlier))
                    .ifPresent(found::add);
        }
        return found;
    }

    private static Optional<Path> latestRun(Path yearDir) {
        if (!Files.isDirectory(yearDir)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(yearDir)) {
            return runs.map(RunFile.RESULTS::in)
                    .filter(Files::isRegularFile)
                    .max(Comparator.comparing((Path f) -> modified(f)).thenComparing(Path::toString));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    static PreviousYear read(Path file, int year) {
        Map<String, PreviousYear.Entry> branches = new LinkedHashMap<>();
        try {
            Csv.readByFirstColumn(file)
                    .forEach((code, r) -> branches.put(
                            code,
                            new PreviousYear.Entry(r.get("bloc"), r.get("tier"), Double.parseDouble(r.get("total")))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read earlier results " + file, e);
        }
        String name = file.toAbsolutePath().getParent().getParent().getFileName() + "/"
                + file.toAbsolutePath().getParent().getFileName() + "/results.csv";
        return new PreviousYear(year, branches, name, file, Digests.sha256(file));
    }
}
