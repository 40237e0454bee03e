package vn.unionreview.run.tables;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows into one run table, in the current transaction: with PostgreSQL's {@code COPY … FROM STDIN} where
 * the database is PostgreSQL (the rows streamed as CSV, one statement), as a JDBC batch elsewhere (the embedded H2). A
 * row is its column values in order: strings, whole numbers, decimals, booleans; {@code null} is SQL NULL.
 */
final class BulkInsert {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    BulkInsert(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    <T> void into(String table, List<String> columns, List<T> items, Function<T, Object[]> row) {
        if (items.isEmpty()) {
            return;
        }
        if (isPostgres()) {
            copy(table, columns, items, row);
        } else {
            jdbc.batchUpdate(
                    "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                            + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")",
                    items,
                    BATCH,
                    (ps, item) -> {
                        Object[] values = row.apply(item);
                        for (int i = 0; i < values.length; i++) {
                            ps.setObject(i + 1, values[i]);
                        }
                    });
        }
    }

    private <T> void copy(String table, List<String> columns, List<T> items, Function<T, Object[]> row) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            CopyIn copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)");
            try {
                StringBuilder line = new StringBuilder();
                for (T item : items) {
                    line.setLength(0);
                    csv(line, row.apply(item));
                    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            return null;
        });
    }

    /** One CSV line as COPY reads it: NULL unquoted and empty, every string quoted (so an empty string stays one). */
    static void csv(StringBuilder line, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = values[i];
            if (value instanceof String s) {
                line.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else if (value instanceof BigDecimal d) {
                line.append(d.toPlainString());
            } else if (value != null) {
                line.append(value);
            }
        }
        line.append('\n');
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) BulkInsert::isPostgres));
            postgres = known;
        }
        return known;
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }
}
