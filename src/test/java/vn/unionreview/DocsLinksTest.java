package vn.unionreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The repository explains itself: every relative link of README.md and docs/ leads to a file in it, and none leaves it.
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertThat(pages).hasSizeGreaterThan(5);
        List<String> dead = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*") || target.startsWith("#")) {
                    continue; // a web address (the console's own) or an anchor on the same page
                }
                Path file =
                        page.getParent().resolve(target.replaceFirst("#.*", "")).normalize();
                if (!file.startsWith(root) || !Files.exists(file)) {
                    dead.add(root.relativize(page) + ": " + target);
                }
            }
        }
        assertThat(dead).as("dead or outside links").isEmpty();
    }

    @Test
    void noPageSendsAUserToTheTeamsSharedFolder() throws Exception {
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            for (Path page : Stream.concat(
                            Stream.of(Path.of("README.md")),
                            docs.filter(p -> p.toString().endsWith(".md")))
                    .toList()) {
                assertThat(Files.readString(page)).as(page.toString()).doesNotContain("../shared");
            }
        }
    }
}
