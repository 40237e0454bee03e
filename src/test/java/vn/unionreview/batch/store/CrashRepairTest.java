package vn.unionreview.batch.store;

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

/**
 * The index rebuild run before a crashed run goes on: every index of our tables comes back with the
 * same columns and the same uniqueness, and the rows are still found through them. (The stale keys it
 * removes come only from a real kill; RestartAfterCrashTest and bench/crash-soak.sh meet those.)
 */
@org.junit.jupiter.api.Tag("slow") // child JVMs, many runs, or a database server: `mvn verify` runs it, `mvn test` does not
class CrashRepairTest {

    @TempDir
    Path dir;
    JdbcTemplate jdbc;
    CrashRepair repair;

    @BeforeEach
    void aMigratedYearDatabaseWithTwoRuns() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("union-review"), "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2", "classpath:db/migration/common").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        repair = new CrashRepair(jdbc);
        for (long run = 1; run <= 2; run++) {
            for (int row = 1; row <= 50; row++) {
                jdbc.update("INSERT INTO ur_row (run_id, file, sheet, row_no, code, status, payload, source, cells_read) VALUES (?, 'tables/a.csv', 'data', ?, ?, ?, '{}', 'TABLE', 35)",
                        run, row, "CD" + row, row % 10 == 0 ? "REJECTED" : "ACCEPTED");
            }
        }
    }

    @Test
    void rebuildsOurSecondaryIndexesAndCompositePrimaryKeysOnly() {
        List<String> rebuilt = repair.rebuildIndexes();

        assertThat(rebuilt).contains("UR_ROW.UR_ROW_CODE", "UR_ROW.UR_ROW_STATUS", "UR_PROBLEM.UR_PROBLEM_RUN", "UR_RESULT.UR_RESULT_TIER");
        assertThat(rebuilt.stream().filter(index -> index.contains(".PRIMARY_KEY")).map(index -> index.substring(0, index.indexOf('.'))))
                .as("composite primary keys; UR_PROBLEM's identity key is the row id itself")
                .containsExactlyInAnyOrder("UR_BRANCH", "UR_DECISION", "UR_FILE", "UR_RESULT", "UR_ROW");
        assertThat(rebuilt).noneMatch(index -> index.startsWith("BATCH_") || index.startsWith("flyway"));
    }

    @Test
    void theIndexesComeBackAsTheMigrationsMadeThem() {
        List<String> before = indexShapes();

        repair.rebuildIndexes();
        repair.rebuildIndexes();

        assertThat(indexShapes()).isEqualTo(before).hasSize(10); // V5 added ur_decision's key
    }

    @Test
    void rowsAreFoundThroughTheRebuiltIndexesAndKeysStayUnique() {
        repair.rebuildIndexes();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ur_row USE INDEX (ur_row_status) WHERE run_id = 2 AND status = 'REJECTED'", Integer.class))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ur_row USE INDEX (ur_row_code) WHERE run_id = 1 AND code = 'CD7'", Integer.class))
                .isEqualTo(1);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO ur_row (run_id, file, sheet, row_no, code, status) VALUES (1, 'tables/a.csv', 'data', 7, 'CD7', 'ACCEPTED')"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.update("DELETE FROM ur_row WHERE run_id = ? AND source = ?", 1, "TABLE")).isEqualTo(50);
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
