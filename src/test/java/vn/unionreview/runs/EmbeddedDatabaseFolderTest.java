package vn.unionreview.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseFolderTest {

    private static final int YEARS = 6;

    @TempDir
    Path dir;

    @Test
    void createsTheFoldersOfAnH2FileDatabase() {
        Path db = dir.resolve("output/.db/2025/union-review");
        EmbeddedDatabaseFolder.create("jdbc:h2:file:" + db + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(db.getParent()).isDirectory();
        assertThat(db).doesNotExist();
    }

    @Test
    void leavesOtherDatabasesAlone() throws Exception {
        EmbeddedDatabaseFolder.create("jdbc:postgresql://localhost/" + dir.resolve("x"));
        EmbeddedDatabaseFolder.create("jdbc:h2:mem:" + dir.resolve("y/z"));
        EmbeddedDatabaseFolder.create(null);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    /** Without the folder made first, H2 itself loses this race now and then (seen as a year's run failing to start). */
    @Test
    void yearsOpeningTheirDatabasesAtOnceUnderOneNewFolderAllOpen() throws Exception {
        ExecutorService years = Executors.newFixedThreadPool(YEARS);
        try {
            for (int round = 0; round < 20; round++) {
                Path output = dir.resolve("round-" + round);
                CyclicBarrier together = new CyclicBarrier(YEARS);
                List<Future<?>> opened = new ArrayList<>();
                for (int year = 0; year < YEARS; year++) {
                    String url = "jdbc:h2:file:" + output.resolve(".db").resolve("20" + (20 + year)).resolve("union-review");
                    opened.add(years.submit(() -> {
                        together.await();
                        EmbeddedDatabaseFolder.create(url);
                        DriverManager.getConnection(url, "sa", "").close();
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
