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
import vn.unionreview.cli.CliRun;

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
        CliRun h2 = CliRun.of(
                "run",
                "--year",
                "2025",
                "--input",
                input.toString(),
                "--output",
                dir.resolve("h2").toString());
        CliRun pg;
        System.setProperty("spring.datasource.url", System.getenv("UNION_REVIEW_TEST_POSTGRES"));
        System.setProperty("spring.datasource.username", "union_review_test");
        System.setProperty("spring.datasource.password", "union_review_test");
        try {
            // --rerun: the database may hold this run from an earlier test execution
            pg = CliRun.of(
                    "run",
                    "--year",
                    "2025",
                    "--input",
                    input.toString(),
                    "--output",
                    dir.resolve("pg").toString(),
                    "--rerun");
        } finally {
            System.clearProperty("spring.datasource.url");
            System.clearProperty("spring.datasource.username");
            System.clearProperty("spring.datasource.password");
        }
        assertThat(pg.exitCode()).as(pg.err()).isEqualTo(0);
        Path h2Dir = Path.of(h2.lastLine());
        Path pgDir = Path.of(pg.lastLine());
        assertThat(h2.exitCode()).as(h2.err()).isEqualTo(0);
        assertThat(h2.out()).contains("không áp dụng 1");
        for (String file : List.of(
                "results.csv",
                "rejected.csv",
                "corrections.csv",
                "not-submitted.csv",
                "files.csv",
                "summary.txt",
                "feedback/index.csv")) {
            assertThat(Files.readAllBytes(pgDir.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(h2Dir.resolve(file)));
        }
    }
}
