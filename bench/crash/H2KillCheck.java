import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens a database H2KillWriter was killed in and counts its rows through the table data and through
 * each index; prints one line: OK, STALE (an index holds keys the table does not) or EMPTY (the kill
 * came before the tables were on disk). Arguments as H2KillWriter's.
 */
public class H2KillCheck {
    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + args[0] + ";DB_CLOSE_ON_EXIT=FALSE" + args[1], "sa", "")) {
            Statement sql = db.createStatement();
            if (count(sql, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'COMMITTED'") == 0) {
                System.out.println("EMPTY");
                return;
            }
            long committed = count(sql, "SELECT n FROM committed");
            long data = count(sql, "SELECT COUNT(payload) FROM ur_row USE INDEX ()");
            long primaryKey = count(sql, "SELECT COUNT(*) FROM ur_row USE INDEX (" + primaryKeyName(sql) + ") WHERE run_id = 1 AND file > ''");
            long byCode = count(sql, "SELECT COUNT(*) FROM ur_row USE INDEX (ur_row_code) WHERE run_id = 1 AND code > ''");
            long byStatus = count(sql, "SELECT COUNT(*) FROM ur_row USE INDEX (ur_row_status) WHERE run_id = 1 AND status > ''");
            boolean ok = data == committed && primaryKey == committed && byCode == committed && byStatus == committed;
            System.out.printf("%s committed=%d data=%d primary-key=%d ur_row_code=%d ur_row_status=%d%n",
                    ok ? "OK" : "STALE", committed, data, primaryKey, byCode, byStatus);
        }
    }

    private static String primaryKeyName(Statement sql) throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'UR_ROW' AND INDEX_TYPE_NAME = 'PRIMARY KEY'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
