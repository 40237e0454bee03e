package vn.unionreview.run.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.unionreview.Slow;

/**
 * The index rebuild run before a crashed run goes on: every index of our tables comes back with the same columns and
 * the same uniqueness, and the rows are still found through them. (The stale keys it removes come only from a real
 * kill; RestartAfterCrashTest and bench/crash-soak.sh meet those.)
 */
@Slow // H2 databases built and repaired on disk, and PostgreSQL where one is named
class CrashRepairTest {

    @TempDir
    Path dir;

    JdbcTemplate jdbc;
    CrashRepair repair;

    @BeforeEach
    void aMigratedYearDatabaseWithTwoRuns() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("union-review"), "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/h2", "classpath:db/migration/common")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        repair = new CrashRepair(jdbc);
        for (long run = 1; run <= 2; run++) {
            for (int row = 1; row <= 50; row++) {
                jdbc.update(
                        "INSERT INTO ur_result (run_id, code, name, bloc, base, bonus, penalty, total, tier_before_caps, tier, demoted,"
                                + " rank_bloc, rank_all, award, award_tie, inflation, caps, explanation) VALUES (?, ?, 'CĐCS', 'K1', 1, 0, 0, 1, ?, ?,"
                                + " FALSE, 1, 1, '', FALSE, 0, '', '')",
                        run,
                        "CD" + row,
                        row % 10 == 0 ? "T2" : "T1",
                        row % 10 == 0 ? "T2" : "T1");
                jdbc.update(
                        "INSERT INTO ur_problem (run_id, severity, file, sheet, row_no, cell, column_name, code, cell_value, reason)"
                                + " VALUES (?, 'REJECTED', 'tables/a.csv', 'data', ?, 'B2', 'C1', ?, 'x', '{}')",
                        run,
                        row,
                        "CD" + row);
            }
        }
    }

    @Test
    void rebuildsOurSecondaryIndexesAndCompositePrimaryKeysOnly() {
        List<String> rebuilt = repair.rebuildIndexes();

        assertThat(rebuilt).contains("UR_PROBLEM.UR_PROBLEM_RUN", "UR_RESULT.UR_RESULT_TIER");
        assertThat(rebuilt.stream()
                        .filter(index -> index.contains(".PRIMARY_KEY"))
                        .map(index -> index.substring(0, index.indexOf('.'))))
                .as("composite primary keys; UR_PROBLEM's identity key and the run id of UR_RUN_COUNT and"
                        + " UR_RUN_OUT_OF_RATING are the row id itself")
                .containsExactlyInAnyOrder("UR_DECISION", "UR_RESULT", "UR_RESULT_KIND", "UR_RESULT_UNIT");
        assertThat(rebuilt).noneMatch(index -> index.startsWith("BATCH_") || index.startsWith("flyway"));
    }

    @Test
    void theIndexesComeBackAsTheMigrationsMadeThem() {
        List<String> before = indexShapes();

        repair.rebuildIndexes();
        repair.rebuildIndexes();

        // V9 dropped the row tables' seven; V10 added UR_RUN_OUT_OF_RATING's key, V11 UR_RESULT_KIND's, V12
        // UR_RESULT_UNIT's
        assertThat(indexShapes()).isEqualTo(before).hasSize(9);
    }

    @Test
    void rowsAreFoundThroughTheRebuiltIndexesAndKeysStayUnique() {
        repair.rebuildIndexes();

        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ur_result USE INDEX (ur_result_tier) WHERE run_id = 2 AND tier = 'T2'",
                        Integer.class))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ur_problem USE INDEX (ur_problem_run) WHERE run_id = 1", Integer.class))
                .isEqualTo(50);
        assertThatThrownBy(() -> jdbc.update(
                        "INSERT INTO ur_result (run_id, code, name, bloc, base, bonus, penalty, total, tier_before_caps,"
                                + " tier, demoted, rank_bloc, rank_all, award, award_tie, inflation, caps, explanation) VALUES (1, 'CD7', 'CĐCS', 'K1', 1, 0, 0, 1,"
                                + " 'T1', 'T1', FALSE, 1, 1, '', FALSE, 0, '', '')"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.update("DELETE FROM ur_result WHERE run_id = ?", 1)).isEqualTo(50);
    }

    /** Every index of our tables by table, kind and columns in key order; generated key names left out. */
    private List<String> indexShapes() {
        return jdbc.queryForList("""
                SELECT i.TABLE_NAME || ' ' || i.INDEX_TYPE_NAME || ' ' || CASE WHEN i.IS_GENERATED THEN '' ELSE i.INDEX_NAME END || ' ('
                       || LISTAGG(c.COLUMN_NAME || ' ' || c.ORDERING_SPECIFICATION, ', ') WITHIN GROUP (ORDER BY c.ORDINAL_POSITION) || ')'
                FROM INFORMATION_SCHEMA.INDEXES i
                JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME
                WHERE i.TABLE_NAME LIKE 'UR\\_%'
                GROUP BY i.TABLE_NAME, i.INDEX_TYPE_NAME, i.INDEX_NAME, i.IS_GENERATED
                ORDER BY 1
                """, String.class);
    }
}
