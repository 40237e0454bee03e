package vn.unionreview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.audit.Manifest;
import vn.unionreview.audit.Publications;
import vn.unionreview.report.LibreOffice;
import vn.unionreview.text.Catalogue;

/**
 * Publishing a year: the decision written as PDF and DOCX into the run's folder, the folder frozen, the publication
 * recorded and shown; a second publication refused unless it supersedes, with a reason; and verify catching a decision
 * file changed after publication.
 */
class PublishTest {

    @TempDir
    Path output;

    @Test
    void publishesOneRunAsTheYearsResultAndRefusesASecondUnlessItSupersedes() throws Exception {
        CliRun run = CliRun.of("run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05");
        Path runDir = Path.of(run.lastLine());

        // a decision dated before the report it rests on is refused, and nothing is published
        CliRun early = CliRun.of(
                "publish",
                "--year",
                "2025",
                "--number",
                "123/QĐ-CĐVC",
                "--date",
                "2026-01-04",
                "--output",
                output.toString());
        assertThat(early.exitCode()).isNotZero();
        assertThat(early.err())
                .contains("ngày quyết định 04/01/2026 trước ngày 05/01/2026, ngày của báo cáo và thư phản hồi")
                .doesNotContain("Exception");
        assertThat(runDir.resolve("decision.pdf")).doesNotExist();

        CliRun published = CliRun.of(
                "publish",
                "--year",
                "2025",
                "--number",
                "123/QĐ-CĐVC",
                "--date",
                "2026-01-20",
                "--output",
                output.toString());
        assertThat(published.exitCode()).as(published.err()).isZero();
        assertThat(published.out())
                .contains("Đã ban hành lần chạy " + runDir.getFileName()
                        + " thành quyết định số 123/QĐ-CĐVC ngày 2026-01-20");

        String pdf;
        try (PDDocument doc = Loader.loadPDF(runDir.resolve("decision.pdf").toFile())) {
            pdf = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(pdf)
                .contains(
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Số: 123/QĐ-CĐVC",
                        "Hà Tĩnh, ngày 20 tháng 01 năm 2026",
                        "QUYẾT ĐỊNH",
                        "Về việc công nhận kết quả đánh giá, xếp loại chất lượng hoạt động công đoàn cơ sở năm 2025",
                        "BAN THƯỜNG VỤ CÔNG ĐOÀN VIÊN CHỨC TỈNH HÀ TĨNH",
                        "Căn cứ Điều lệ Công đoàn Việt Nam;",
                        "Xét đề nghị của Hội đồng Thi đua - Khen thưởng",
                        "QUYẾT ĐỊNH:",
                        "Điều 1.",
                        "đối với 54 công đoàn cơ sở",
                        "Điều 3.",
                        "Điều 4.",
                        "Quyết định này./.",
                        "- Như Điều 4;",
                        "- Lưu: VT, ToC.",
                        "DANH SÁCH",
                        "(Kèm theo Quyết định số 123/QĐ-CĐVC ngày 20 tháng 01 năm 2026 của Ban Thường vụ Công đoàn Viên chức tỉnh Hà Tĩnh)",
                        "I. Hoàn thành xuất sắc nhiệm vụ (6)",
                        "Công đoàn Ban Tổ chức Tỉnh ủy (hạ từ Hoàn thành xuất sắc nhiệm vụ: Để xảy ra ngừng việc tập"
                                + " thể) 100,5",
                        "Công đoàn Trường THPT chuyên Lê Quý Đôn");
        try (XWPFDocument docx = new XWPFDocument(Files.newInputStream(runDir.resolve("decision.docx")));
                XWPFWordExtractor text = new XWPFWordExtractor(docx)) {
            assertThat(text.getText())
                    .contains(
                            "QUYẾT ĐỊNH",
                            "Số: 123/QĐ-CĐVC",
                            "Điều 1.",
                            "DANH SÁCH",
                            "I. Hoàn thành xuất sắc nhiệm vụ (6)",
                            "Công đoàn Trường THPT chuyên Lê Quý Đôn");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runDir.resolve("results.csv"))))
                .isEqualTo("r--r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runDir)))
                .isEqualTo("r-xr-xr-x");
        assertThat(CliRun.of("history", "--year", "2025", "--output", output.toString())
                        .out())
                .contains("ĐÃ CÔNG BỐ: quyết định số 123/QĐ-CĐVC ngày 2026-01-20");
        assertThat(CliRun.of("show", runDir.toString()).out())
                .contains("Ban hành: ĐÃ CÔNG BỐ: quyết định số 123/QĐ-CĐVC ngày 2026-01-20");

        // the same year run again into its own folder: publishing it is refused unless it supersedes the first
        Path rerun = Path.of(CliRun.of(
                        "run",
                        "--year",
                        "2025",
                        "--output",
                        output.toString(),
                        "--report-date",
                        "2026-01-05",
                        "--rerun")
                .lastLine());
        CliRun refused = CliRun.of(
                "publish",
                "--year",
                "2025",
                "--run",
                rerun.getFileName().toString(),
                "--number",
                "130/QĐ-CĐVC",
                "--output",
                output.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err())
                .contains(
                        "Năm 2025 đã được công bố: lần chạy " + runDir.getFileName() + ", quyết định số 123/QĐ-CĐVC",
                        "--supersede --reason LÝ_DO");
        assertThat(rerun.resolve("decision.pdf")).doesNotExist();
        CliRun superseding = CliRun.of(
                "publish",
                "--year",
                "2025",
                "--run",
                rerun.getFileName().toString(),
                "--number",
                "130/QĐ-CĐVC",
                "--date",
                "2026-02-02",
                "--output",
                output.toString(),
                "--supersede",
                "--reason",
                "sửa tên một công đoàn cơ sở");
        assertThat(superseding.exitCode()).as(superseding.err()).isZero();
        Publications record = Publications.read(output.resolve("2025"));
        assertThat(record.publications()).hasSize(2);
        assertThat(record.active().orElseThrow().run())
                .isEqualTo(rerun.getFileName().toString());
        assertThat(Catalogue.of("en").render(record.status(runDir.getFileName().toString())))
                .isEqualTo("SUPERSEDED by " + rerun.getFileName()
                        + " (sửa tên một công đoàn cơ sở); was 123/QĐ-CĐVC 2026-01-20");

        // verify checks the published decision files against the digests recorded when it was published
        assertThat(CliRun.of("verify", runDir.resolve("manifest.json").toString())
                        .exitCode())
                .isZero();
        runDir.toFile().setWritable(true);
        runDir.resolve("decision.pdf").toFile().setWritable(true);
        Files.writeString(runDir.resolve("decision.pdf"), "changed");
        CliRun tampered = CliRun.of("verify", runDir.resolve("manifest.json").toString());
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.out() + tampered.err())
                .contains("decision.pdf trong " + runDir + " đã bị sửa sau khi ban hành quyết định 123/QĐ-CĐVC");

