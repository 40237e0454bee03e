package vn.unionreview.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Fixtures;
import vn.unionreview.ingest.SheetRow;
import vn.unionreview.ingest.SheetSource;

/** The shipped sample year is exactly what the seeded generator writes: anyone can rebuild it. */
class SampleGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void theShippedSampleIsTheGeneratorsOutput() throws Exception {
        Path generated = new SampleGenerator(2025).writeYear(dir, 2025, Fixtures.rules2025());
        Path shipped = Path.of("input", "2025");
        List<String> forms;
        try (var files = Files.list(generated.resolve("forms"))) {
            forms = files.map(f -> "forms/" + f.getFileName()).sorted().toList();
        }
        assertThat(forms)
                .hasSize(30)
                .contains("forms/CDCS-036.xlsx", "forms/CDCS-055.xls", "forms/CDCS-061 (bản scan).pdf");
        List<String> sameBytes = new ArrayList<>(List.of("registry.csv", "tables/bang-tong-hop.csv"));
        sameBytes.addAll(forms); // forms are written with fixed times and fixed zip stamps: byte for byte
        for (String file : sameBytes) {
            assertThat(Files.readAllBytes(generated.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(shipped.resolve(file)));
        }
        try (var files = Files.list(shipped.resolve("forms"))) {
            assertThat(files.count()).as("nothing else shipped in forms/").isEqualTo(forms.size());
        }
        String xlsx = "tables/khoi-giao-duc.xlsx";
        assertThat(cells(generated.resolve(xlsx))).isEqualTo(cells(shipped.resolve(xlsx)));
    }

    @Test
    void aProvinceSizedUnion() {
        List<SampleGenerator.SampleBranch> branches = new SampleGenerator(2025).branches();
        assertThat(branches).hasSize(63);
        assertThat(branches.stream().map(SampleGenerator.SampleBranch::bloc).distinct())
                .hasSize(6);
        int members = branches.stream()
                .mapToInt(b -> Integer.parseInt(b.facts().get("members_union")))
                .sum();
        assertThat(members).isBetween(8_500, 11_000);
    }

    private static List<String> cells(Path file) throws Exception {
        List<String> cells = new ArrayList<>();
        try (SheetSource source = SheetSource.open(file, file.getFileName().toString())) {
            for (SheetRow row; (row = source.next()) != null; ) {
                row.cells().forEach(c -> cells.add(c.ref() + "=" + c.text() + ":" + c.kind()));
            }
        }
        return cells;
    }
}
