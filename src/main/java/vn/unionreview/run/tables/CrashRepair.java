package vn.unionreview.run.tables;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the indexes of union-review's own tables (UR_*) on H2 before a run that a dead process left unfinished goes
 * on. H2 2.4 rolls back the transaction that was open when the process was killed from the table data, but can leave
 * one of its rows behind in an index: an extra key in a composite primary key (the resumed step then fails on a
 * duplicate key) or in a secondary index (a delete or query through it fails with "Row not found in primary index"). CI
 * met both; bench/crash-soak.sh reproduces them (3 of 21 kills during a bulk insert). An index made anew from the table
 * data has no such key. PostgreSQL's own recovery needs no help, so nothing is done there.
 *
 * <p>Spring Batch's tables are left alone: their keys are the row ids themselves or belong to constraints, and they are
 * written in short transactions that a kill has rarely been seen to meet.
 */
@Component
public class CrashRepair {

    private final JdbcTemplate jdbc;

    public CrashRepair(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the indexes rebuilt, as TABLE.INDEX; none when the database is not H2 */
    public List<String> rebuildIndexes() {
        if (!isH2()) {
            return List.of();
        }
        List<String> rebuilt = new ArrayList<>();
        for (TableIndex index : indexesToRebuild()) {
            index.rebuild(jdbc);
            rebuilt.add(index.table() + "." + index.name());
        }
        return rebuilt;
    }

    /**
     * Secondary indexes made by our migrations, and primary keys of more than one column (H2 keeps those as an index
     * beside the row data; a one-column integer key is the row id itself).
     */
    private List<TableIndex> indexesToRebuild() {
        return jdbc.query(
                """
                SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME,
                       LISTAGG('"' || c.COLUMN_NAME || '"', ', ') WITHIN GROUP (ORDER BY c.ORDINAL_POSITION)
                FROM INFORMATION_SCHEMA.INDEXES i
                JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c
                  ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME
                WHERE i.TABLE_SCHEMA = CURRENT_SCHEMA AND i.TABLE_NAME LIKE 'UR\\_%'
                  AND (i.INDEX_TYPE_NAME = 'INDEX' AND i.IS_GENERATED = FALSE OR i.INDEX_TYPE_NAME = 'PRIMARY KEY')
                GROUP BY i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME
                HAVING i.INDEX_TYPE_NAME = 'INDEX' OR COUNT(*) > 1
                ORDER BY i.TABLE_NAME, i.INDEX_NAME
                """,
                (rs, n) -> new TableIndex(
                        rs.getString(1), rs.getString(2), "PRIMARY KEY".equals(rs.getString(3)), rs.getString(4)));
    }

    private boolean isH2() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>)
                connection -> "H2".equals(connection.getMetaData().getDatabaseProductName())));
    }

    /** An index of one of our tables; columns is the quoted column list in key order. */
    private record TableIndex(String table, String name, boolean primaryKey, String columns) {

        void rebuild(JdbcTemplate jdbc) {
            String quotedTable = '"' + table + '"';
            if (primaryKey) {
                jdbc.execute("ALTER TABLE " + quotedTable + " DROP PRIMARY KEY");
                jdbc.execute("ALTER TABLE " + quotedTable + " ADD PRIMARY KEY (" + columns + ")");
            } else {
                jdbc.execute("DROP INDEX \"" + name + '"');
                jdbc.execute("CREATE INDEX \"" + name + "\" ON " + quotedTable + " (" + columns + ")");
            }
        }
    }
}
