package vn.unionreview.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.cli.CliRun;

/**
 * The sample year on PostgreSQL gives the same files as on H2. Runs when
 * UNION_REVIEW_TEST_POSTGRES names a database (.ci/postgres.sh sets one up).
 */
@EnabledIfEnvironmentVariable(named = "UNION_REVIEW_TEST_POSTGRES", matches = "jdbc:postgresql:.*")
@org.junit.jupiter.api.Tag("slow") // child JVMs, many runs, or a database server: `mvn verify` runs it, `mvn test` does not
class PostgresEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void theSampleYearOnPostgresqlMatchesH2() throws Exception {
        CliRun h2 = CliRun.of("run", "--year", "2025", "--output", dir.resolve("h2").toString());
        CliRun pg;
        System.setProperty("spring.datasource.url", System.getenv("UNION_REVIEW_TEST_POSTGRES"));
        System.setProperty("spring.datasource.username", "union_review_test");
        System.setProperty("spring.datasource.password", "union_review_test");
        try {
            // --rerun: the database may hold this run from an earlier test execution
            pg = CliRun.of("run", "--year", "2025", "--output", dir.resolve("pg").toString(), "--rerun");
        } finally {
            System.clearProperty("spring.datasource.url");
            System.clearProperty("spring.datasource.username");
            System.clearProperty("spring.datasource.password");
        }
        assertThat(pg.exitCode()).as(pg.err()).isEqualTo(0);
        Path h2Dir = Path.of(h2.lastLine());
        Path pgDir = Path.of(pg.lastLine());
        for (String file : List.of("results.csv", "rejected.csv", "corrections.csv", "not-submitted.csv", "summary.txt")) {
            assertThat(Files.readAllBytes(pgDir.resolve(file))).as(file).isEqualTo(Files.readAllBytes(h2Dir.resolve(file)));
        }
    }
}
