package vn.unionreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.multipart.MultipartFile;

import vn.unionreview.Digests;
import vn.unionreview.Fixtures;
import vn.unionreview.batch.UnitsSettings;

/** Uploaded files are told apart by content as the job does, and what the job would refuse never lands. */
class UploadsTest {

    @TempDir
    Path yearDir;

    private final Uploads uploads = new Uploads(1_000_000, UnitsSettings.DEFAULTS);

    @Test
    void eachKindGoesWhereTheJobLooksForIt() throws IOException {
        List<Uploads.Outcome> outcomes = uploads.store(
                yearDir,
                Fixtures.book2025(),
                List.of(
                        sample("forms/CDCS-036.xlsx", "CDCS-036.xlsx"),
                        sample("forms/CDCS-055.xls", "phieu 55.xls"),
                        sample("tables/bang-tong-hop.csv", "bang-tong-hop.csv"),
                        sample("tables/khoi-giao-duc.xlsx", "Khối giáo dục.xlsx"),
                        sample("registry.csv", "danh-sach.csv"),
                        file("quyet-dinh.yaml", """
                        format: union-review/decisions/v1
                        meeting: {number: "05/BB-HĐTĐKT", date: 2026-01-10}
                        decisions:
                          - {branch: CDCS-025, award: CO, action: withdraw, reason: "Hai trường bằng điểm"}
                        """)));
        assertThat(outcomes)
                .extracting(Uploads.Outcome::kind, Uploads.Outcome::storedAs)
                .containsExactly(
                        Tuple.tuple(Uploads.Kind.FORM, "forms/CDCS-036.xlsx"),
                        Tuple.tuple(Uploads.Kind.FORM, "forms/phieu 55.xls"),
                        Tuple.tuple(Uploads.Kind.TABLE, "tables/bang-tong-hop.csv"),
                        Tuple.tuple(Uploads.Kind.TABLE, "tables/Khối giáo dục.xlsx"),
                        Tuple.tuple(Uploads.Kind.REGISTRY, "registry.csv"),
                        Tuple.tuple(Uploads.Kind.DECISIONS, "decisions.yaml"));
        assertThat(yearDir.resolve("forms/CDCS-036.xlsx"))
                .hasSameBinaryContentAs(Path.of("input/2025/forms/CDCS-036.xlsx"));
        assertThat(yearDir.resolve("registry.csv")).hasSameBinaryContentAs(Path.of("input/2025/registry.csv"));
        assertThat(outcomes.get(0).sha256()).isEqualTo(Digests.sha256(Path.of("input/2025/forms/CDCS-036.xlsx")));
    }

    @Test
    void whatTheJobWouldRefuseIsRefusedWithTheJobsReason() throws IOException {
        List<Uploads.Outcome> outcomes = uploads.store(
                yearDir,
                Fixtures.book2025(),
                List.of(
                        sample("forms/CDCS-061 (bản scan).pdf", "CDCS-061.pdf"),
                        sample("forms/CDCS-062.xls", "CDCS-062.xls"),
                        file("bang.csv", "ma,A1\nCDCS-001,5\n"),
                        file(
                                "decisions.yaml",
                                "format: union-review/decisions/v1\ndecisions:\n  - {branch: CDCS-025, award: CO, action: keep, reason: x}\n"),
                        file("empty.xlsx", ""),
                        file("huge.csv", "code\n" + "x".repeat(1_000_000))));
        assertThat(outcomes)
                .allSatisfy(o -> assertThat(o.accepted()).as(o.name()).isFalse());
        assertThat(outcomes.get(0).refusal().english())
                .isEqualTo("a PDF, not a spreadsheet: send the xlsx or xls file");
        assertThat(outcomes.get(1).refusal().english()).startsWith("the file is damaged");
        assertThat(outcomes.get(2).refusal().english())
                .isEqualTo(
                        "the header (row 1) has no column for code, A2, A3, B1, B2, C1, C2, C3, D1, D2, E1, E2, F1, F2");
        assertThat(outcomes.get(3).refusal().english())
                .contains("decisions[0].action: must be withdraw or grant, found 'keep'");
        assertThat(outcomes.get(4).refusal().english()).isEqualTo("the file is empty");
        assertThat(outcomes.get(5).refusal().english())
                .isEqualTo("the file is 1000005 bytes, more than the console takes in one file (1000000,"
                        + " union-review.web.upload.file-size)");
        try (var left = Files.walk(yearDir)) {
            assertThat(left.filter(Files::isRegularFile).toList())
                    .as("nothing refused lands, no staging file stays")
                    .isEmpty();
        }
    }

    @Test
    void aCorrectedFormReplacesTheFirstAndANewRegistryReplacesTheOther() throws IOException {
        uploads.store(yearDir, Fixtures.book2025(), List.of(sample("forms/CDCS-036.xlsx", "CDCS-036.xlsx")));
        Files.writeString(yearDir.resolve("registry.xlsx"), "old");
        List<Uploads.Outcome> again = uploads.store(
                yearDir,
                Fixtures.book2025(),
                List.of(sample("forms/CDCS-037.xlsx", "CDCS-036.xlsx"), sample("registry.csv", "registry.csv")));
        assertThat(again.get(0).replaced()).isTrue();
        assertThat(yearDir.resolve("forms/CDCS-036.xlsx"))
                .hasSameBinaryContentAs(Path.of("input/2025/forms/CDCS-037.xlsx"));
        assertThat(yearDir.resolve("registry.xlsx"))
                .as("two registries would stop the run")
                .doesNotExist();
    }

    @Test
    void namesThatLeaveTheFolderOrCannotBeKeptAreRefused() {
        assertThat(Uploads.nameError("../x.xlsx").english()).contains("names a folder");
        assertThat(Uploads.nameError("a\\b.xlsx").english()).contains("names a folder");
        assertThat(Uploads.nameError("C:x.xlsx").english()).contains("names a folder");
        assertThat(Uploads.nameError(".hidden.xlsx").english()).contains("hidden");
        assertThat(Uploads.nameError("~$CDCS-001.xlsx").english()).contains("lock file");
        assertThat(Uploads.nameError("tên\u202Evsc.exe.csv").english()).contains("text-direction mark (U+202E)");
        assertThat(Uploads.nameError("báo cáo\u2067.csv").english()).contains("U+2067");
        assertThat(Uploads.nameError("CON.xlsx").english()).contains("Windows");
        assertThat(Uploads.nameError("a\u0007.xlsx").english()).contains("control characters");
        assertThat(Uploads.nameError("x".repeat(121) + ".xlsx").english()).contains("characters long");
        assertThat(Uploads.nameError("CDCS-060 (gửi lại).xlsx")).isNull();
    }

    private static MultipartFile sample(String path, String name) throws IOException {
        return new MockMultipartFile(
                "files", name, null, Files.readAllBytes(Path.of("input/2025").resolve(path)));
    }

    private static MultipartFile file(String name, String content) {
        return new MockMultipartFile("files", name, null, content.getBytes(StandardCharsets.UTF_8));
    }
}
