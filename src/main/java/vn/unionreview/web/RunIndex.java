package vn.unionreview.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import vn.unionreview.files.Csv;
import vn.unionreview.run.RunFile;

/**
 * What a run's page lists, read once per run and kept for the few runs looked at last: a complete run's folder does not
 * change. At national size a page lists the first {@value #SHOWN} branches not submitted and letters and links the
 * whole list (not-submitted.csv, feedback/index.csv); each branch's bloc, for filtering rejected rows, is all that is
 * kept of results.csv. Fifty people looking at a 30,000-branch run share one index instead of reading the files fifty
 * times.
 */
@Component
class RunIndex {

    /** Rows of a list shown on the page; the rest is in the run's CSV. */
    static final int SHOWN = 200;

    private static final int RUNS_KEPT = 8;

    /** One run's lists: the first rows of each, and how many there are in all. */
    record Index(
            Map<String, String> blocOf,
            SortedSet<String> blocs,
            List<Map<String, String>> notSubmitted,
            int notSubmittedTotal,
            List<String> letters,
            int lettersTotal,
            List<String> files) {}

    private final Map<Path, Index> kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Index> eldest) {
            return size() > RUNS_KEPT;
        }
    });

    /** The run's index: kept when the run is complete, read afresh while it may still change. */
    Index of(Years.Run run) {
        if (!run.complete()) {
            return read(run.dir());
        }
        Index index = kept.get(run.dir());
        if (index == null) {
            index = read(run.dir());
            kept.put(run.dir(), index);
        }
        return index;
    }

    private static Index read(Path dir) {
        try {
            Map<String, String> blocOf = new HashMap<>();
            List<Map<String, String>> notSubmitted = new ArrayList<>();
            int[] notSubmittedTotal = {0};
            forEach(RunFile.RESULTS.in(dir), r -> blocOf.put(r.getOrDefault("code", ""), r.getOrDefault("bloc", "")));
            forEach(RunFile.NOT_SUBMITTED.in(dir), r -> {
                blocOf.put(r.getOrDefault("code", ""), r.getOrDefault("bloc", ""));
                if (notSubmittedTotal[0]++ < SHOWN) {
                    notSubmitted.add(r);
                }
            });
            List<String> letters = new ArrayList<>();
            List<String> files = new ArrayList<>();
            int lettersTotal = 0;
            try (Stream<Path> all = Files.walk(dir)) {
                for (String name : all.filter(Files::isRegularFile)
                        .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                        .filter(n -> !n.startsWith("."))
                        .sorted()
                        .toList()) {
                    if (RunFile.of(name).orElse(null) == RunFile.LETTERS && name.endsWith(".pdf")) {
                        if (lettersTotal++ < SHOWN) {
                            letters.add(name);
                        }
                    } else {
                        files.add(name);
                    }
                }
            }
            return new Index(
                    Map.copyOf(blocOf),
                    Collections.unmodifiableSortedSet(new TreeSet<>(
                            blocOf.values().stream().filter(b -> !b.isEmpty()).toList())),
                    List.copyOf(notSubmitted),
                    notSubmittedTotal[0],
                    List.copyOf(letters),
                    lettersTotal,
                    List.copyOf(files));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forEach(Path csv, Consumer<Map<String, String>> action) throws IOException {
        if (Files.isRegularFile(csv)) {
            Csv.forEachRow(csv, action);
        }
    }
}