        LibreOffice.require(); // the office edits the docx before it is signed: a real office suite must open it
        {
            Path pdfFromDocx = Files.createDirectories(output.resolve("lo"));
            LibreOffice.convert(rerun.resolve("decision.docx"), "pdf", pdfFromDocx);
            try (PDDocument doc =
                    Loader.loadPDF(pdfFromDocx.resolve("decision.pdf").toFile())) {
                assertThat(new PDFTextStripper().getText(doc)).contains("QUYẾT ĐỊNH", "Số: 130/QĐ-CĐVC", "DANH SÁCH");
            }
        }
    }

    @Test
    void aValidationRunIsRecordedAsSuchAndPublishedOnlyWithAReasonOnRecord() throws Exception {
        CliRun validation = CliRun.of(
                "run",
                "--year",
                "2025",
                "--output",
                output.toString(),
                "--report-date",
                "2026-01-05",
                "--kind",
                "validation");
        assertThat(validation.exitCode()).as(validation.err()).isZero();
        Path runDir = Path.of(validation.lastLine());
        assertThat(Manifest.read(runDir.resolve("manifest.json")).kind()).isEqualTo("validation");
        assertThat(CliRun.of("history", "--year", "2025", "--output", output.toString())
                        .out())
                .containsPattern(runDir.getFileName() + " +kiểm tra +hoàn tất");
        assertThat(CliRun.of("show", runDir.toString()).out()).contains("Trạng thái: hoàn tất, lần chạy kiểm tra.");

        CliRun refused = CliRun.of(
                "publish",
                "--year",
                "2025",
                "--run",
                runDir.getFileName().toString(),
                "--number",
                "123/QĐ-CĐVC",
                "--output",
                output.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err())
                .contains("Lần chạy " + runDir.getFileName() + " là chạy kiểm tra", "--allow-validation");
        assertThat(runDir.resolve("decision.pdf")).doesNotExist();
        // without --run, publish looks for the latest final run, and there is none
        assertThat(CliRun.of("publish", "--year", "2025", "--number", "123/QĐ-CĐVC", "--output", output.toString())
                        .err())
                .contains("Chưa có lần chạy chính thức nào của năm 2025");

        CliRun allowed = CliRun.of(
                "publish",
                "--year",
                "2025",
                "--run",
                runDir.getFileName().toString(),
                "--number",
                "123/QĐ-CĐVC",
                "--date",
                "2026-01-20",
                "--output",
                output.toString(),
                "--allow-validation",
                "the final run's input was lost");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("là lần chạy kiểm tra, vẫn được ban hành: the final run's input was lost");
        assertThat(Publications.read(output.resolve("2025"))
                        .active()
                        .orElseThrow()
                        .validationReason())
                .isEqualTo("the final run's input was lost");

        // the same inputs as a final run are another run
        CliRun finalRun =
                CliRun.of("run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05");
        assertThat(Path.of(finalRun.lastLine()).getFileName()).isNotEqualTo(runDir.getFileName());
    }
}
