package vn.unionreview.year;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedDatabaseTest {

    private static final int YEARS = 6;
    private static final String SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

    @TempDir
    Path dir;

    private static MockEnvironment database(String url) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(
                        "spring.flyway.locations", "classpath:db/migration/{vendor},classpath:db/migration/common")
                .withProperty("spring.datasource.username", "sa");
        return url == null ? environment : environment.withProperty("spring.datasource.url", url);
    }

    @Test
    void makesAYearsFirstDatabaseWholeBeforeItIsPutInPlace() throws Exception {
        Path db = dir.resolve("output/.db/2025/union-review");
        EmbeddedDatabase.prepare(database("jdbc:h2:file:" + db + SETTINGS));
        try (var files = Files.list(db.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("union-review.mv.db");
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db + SETTINGS, "sa", "");
                ResultSet failed = c.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"")) {
            failed.next();
            assertThat(failed.getInt(1)).isZero();
            assertThat(c.getMetaData()
                            .getTables(null, null, "UR_RUN_COUNT", null)
                            .next())
                    .as("V8 applied")
                    .isTrue();
            assertThat(c.getMetaData().getTables(null, null, "UR_ROW", null).next())
                    .as("V9 applied")
                    .isFalse();
        }
    }

    /** A process killed while it migrated leaves a half-made database under its own name: the next one removes it. */
    @Test
    void aHalfMadeDatabaseOfADeadProcessIsRemoved() throws Exception {
        Path db = dir.resolve("output/.db/2025/union-review");
        Files.createDirectories(db.getParent());
        long dead = new ProcessBuilder("true").start().onExit().get().pid();
        Path left = db.resolveSibling("union-review-new-" + dead + "-x.mv.db");
        Files.writeString(left, "half made");
        EmbeddedDatabase.prepare(database("jdbc:h2:file:" + db + SETTINGS));
        assertThat(left).doesNotExist();
        assertThat(db.resolveSibling("union-review.mv.db")).isRegularFile();
    }

    @Test
    void leavesOtherDatabasesAlone() throws Exception {
        EmbeddedDatabase.prepare(database("jdbc:postgresql://localhost/" + dir.resolve("x")));
        EmbeddedDatabase.prepare(database("jdbc:h2:mem:" + dir.resolve("y/z")));
        EmbeddedDatabase.prepare(database(null));
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    /**
     * Without the folder made first, H2 itself loses this race now and then (seen as a year's run failing to start);
     * two of each year's at once make its database once.
     */
    @Test
    void yearsOpeningTheirDatabasesAtOnceUnderOneNewFolderAllOpen() throws Exception {
        ExecutorService years = Executors.newFixedThreadPool(YEARS);
        try {
            for (int round = 0; round < 5; round++) {
                Path output = dir.resolve("round-" + round);
                CyclicBarrier together = new CyclicBarrier(YEARS);
                List<Future<?>> opened = new ArrayList<>();
                for (int i = 0; i < YEARS; i++) {
                    String url = "jdbc:h2:file:"
                            + output.resolve(".db").resolve("20" + (20 + i / 2)).resolve("union-review") + SETTINGS;
                    opened.add(years.submit(() -> {
                        together.await();
                        EmbeddedDatabase.prepare(database(url));
                        try (Connection c = DriverManager.getConnection(url, "sa", "");
                                ResultSet migrations = c.createStatement()
                                        .executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")) {
                            migrations.next();
                            assertThat(migrations.getInt(1)).isGreaterThanOrEqualTo(9);
                        }
                        return null;
                    }));
                }
                for (Future<?> each : opened) {
                    each.get(1, TimeUnit.MINUTES);
                }
            }
        } finally {
            years.shutdownNow();
        }
    }
}
