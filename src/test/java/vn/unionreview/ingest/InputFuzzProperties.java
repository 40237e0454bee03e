package vn.unionreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import vn.unionreview.Fixtures;
import vn.unionreview.Seeded;
import vn.unionreview.form.FormFile;
import vn.unionreview.form.FormReader;
import vn.unionreview.form.FormValidator;
import vn.unionreview.rules.RuleSet;

/**
 * Fuzzing the readers with the sample year's own files, damaged at random: bytes flipped, inserted (quotes, NUL,
 * control characters) or cut, lines duplicated and shuffled, and inside an xlsx the sheet XML itself. Whatever the
 * damage, reading never throws: every row comes out accepted, or rejected with a reason, or the file is refused with
 * one. The whole job over such files is in {@code batch.FuzzedYearEndToEndTest}. For a long run:
 * {@code -Dproperty.scale=100}.
 */
class InputFuzzProperties {

    private static final RuleSet RULES = Fixtures.rules2025();
    private static final Path SAMPLE = Path.of("input/2025");

    @TempDir
    static Path dir;

    static Set<String> registry;
    static byte[] csv;
    static byte[] xlsx;
    static byte[] form;
    static byte[] registryCsv;

    @BeforeAll
    static void readTheSample() throws IOException {
        registry = RegistryReader.read(
                        InputFile.describe(SAMPLE.resolve("registry.csv"), "registry.csv", InputFile.Role.REGISTRY))
                .branches()
                .stream()
                .map(b -> b.code())
                .collect(Collectors.toSet());
        csv = Files.readAllBytes(SAMPLE.resolve("tables/bang-tong-hop.csv"));
        xlsx = Files.readAllBytes(SAMPLE.resolve("tables/khoi-giao-duc.xlsx"));
        form = Files.readAllBytes(SAMPLE.resolve("forms/CDCS-036.xlsx"));
        registryCsv = Files.readAllBytes(SAMPLE.resolve("registry.csv"));
    }

    @Test
    void aDamagedCsvTableIsReadOrRefusedRowByRowNeverThrown() {
        Seeded.forAll(200, random -> Mutations.text(random, csv), bytes -> everyRowIsAccountedFor(bytes, "fuzz.csv"));
    }

    @Test
    void aDamagedXlsxTableIsReadOrRefusedRowByRowNeverThrown() {
        Seeded.forAll(
                80,
                random -> random.nextBoolean()
                        ? Mutations.bytes(random, xlsx)
                        : Mutations.zipPart(random, xlsx, "xl/worksheets/sheet1.xml"),
                bytes -> everyRowIsAccountedFor(bytes, "fuzz.xlsx"));
    }

    @Test
    void aDamagedFormIsReadOrRefusedNeverThrown() {
        FormReader reader = new FormReader(RULES);
        FormValidator validator =
                new FormValidator(RULES, 2025, registry.stream().collect(Collectors.toMap(c -> c, c -> c)));
        Seeded.forAll(
                60,
                random -> switch (random.nextInt(3)) {
                    case 0 -> Mutations.bytes(random, form);
                    case 1 -> Mutations.zipPart(random, form, "xl/worksheets/sheet1.xml");
                    default -> Mutations.zipPart(random, form, "xl/sharedStrings.xml");
                },
                bytes -> {
                    Path file = write(bytes, "fuzz-form.xlsx");
                    FormFile read =
                            reader.readFile(InputFile.describe(file, "forms/fuzz-form.xlsx", InputFile.Role.FORM));
                    if (read.form() == null) {
                        assertThat(read.unreadable().english()).isNotBlank();
                        return;
                    }
                    IngestRecord record = validator.validate(read.form());
                    assertThat(record.accepted())
                            .isEqualTo(record.problems().stream().noneMatch(p -> p.severity() == Severity.REJECTED));
                    assertThat(record.cellsInvalid()).isBetween(0, record.cellsRead());
                });
    }

    @Test
    void aDamagedRegistryIsReadOrRefusedWithAReasonNeverThrown() {
        Seeded.forAll(150, random -> Mutations.text(random, registryCsv), bytes -> {
            Path file = write(bytes, "registry.csv");
            try {
                Registry read = RegistryReader.read(InputFile.describe(file, "registry.csv", InputFile.Role.REGISTRY));
                long rejectedRows = read.problems().stream()
                        .filter(p -> p.severity() == Severity.REJECTED)
                        .map(Problem::row)
                        .distinct()
                        .count();
                assertThat(read.branches().size() + rejectedRows)
                        .as("rows read = used + rejected")
                        .isEqualTo(read.rowsRead());
                read.branches().forEach(b -> {
                    assertThat(Bounds.codeError(b.code())).isNull();
                    assertThat(b.name().length()).isBetween(1, Bounds.NAME);
                    assertThat(Texts.controlCount(b.name() + b.bloc())).isZero();
                });
            } catch (InputException e) {
                assertThat(e.getMessage()).startsWith("registry.csv: ");
            }
        });
    }

    /** Reads a table as the ingest step does, and checks that each row comes out accepted or rejected with a reason. */
    private static void everyRowIsAccountedFor(byte[] bytes, String name) {
        Path file = write(bytes, name);
        TableRowReader reader =
                new TableRowReader(RULES, List.of(InputFile.describe(file, "tables/" + name, InputFile.Role.TABLE)));
        RowValidator validator = new RowValidator(RULES, registry);
        reader.open(new ExecutionContext());
        try {
            int files = 0;
            for (TableRow item; (item = reader.read()) != null; ) {
                IngestRecord record = validator.validate(item);
                if (item.isFileItem()) {
                    files++;
                    continue;
                }
                if (item.isRefusal()) {
                    assertThat(record.problems())
                            .singleElement()
                            .satisfies(p -> assertThat(p.reason().english()).startsWith("file not used"));
                    continue;
                }
                assertThat(record.row()).isPositive();
                List<Problem> rejections = record.problems().stream()
                        .filter(p -> p.severity() == Severity.REJECTED)
                        .toList();
                assertThat(record.accepted()).isEqualTo(rejections.isEmpty());
                rejections.forEach(p -> assertThat(p.reason().english()).isNotBlank());
                assertThat(record.code().length()).isLessThanOrEqualTo(Bounds.CODE);
                assertThat(record.cellsInvalid()).isBetween(0, Math.max(record.cellsRead(), 1));
            }
            assertThat(files).isEqualTo(1);
        } catch (Exception e) {
            throw new AssertionError("reading threw " + e, e);
        } finally {
            reader.close();
        }
    }

    private static Path write(byte[] bytes, String name) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
