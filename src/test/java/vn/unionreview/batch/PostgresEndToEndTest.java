package vn.unionreview.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Fixtures;
import vn.unionreview.RequiredTool;
import vn.unionreview.Slow;
import vn.unionreview.audit.Manifest;
import vn.unionreview.cli.CliRun;
import vn.unionreview.run.RunFile;
import vn.unionreview.units.UnitBundles;

/**
 * The sample year on PostgreSQL gives the same files as on H2. Runs when UNION_REVIEW_TEST_POSTGRES names a database
 * (.ci/postgres.sh sets one up); under CI=true it must.
 */
@Slow // a PostgreSQL server and child JVMs
class PostgresEndToEndTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void aDatabaseServer() {
        String url = System.getenv("UNION_REVIEW_TEST_POSTGRES");
        RequiredTool.require(
                url != null && url.startsWith("jdbc:postgresql:"),
                "no PostgreSQL: UNION_REVIEW_TEST_POSTGRES does not name a database (.ci/postgres.sh sets one up)");
    }

    /**
     * The sample year, with a table whose structure breaks partway (refused, its earlier rows rejected in the database)
     * and the council's decisions: every statement of the run tables is exercised.
     */
    private Path input() throws Exception {
        Path year = Fixtures.copySampleYear(dir.resolve("input/2025"));
        List<String> table = Files.readAllLines(year.resolve("tables/bang-tong-hop.csv"));
        Files.write(year.resolve("tables/hong.csv"), List.of(table.get(0), table.get(1), "\"" + table.get(2)));
        Fixtures.councilDecisions(
                year,
                "{branch: CDCS-025, award: CO, action: withdraw, reason: \"Hội đồng chọn trường kia\"}",
                "{branch: CDCS-999, award: CO, action: withdraw, reason: \"Nhầm mã\"}");
        return dir.resolve("input");
    }

    @Test
    void theSampleYearOnPostgresqlMatchesH2() throws Exception {
        Path input = input();
        CliRun h2 = run(input, "2025", dir.resolve("h2"), false);
        assertThat(h2.out()).contains("không áp dụng 1");
        Path h2Dir = Path.of(h2.lastLine());
        Path pgDir = Path.of(run(input, "2025", dir.resolve("pg"), true).lastLine());
        assertSameFiles(
                h2Dir,
                pgDir,
                "results.csv",
                "rejected.csv",
                "corrections.csv",
                "not-submitted.csv",
                "files.csv",
                "summary.txt",
                "feedback/index.csv");
    }

    /**
     * The sample year 2026, ruled by kind, after 2025: ranks per kind, the kinds kept in the run tables, tiers counted
     * by kind and the mixed bloc found by the database's queries, the moved branches' past followed.
     */
    @Test
    void theSampleYearRuledByKindOnPostgresqlMatchesH2() throws Exception {
        for (int year : List.of(2025, 2026)) {
            Fixtures.copySampleYear(year, dir.resolve("kinds/input").resolve(Integer.toString(year)));
        }
        Path input = dir.resolve("kinds/input");
        run(input, "2025", dir.resolve("kinds-h2"), false);
        run(input, "2025", dir.resolve("kinds-pg"), true);
        Path h2Dir = Path.of(run(input, "2026", dir.resolve("kinds-h2"), false).lastLine());
        Path pgDir = Path.of(run(input, "2026", dir.resolve("kinds-pg"), true).lastLine());
        assertSameFiles(
                h2Dir,
                pgDir,
                "results.csv",
                "rejected.csv",
                "not-submitted.csv",
                "not-rated.csv",
                "dissolved.csv",
                "files.csv",
                "summary.txt",
                "integrity.csv");
        assertThat(Files.readString(pgDir.resolve("summary.txt")))
                .contains("Loại hình Công đoàn cơ sở doanh nghiệp. Xếp loại: Hoàn thành xuất sắc nhiệm vụ 1")
                .contains("Khối phường Thành Sen.");
        assertThat(Manifest.read(RunFile.MANIFEST.in(pgDir)).resultDigest())
                .isEqualTo(Manifest.read(RunFile.MANIFEST.in(h2Dir)).resultDigest());
    }

    /**
     * A province's year taking the units beneath it, bad bundles among them: the same units.csv and problems on both
     * databases.
     */
    @Test
    void aProvinceYearWithUnitsOnPostgresqlMatchesH2() throws Exception {
        Path input = UnitBundles.provinceYear(dir.resolve("province"));
        UnitBundles.hostileBundles(dir.resolve("province"));
        Path h2Dir =
                Path.of(run(input, "2026", dir.resolve("province-h2"), false).lastLine());
        Path pgDir =
                Path.of(run(input, "2026", dir.resolve("province-pg"), true).lastLine());
        assertSameFiles(h2Dir, pgDir, "units.csv", "rejected.csv", "results.csv", "summary.txt");
        // each bad bundle refused with its reason, the same on both databases; the run went on
        assertThat(Files.readString(pgDir.resolve("units.csv")))
                .contains("accepted", "refused", "missing")
                .contains("units.not_a_zip", "units.too_big", "units.validation_run", "units.file_altered")
                .contains("units.signer_not_unit", "units.unsigned", "units.other_year", "units.manifest_format")
                .contains("units.certificate_expired");
        assertThat(Files.readString(pgDir.resolve("rejected.csv"))).contains("units.certificate_missing");
        assertThat(Manifest.read(RunFile.MANIFEST.in(pgDir)).units())
                .isEqualTo(Manifest.read(RunFile.MANIFEST.in(h2Dir)).units());
    }

    /** A run of {@code year} on H2, or on the PostgreSQL database, that completed. */
    private static CliRun run(Path input, String year, Path output, boolean postgres) {
        CliRun run;
        if (postgres) {
            System.setProperty("spring.datasource.url", System.getenv("UNION_REVIEW_TEST_POSTGRES"));
            System.setProperty("spring.datasource.username", "union_review_test");
            System.setProperty("spring.datasource.password", "union_review_test");
        }
        try {
            // --rerun: the database may hold this run from an earlier test execution
            run = CliRun.of(
                    "run", "--year", year, "--input", input.toString(), "--output", output.toString(), "--rerun");
        } finally {
            System.clearProperty("spring.datasource.url");
            System.clearProperty("spring.datasource.username");
            System.clearProperty("spring.datasource.password");
        }
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static void assertSameFiles(Path h2Dir, Path pgDir, String... files) throws Exception {
        for (String file : files) {
            assertThat(Files.readAllBytes(pgDir.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(h2Dir.resolve(file)));
        }
    }
}
