package vn.unionreview.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.ingest.Problem;

/** A branch rated by two unions, or by a unit and the province itself, is named with both. */
class BranchOverlapsTest {

    @TempDir
    Path dir;

    @Test
    void aBundlesBranchesAreItsResultsCodes() throws Exception {
        Path bundle = UnitBundles.bundle(
                dir, "Công đoàn phường Thành Sen", null, "final", "aaaaaaaaaaa1", "2026-12-10", "01/QĐ");
        assertThat(BranchOverlaps.codesOf(bundle)).containsExactly("P-01");
    }

    @Test
    void aCodeInTwoBundlesOrInABundleAndTheRegistryIsNamedWithBoth() {
        Map<String, Set<String>> bundles = new LinkedHashMap<>();
        bundles.put("units/phuong.zip", Set.of("P-01", "HT-DN-01"));
        bundles.put("units/xa.zip", Set.of("X-01", "P-01"));
        List<Problem> problems = BranchOverlaps.find(bundles, "registry.csv", Set.of("HT-DN-01", "HT-DN-02"));
        assertThat(problems)
                .extracting(p -> p.file() + " " + p.code() + ": " + p.reason().english())
                .containsExactlyInAnyOrder(
                        "units/phuong.zip HT-DN-01: branch HT-DN-01 is in units/phuong.zip and in registry.csv: a branch"
                                + " is rated by one union; say which in the list of units or the registry",
                        "units/xa.zip P-01: branch P-01 is in units/xa.zip and in units/phuong.zip: a branch is rated"
                                + " by one union; say which in the list of units or the registry");
        assertThat(BranchOverlaps.find(Map.of("units/xa.zip", Set.of("X-01")), "registry.csv", Set.of("HT-DN-01")))
                .isEmpty();
    }
}
