package vn.unionreview.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Fixtures;
import vn.unionreview.ingest.InputLimits;
import vn.unionreview.result.ResultRow;
import vn.unionreview.rules.RuleBook;

/**
 * A unit's results join the province's year as the unit decided them; a line the province's rules cannot read, and a
 * branch already rated by the province or an earlier unit, is refused with where it is.
 */
class UnitResultsTest {

    @TempDir
    Path dir;

    private final RuleBook book = Fixtures.book2026();

    private UnitResults.Source source(String run, String results) throws Exception {
        Path bundle = UnitBundles.bundle(
                dir, "Công đoàn phường Thành Sen", null, "final", run, "2026-12-10", "01/QĐ", results);
        return new UnitResults.Source(
                "units/" + bundle.getFileName(),
                bundle,
                new Unit("P-TS", "Công đoàn phường Thành Sen", null),
                new BundleCheck(2026, InputLimits.DEFAULTS, true)
                        .open(bundle, Files.createDirectories(dir.resolve("opened-" + run)))
                        .index());
    }

    @Test
    void aUnitsBranchKeepsItsTotalTierCapsAndRankInBloc() throws Exception {
        UnitResults.Read read = UnitResults.read(
                List.of(source(
                        "aaaaaaaaaaa1",
                        UnitBundles.HEADER
                                + "P-02,Công đoàn B,Khối phường,70,0,0,70,XS,TOT,2,9,CO,false,1.5,low_membership,"
                                + "Hoàn thành tốt nhiệm vụ,false,,don-vi-su-nghiep\n")),
                book,
                "registry.csv",
                Set.of());
        assertThat(read.problems()).isEmpty();
        assertThat(read.rowsRead()).isEqualTo(1);
        ResultRow row = read.taken().get(0).row();
        assertThat(row.code()).isEqualTo("P-02");
        assertThat(row.total()).isEqualByComparingTo("70");
        assertThat(row.tier()).isEqualTo("TOT");
        assertThat(row.tierBeforeCaps()).isEqualTo("XS");
        assertThat(row.caps()).isEqualTo("low_membership");
        assertThat(row.rankBloc()).isEqualTo(2);
        assertThat(row.inflation()).isEqualByComparingTo("1.5");
        assertThat(row.kind()).isEqualTo("don-vi-su-nghiep");
        assertThat(row.unit()).isEqualTo("P-TS");
        // the unit's own award proposals and overall rank are its own; the province proposes and ranks anew
        assertThat(row.award()).isEmpty();
        assertThat(row.rankAll()).isZero();
    }

    @Test
    void aLineTheProvincesRulesCannotReadIsRefusedWithItsBundleRowAndColumn() throws Exception {
        String line = ",Công đoàn,Khối phường,70,0,0,70,XS,TOT,1,1,,false,0,,t,false,,don-vi-su-nghiep\n";
        UnitResults.Read read = UnitResults.read(
                List.of(source(
                        "aaaaaaaaaaa2",
                        UnitBundles.HEADER
                                + "P-03,Công đoàn,Khối phường,70,0,0,70,XS,TOT,1,1,,false,0,,t,false,,khong-co\n"
                                + "P-04,Công đoàn,Khối phường,70,0,0,70,XS,GIOI,1,1,,false,0,,t,false,,don-vi-su-nghiep\n"
                                + "P-05,Công đoàn,Khối phường,bảy mươi,0,0,70,XS,TOT,1,1,,false,0,,t,false,,"
                                + "don-vi-su-nghiep\n"
                                + "P-06,Công đoàn,Khối phường,70,0,0,70,XS,TOT,1,1,,false,0,khong-co,t,false,,"
                                + "don-vi-su-nghiep\n"
                                + line)),
                book,
                "registry.csv",
                Set.of());
        assertThat(read.taken()).isEmpty();
        assertThat(read.rowsRead()).isEqualTo(5);
        assertThat(read.problems())
                .extracting(p -> p.row() + " " + p.column() + " " + p.value() + " "
                        + p.reason().code())
                .containsExactly(
                        "2 kind khong-co units.row_unreadable",
                        "3 tier GIOI units.row_unreadable",
                        "4 base bảy mươi units.row_unreadable",
                        "5 caps khong-co units.row_unreadable",
                        "6 code  units.row_unreadable");
        assertThat(read.problems().get(0).file()).startsWith("units/");
        assertThat(read.problems().get(0).sheet()).isEqualTo("results.csv");
        assertThat(read.problems().get(1).reason().english())
                .contains("tier 'GIOI' cannot be read, or is not in this year's rules");
    }

    @Test
    void aBranchIsRatedByOneUnionAndTheSecondHolderIsNamedWithTheFirst() throws Exception {
        UnitResults.Source first = source("aaaaaaaaaaa3", UnitBundles.RESULTS);
        UnitResults.Source second = source(
                "aaaaaaaaaaa4",
                UnitBundles.RESULTS
                        + "HT-DN-01,Công đoàn,Khối phường,70,0,0,70,XS,TOT,1,1,,false,0,,t,false,,doanh-nghiep\n");
        UnitResults.Read read =
                UnitResults.read(List.of(first, second), book, "registry.csv", Set.of("HT-DN-01", "HT-DN-02"));
        assertThat(read.taken()).extracting(t -> t.row().code()).containsExactly("P-01");
        assertThat(read.problems())
                .extracting(p -> p.code() + ": " + p.reason().english())
                .containsExactly(
                        "P-01: branch P-01 is in " + second.file() + " and in " + first.file()
                                + ": a branch is rated by one union; say which in the list of units or the registry",
                        "HT-DN-01: branch HT-DN-01 is in " + second.file()
                                + " and in registry.csv: a branch is rated by one union; say which in the list of"
                                + " units or the registry");
    }
}
