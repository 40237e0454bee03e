package vn.unionreview.units;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import vn.unionreview.files.Csv;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;
import vn.unionreview.run.RunFile;
import vn.unionreview.text.Message;

/**
 * A branch is rated by one union: a branch code in two accepted bundles, or in a bundle and the province's own
 * registry, is a problem named with both.
 */
public final class BranchOverlaps {

    private BranchOverlaps() {}

    /** The branch codes of an accepted bundle's results.csv, in its order. */
    public static Set<String> codesOf(Path bundle) throws IOException {
        Set<String> codes = new LinkedHashSet<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            ZipEntry results = zip.getEntry(RunFile.RESULTS.fileName());
            if (results == null) {
                return codes;
            }
            Csv.forEachRow(zip.getInputStream(results), row -> codes.add(row.get("code")));
        }
        return codes;
    }

    /**
     * @param bundles each accepted bundle's file (as the year folder names it, {@code units/…}) and its branch codes,
     *     in the order the units are listed
     * @param registry the province's own registry: its file's name, and the codes it rates directly
     */
    public static List<Problem> find(Map<String, Set<String>> bundles, String registryFile, Set<String> registry) {
        Map<String, String> firstHolder = new LinkedHashMap<>();
        registry.forEach(code -> firstHolder.put(code, registryFile));
        List<Problem> problems = new ArrayList<>();
        bundles.forEach((bundle, codes) -> {
            for (String code : codes) {
                String other = firstHolder.putIfAbsent(code, bundle);
                if (other != null) {
                    problems.add(new Problem(
                            Severity.REJECTED,
                            bundle,
                            "",
                            0,
                            "",
                            "code",
                            code,
                            code,
                            Message.of("units.branch_twice", "code", code, "file", bundle, "other", other)));
                }
            }
        });
        return problems;
    }
}
