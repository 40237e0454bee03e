package vn.unionreview.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Fixtures;
import vn.unionreview.ResultsCsv;
import vn.unionreview.Seeded;
import vn.unionreview.Slow;
import vn.unionreview.cli.CliRun;
import vn.unionreview.ingest.Mutations;

/**
 * The whole job over the sample year with its tables and some forms damaged at random (see
 * {@link vn.unionreview.ingest.InputFuzzProperties} for the readers alone): it always finishes, no exception escapes a
 * step or reaches the console, and the counts add up. Three years here; a long run: {@code -Dproperty.scale=50}.
 */
@Slow // three damaged years, each a full run
class FuzzedYearEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void aYearOfDamagedFilesAlwaysFinishesWithItsCountsAddingUp() {
        int[] year = {0};
        Seeded.forAll(3, random -> damagedYear(random, dir.resolve("input-" + ++year[0])), input -> {
            CliRun run = CliRun.withConsole(
                    "run",
                    "--year",
                    "2025",
                    "--input",
                    input.toString(),
                    "--output",
                    input.resolveSibling(input.getFileName() + "-output").toString(),
                    "--report-date",
                    "2026-01-05",
                    "--lang",
                    "en");
            String console = run.out() + run.err();
            assertThat(run.exitCode()).as(console).isZero();
            assertThat(console).doesNotContain("Exception", "\tat ", " WARN ", " ERROR ");
            try {
                Path runDir = Path.of(run.lastLine());
                List<CSVRecord> files = ResultsCsv.records(runDir.resolve("files.csv"));
                int rows = files.stream()
                        .mapToInt(f -> Integer.parseInt(f.get("submissions")))
                        .sum();
                int accepted = files.stream()
                        .mapToInt(f -> Integer.parseInt(f.get("accepted")))
                        .sum();
                assertThat(run.out())
                        .contains("Submissions read: " + rows + ", accepted: " + accepted + ", rejected: "
                                + (rows - accepted) + ".");
                assertThat(ResultsCsv.records(runDir.resolve("results.csv"))).hasSize(accepted);
                int scored = accepted;
                int notSubmitted =
                        ResultsCsv.records(runDir.resolve("not-submitted.csv")).size();
                assertThat(run.out()).contains("Registry: " + (scored + notSubmitted) + " branches.");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A copy of the sample year with both tables and five of its forms damaged. */
    private static Path damagedYear(Random random, Path input) {
        try {
            Path year = Fixtures.copySampleYear(input.resolve("2025"));
            Path csv = year.resolve("tables/bang-tong-hop.csv");
            Files.write(csv, Mutations.text(random, Files.readAllBytes(csv)));
            Path xlsx = year.resolve("tables/khoi-giao-duc.xlsx");
            byte[] table = Files.readAllBytes(xlsx);
            Files.write(
                    xlsx,
                    random.nextBoolean()
                            ? Mutations.bytes(random, table)
                            : Mutations.zipPart(random, table, "xl/worksheets/sheet1.xml"));
            List<Path> forms;
            try (Stream<Path> list = Files.list(year.resolve("forms"))) {
                forms = list.filter(p -> p.toString().endsWith(".xlsx"))
                        .sorted()
                        .toList();
            }
            List<Path> shuffled = new ArrayList<>(forms);
            Collections.shuffle(shuffled, random);
            for (Path form : shuffled.subList(0, 5)) {
                byte[] bytes = Files.readAllBytes(form);
                Files.write(
                        form,
                        random.nextBoolean()
                                ? Mutations.bytes(random, bytes)
                                : Mutations.zipPart(random, bytes, "xl/worksheets/sheet1.xml"));
            }
            return input;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
