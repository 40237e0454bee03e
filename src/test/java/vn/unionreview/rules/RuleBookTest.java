package vn.unionreview.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Digests;
import vn.unionreview.Fixtures;
import vn.unionreview.text.Message;

/** A year's rules as a folder of kinds: what makes one, what identifies it, and each way it is refused. */
class RuleBookTest {

    @TempDir
    Path dir;

    private static String kind(String id, int year) {
        return """
                format: union-review/rules/v1
                year: %d
                kind: {id: %s, title: {vi: "Loại %s", en: "Kind %s"}}
                title: {vi: Thử, en: Test}
                issuer: {vi: CĐ, en: U}
                step: 0.5
                groups:
                  - id: G
                    title: {vi: Nhóm}
                    criteria:
                      - {id: G1, max: 10, title: {vi: Một}}
                tiers:
                  - {id: TOP, min_total: 8, title: {vi: Tốt}}
                  - {id: REST, title: {vi: Còn lại}}
                """.formatted(year, id, id, id);
    }

    private Path folder(String... files) throws Exception {
        Path folder = dir.resolve("2030");
        Files.createDirectories(folder);
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(folder.resolve(files[i]), files[i + 1]);
        }
        return folder;
    }

    @Test
    void theShipped2026FolderHoldsTwoKindsInIdOrderIdentifiedByItsListing() {
        RuleBook book = RuleSetLoader.loadBook(Path.of("config/rules/2026"));
        assertThat(book.byKind()).isTrue();
        assertThat(book.year()).isEqualTo(2026);
        assertThat(book.sets()).extracting(r -> r.kind().id()).containsExactly("doanh-nghiep", "don-vi-su-nghiep");
        assertThat(book.forKind("doanh-nghiep").orElseThrow().criteriaById()).containsKey("T1");
        assertThat(book.forKind("ngan-hang")).isEmpty();
        assertThat(book.checksFor("don-vi-su-nghiep").checks()).hasSize(1);
        assertThat(book.checksFor("doanh-nghiep").path()).isNull();
        assertThat(book.listing())
                .startsWith(book.files().get(0).sha256() + "  doanh-nghiep.yaml\n")
                .endsWith("  don-vi-su-nghiep.checks.yaml\n");
        assertThat(book.sha256()).isEqualTo(Digests.sha256(book.listing().getBytes(StandardCharsets.UTF_8)));
        assertThat(book.checksDigest()).isEmpty();
        assertThat(book.listsOutOfRating()).isTrue();
    }

    @Test
    void aYearsOnlyRuleFileIsABookOfOneWithoutKind() {
        RuleBook book = RuleSetLoader.loadBook(Path.of("config/rules/2025.yaml"));
        assertThat(book.byKind()).isFalse();
        assertThat(book.forKind("anything").orElseThrow()).isSameAs(book.first());
        assertThat(book.listing()).isEmpty();
        assertThat(book.sha256()).isEqualTo(book.files().get(0).sha256());
        assertThat(book.checksDigest()).isEqualTo(book.checks().get(0).sha256());
        assertThat(book.listsOutOfRating()).isFalse();
        assertThat(Fixtures.rules2025().kind()).isNull();
    }

    @Test
    void aFileNamedForAnotherKindIsRefused() throws Exception {
        assertRefused(folder("a.yaml", kind("b", 2030)), "a.yaml: its kind.id is b, and a kind's rule file is named");
    }

    @Test
    void aRuleSetWithoutItsKindIsRefused() throws Exception {
        assertRefused(
                folder("a.yaml", kind("a", 2030), "b.yaml", kind("a", 2030).replaceFirst("kind: .*\n", "")),
                "b.yaml: a rule set in a year's folder of kinds must say which kind");
    }

    @Test
    void twoRuleFilesForOneKindAreRefused() throws Exception {
        assertRefused(
                folder("a.yaml", kind("a", 2030), "a.yml", kind("a", 2030)),
                "a.yaml and a.yml are both rule sets for the kind a");
    }

    @Test
    void aFolderMixingYearsIsRefused() throws Exception {
        assertRefused(
                folder("a.yaml", kind("a", 2030), "b.yaml", kind("b", 2031)),
                "b.yaml is the rule set for 2031, and the folder's first for 2030");
    }

    @Test
    void anEmptyFolderIsRefused() throws Exception {
        assertRefused(folder(), "the folder holds no rule set");
    }

    @Test
    void aKindThatIsNotAMappingIsRefused() throws Exception {
        assertRefused(folder("a.yaml", kind("a", 2030).replaceFirst("kind: .*\n", "kind: a\n")), "kind: must be a");
    }

    private static void assertRefused(Path folder, String expected) {
        assertThatThrownBy(() -> RuleSetLoader.loadBook(folder))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> {
                    RuleSetException refused = (RuleSetException) e;
                    assertThat(refused.header().english()).contains("not a valid");
                    assertThat(refused.problems()).extracting(Message::english).anyMatch(p -> p.startsWith(expected));
                });
    }
}
