import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Inserts rows shaped like ur_row (same keys and indexes) in 500-row transactions until it is killed,
 * recording in a one-row table how many rows each commit made durable; prints "tables made" when it
 * starts inserting. Used by bench/crash-soak.sh.
 *
 * <p>Arguments: database path, extra URL settings (may be empty).
 */
public class H2KillWriter {
    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + args[0] + ";DB_CLOSE_ON_EXIT=FALSE" + args[1], "sa", "")) {
            Statement ddl = db.createStatement();
            ddl.execute("CREATE TABLE ur_row (run_id BIGINT NOT NULL, file VARCHAR(1000) NOT NULL, sheet VARCHAR(255) NOT NULL,"
                    + " row_no INTEGER NOT NULL, code VARCHAR(64) NOT NULL, status VARCHAR(10) NOT NULL, payload VARCHAR(20000),"
                    + " source VARCHAR(10) DEFAULT 'TABLE' NOT NULL, cells_read INTEGER DEFAULT 0 NOT NULL,"
                    + " PRIMARY KEY (run_id, file, sheet, row_no))");
            ddl.execute("CREATE INDEX ur_row_code ON ur_row (run_id, code, status)");
            ddl.execute("CREATE INDEX ur_row_status ON ur_row (run_id, status, source, cells_read)");
            ddl.execute("CREATE TABLE committed (id INT PRIMARY KEY, n INT)");
            ddl.execute("INSERT INTO committed VALUES (1, 0)");
            System.out.println("tables made");
            db.setAutoCommit(false);
            PreparedStatement insert = db.prepareStatement("INSERT INTO ur_row (run_id, file, sheet, row_no, code, status, payload, cells_read)"
                    + " VALUES (1, 'tables/big.csv', 'data', ?, ?, ?, ?, 35)");
            PreparedStatement progress = db.prepareStatement("UPDATE committed SET n = ? WHERE id = 1");
            String payload = "{\"cells\":\"" + "x".repeat(900) + "\"}";
            for (int row = 0; ; ) {
                for (int i = 0; i < 500; i++, row++) {
                    insert.setInt(1, row);
                    insert.setString(2, "CD" + (row * 7919L % 1_000_003));
                    insert.setString(3, row % 97 == 0 ? "REJECTED" : "ACCEPTED");
                    insert.setString(4, payload);
                    insert.addBatch();
                }
                insert.executeBatch();
                progress.setInt(1, row);
                progress.executeUpdate();
                db.commit();
            }
        }
    }
}
