package vn.unionreview.year;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.springframework.core.env.Environment;

/**
 * Prepares an embedded H2 file database before the run's context opens it.
 *
 * <ul>
 *   <li>Its folder is created first. H2 makes missing folders by checking and then creating each one, and gives up
 *       (FILE_CREATION_FAILED, which Spring reports as "Could not get Connection") when another year's run creates the
 *       shared {@code .db} folder between the two; {@link Files#createDirectories} accepts a folder that appeared
 *       meanwhile.
 *   <li>A year's first database is made whole under another name, its migrations applied, and only then put in place.
 *       H2 commits each schema statement on its own, so a process killed while it migrated a new database left one that
 *       no later run could open ("Duplicate column name", bench/crash-soak.sh met it); now a kill leaves only a file
 *       that the next run removes.
 * </ul>
 */
final class EmbeddedDatabase {

    private static final String H2_FILE = "jdbc:h2:file:";
    private static final String H2_DATA = ".mv.db";

    private EmbeddedDatabase() {}

    /**
     * Prepares the database the environment's {@code spring.datasource.url} names; any URL but an H2 file database's is
     * left alone.
     */
    static void prepare(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || !url.startsWith(H2_FILE)) {
            return;
        }
        String[] fileAndSettings = url.substring(H2_FILE.length()).split(";", 2);
        String file = fileAndSettings[0].startsWith("~")
                ? System.getProperty("user.home") + fileAndSettings[0].substring(1)
                : fileAndSettings[0];
        Path database = Path.of(file).toAbsolutePath();
        try {
            Files.createDirectories(database.getParent());
            if (!Files.exists(data(database))) {
                makeWhole(database, fileAndSettings.length > 1 ? ";" + fileAndSettings[1] : "", environment);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the database " + database, e);
        }
    }

    private static Path data(Path database) {
        return database.resolveSibling(database.getFileName() + H2_DATA);
    }

    /**
     * Migrates a new database under a name of its own (this process's, this moment's), then links it in place unless
     * another was first.
     */
    private static void makeWhole(Path database, String settings, Environment environment) throws IOException {
        Path made = database.resolveSibling(
                database.getFileName() + "-new-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        Flyway.configure()
                .dataSource(
                        H2_FILE + made + settings,
                        environment.getProperty("spring.datasource.username", "sa"),
                        environment.getProperty("spring.datasource.password", ""))
                .locations(environment
                        .getProperty("spring.flyway.locations", "")
                        .replace("{vendor}", "h2")
                        .split(","))
                .load()
                .migrate(); // H2 closes the database when Flyway lets go of its last connection
        try {
            Files.createLink(
                    data(database), data(made)); // fails, atomically, if another process put its own in place first
        } catch (FileAlreadyExistsException anotherWasFirst) {
            // the same schema: the first is kept
        } finally {
            Files.delete(data(made));
        }
        removeLeftovers(database);
    }

    /** New databases that killed processes left half made. */
    private static void removeLeftovers(Path database) throws IOException {
        String prefix = database.getFileName() + "-new-";
        try (var files = Files.list(database.getParent())) {
            for (Path left : files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .toList()) {
                String pid =
                        left.getFileName().toString().substring(prefix.length()).split("-", 2)[0];
                if (pid.chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    Files.deleteIfExists(left);
                }
            }
        }
    }
}
