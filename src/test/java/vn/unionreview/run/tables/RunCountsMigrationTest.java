package vn.unionreview.run.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.unionreview.result.RunCounts;

/**
 * A year database made by a version that kept rows in ur_row: its runs keep their numbers for the history once
 * migrated.
 */
class RunCountsMigrationTest {

    @TempDir
    Path dir;

    @Test
    void runsStoredAsRowsAreCountedOnceWhenTheDatabaseIsMigrated() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("union-review"), "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/h2", "classpath:db/migration/common")
                .target("7")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String code : new String[] {"CD1", "CD2", "CD3", "CD4"}) {
            jdbc.update(
                    "INSERT INTO ur_branch (run_id, code, name, bloc) VALUES (7, ?, ?, 'K1')",
                    code,
                    "Chi nhánh " + code);
        }
        jdbc.update(
                "INSERT INTO ur_file (run_id, file, source, readable, reason) VALUES (7, 'tables/a.csv', 'TABLE', TRUE, '')");
        jdbc.update(
                "INSERT INTO ur_file (run_id, file, source, readable, reason) VALUES (7, 'forms/b.xlsx', 'FORM', TRUE, '')");
        jdbc.update(
                "INSERT INTO ur_file (run_id, file, source, readable, reason) VALUES (7, 'forms/c.xlsx', 'FORM', FALSE, 'x')");
        Object[][] rows = {
            {"tables/a.csv", 2, "CD1", "ACCEPTED", 35},
            {"tables/a.csv", 3, "CD2", "ACCEPTED", 35},
            {"tables/a.csv", 4, "CD3", "REJECTED", 35},
            {"forms/b.xlsx", 0, "CD3", "ACCEPTED", 20}
        };
        for (Object[] r : rows) {
            jdbc.update(
                    "INSERT INTO ur_row (run_id, file, sheet, row_no, code, status, source, cells_read) VALUES (7, ?, 'data', ?, ?, ?, ?, ?)",
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    ((String) r[0]).startsWith("forms") ? "FORM" : "TABLE",
                    r[4]);
        }
        jdbc.update(
                "INSERT INTO ur_result (run_id, code, name, bloc, base, bonus, penalty, total, tier_before_caps, tier, demoted, rank_bloc,"
                        + " rank_all, award, award_tie, inflation, caps, explanation) VALUES (7, 'CD1', 'Chi nhánh CD1', 'K1', 1, 0, 0, 1, 'T1', 'T1',"
                        + " FALSE, 1, 1, '', FALSE, 0, '', '')");

        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/h2", "classpath:db/migration/common")
                .load()
                .migrate();

        assertThat(new RunTables(jdbc).counts(7))
                .isEqualTo(RunCounts.builder()
                        .registryBranches(4)
                        .rows(3, 1)
                        .notSubmitted(1, 0)
                        .tiers(Map.of("T1", 1))
                        .files(1, 1, 1)
                        .cells(90, 35)
                        .build());
        assertThat(new RunTables(jdbc).counts(8)).as("a run with nothing kept").isEqualTo(RunCounts.NONE);
    }
}
