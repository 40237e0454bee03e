package vn.unionreview.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates the folder of an embedded H2 file database before H2 opens it. H2 makes missing folders by checking and
 * then creating each one, and gives up (FILE_CREATION_FAILED, which Spring reports as "Could not get Connection")
 * when another year's run creates the shared {@code .db} folder between the two; {@link Files#createDirectories}
 * accepts a folder that appeared meanwhile.
 */
final class EmbeddedDatabaseFolder {

    private static final String H2_FILE = "jdbc:h2:file:";

    private EmbeddedDatabaseFolder() {
    }

    /** Creates the folder that holds the database at {@code url}; any URL but an H2 file database's is left alone. */
    static void create(String url) {
        if (url == null || !url.startsWith(H2_FILE)) {
            return;
        }
        String file = url.substring(H2_FILE.length()).split(";", 2)[0];
        if (file.startsWith("~")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        Path folder = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + folder, e);
        }
    }
}
