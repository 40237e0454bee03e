package vn.unionreview.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Digests;

/** The content-addressed archive: one read-only copy per digest, and the digest checked on the bytes copied. */
class ArchiveStoreTest {

    @TempDir
    Path dir;

    @Test
    void keepsOneReadOnlyCopyNamedByItsDigest() throws IOException {
        Path form = Files.writeString(dir.resolve("CD001.csv"), "Mã CĐCS;Tổng\nCD001;95,5\n", StandardCharsets.UTF_8);
        String sha = Digests.sha256(form);
        ArchiveStore archive = new ArchiveStore(dir.resolve("output"));

        archive.putAll(Map.of(sha, form));
        archive.put(form, sha); // already there: nothing to do

        Path copy = dir.resolve("output").resolve(ArchiveStore.relative(sha));
        assertThat(copy).hasSameBinaryContentAs(form);
        assertThat(Files.getPosixFilePermissions(copy)).as("read-only").doesNotContain(PosixFilePermission.OWNER_WRITE);
        try (var files = Files.list(copy.getParent())) {
            assertThat(files).containsExactly(copy);
        }
    }

    @Test
    void aFileThatNoLongerHasItsDigestIsRefusedAndLeavesNothing() throws IOException {
        Path form = Files.writeString(dir.resolve("CD002.csv"), "CD002;80\n", StandardCharsets.UTF_8);
        String known = Digests.sha256(form);
        Files.writeString(form, "CD002;100\n", StandardCharsets.UTF_8);
        ArchiveStore archive = new ArchiveStore(dir.resolve("output"));

        assertThatThrownBy(() -> archive.put(form, known))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("CD002.csv changed during the run (SHA-256 now " + Digests.sha256(form) + ")");
        try (var files = Files.list(archive.path(known).getParent())) {
            assertThat(files).isEmpty();
        }
    }
}
