package vn.unionreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import vn.unionreview.Fixtures;
import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;
import vn.unionreview.integrity.Signal;
import vn.unionreview.integrity.SignalKind;
import vn.unionreview.result.FileReport;
import vn.unionreview.result.ResultRow;
import vn.unionreview.result.ScoredSource;
import vn.unionreview.scoring.Branch;
import vn.unionreview.text.Message;

/** Who gets a letter back, and what it says, from a run's problems, files and results. */
class FeedbackLettersTest {

    private static final List<Branch> REGISTRY = List.of(
            new Branch("CDCS-001", "Công đoàn A", "K1"),
            new Branch("CDCS-002", "Công đoàn B", "K1"),
            new Branch("CDCS-003", "Công đoàn C", "K2"),
            new Branch("CDCS-010", "Công đoàn D", "K2"));

    @Test
    void aBranchWithSomethingToFixOrNothingSubmittedGetsALetterAndACleanOneDoesNot() {
        List<Problem> problems = List.of(
                new Problem(
                        Severity.REJECTED,
                        "tables/a.csv",
                        "",
                        3,
                        "D3",
                        "A2",
                        "CDCS-002",
                        "12",
                        Message.of(
                                "score.above_maximum",
                                "score",
                                new BigDecimal("12"),
                                "max",
                                BigDecimal.TEN,
                                "criterion",
                                "A2")),
                new Problem(
                        Severity.CORRECTED,
                        "tables/a.csv",
                        "",
                        2,
                        "C2",
                        "A1",
                        "CDCS-001",
                        "8,5",
                        Message.of(
                                "cell.read_as",
                                "changes",
                                List.of(Message.of("correction.decimal_comma")),
                                "typed",
                                "8,5",
                                "read",
                                new BigDecimal("8.5"))),
                new Problem(
                        Severity.REJECTED,
                        "registry.csv",
                        "",
                        9,
                        "A9",
                        "code",
                        "CDCS-003",
                        "",
                        Message.of("registry.code_repeated", "code", "CDCS-003", "row", 4)),
                new Problem(
                        Severity.REJECTED,
                        "forms/CDCS-010 (bản scan).pdf",
                        "",
                        0,
                        "",
                        "",
                        "",
                        "",
                        Message.of("form.skipped", "why", Message.of("file.pdf"))),
                new Problem(
                        Severity.REJECTED,
                        "tables/a.csv",
                        "",
                        5,
                        "A5",
                        "code",
                        "CDCS-999",
                        "CDCS-999",
                        Message.of("code.not_in_registry", "code", "CDCS-999")));
        List<FileReport> files = List.of(
                new FileReport(
                        "forms/CDCS-010 (bản scan).pdf",
                        IngestRecord.Source.FORM,
                        false,
                        Message.of("file.pdf"),
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        ""),
                new FileReport("tables/a.csv", IngestRecord.Source.TABLE, true, null, 4, 2, 84, 42, 1, 1, "CDCS-001"));
        ResultRow scored = new ResultRow(
                "CDCS-001",
                "Công đoàn A",
                "K1",
                BigDecimal.TEN,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("77.5"),
                "TOT",
                "TOT",
                false,
                1,
                1,
                "",
                false,
                BigDecimal.ZERO,
                "",
                "",
                "",
                "");

        List<FeedbackLetters.Letter> letters = FeedbackLetters.of(
                REGISTRY,
                problems,
                files,
                List.of(scored),
                Set.of("CDCS-002", "CDCS-003", "CDCS-010"),
                "registry.csv",
                List.of(),
                Map.of());

        assertThat(letters)
                .extracting(l -> l.branch().code())
                .containsExactly("CDCS-001", "CDCS-002", "CDCS-003", "CDCS-010");
        FeedbackLetters.Letter corrected = letters.get(0);
        assertThat(corrected.submitted()).isTrue();
        assertThat(corrected.provisional().total()).isEqualByComparingTo("77.5");
        assertThat(corrected.items()).singleElement().satisfies(i -> {
            assertThat(i.cell()).isEqualTo("C2");
            assertThat(i.what()).isEqualTo("Giá trị '8,5' được đọc là 8,5 (dấu phẩy thập phân).");
        });
        assertThat(letters.get(1).items()).singleElement().satisfies(i -> {
            assertThat(i.what()).isEqualTo("Điểm 12 vượt điểm tối đa 10 của tiêu chí A2.");
            assertThat(i.todo()).isEqualTo("Chấm lại trong khoảng từ 0 đến 10.");
        });
        assertThat(letters.get(2).items())
                .as("the registry is the office's own file, not the branch's")
                .isEmpty();
        assertThat(letters.get(2).submitted()).isFalse();
        assertThat(letters.get(3).items())
                .as("an unreadable file goes to the branch its name starts with")
                .singleElement()
                .satisfies(i -> assertThat(i.what()).isEqualTo("Tệp là PDF (bản chụp), không phải bảng tính."));
    }

    @Test
    void aSignalAboutItsOwnFormGoesIntoTheBranchsLetterWithoutNamingOthersAndOneForTheCouncilDoesNot() {
        ResultRow a = new ResultRow(
                "CDCS-001",
                "Công đoàn A",
                "K1",
                BigDecimal.TEN,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("95"),
                "XS",
                "XS",
                false,
                1,
                1,
                "",
                false,
                BigDecimal.ZERO,
                "",
                "",
                "",
                "");
        ResultRow c = new ResultRow(
                "CDCS-003",
                "Công đoàn C",
                "K2",
                BigDecimal.TEN,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("60"),
                "HT",
                "HT",
                false,
                1,
                2,
                "",
                false,
                new BigDecimal("12"),
                "",
                "",
                "",
                "");
        Signal copied = new Signal(
                "CDCS-001",
                "Công đoàn A",
                "K1",
                SignalKind.IDENTICAL_SCORES,
                Message.of(
                        "signal.identical",
                        "criteria",
                        "14",
                        "others",
                        Message.of("signal.others", "named", "CDCS-002 (Công đoàn B)", "more", 0)),
                new Signal.Letter(
                        Message.of("signal.identical_letter", "count", 1), Message.of("signal.own_assessment_asked")));
        Signal outlier = new Signal(
                "CDCS-003",
                "Công đoàn C",
                "K2",
                SignalKind.INFLATION_OUTLIER,
                Message.of(
                        "signal.inflation",
                        "inflation",
                        new BigDecimal("12"),
                        "scope",
                        "bloc",
                        "median",
                        BigDecimal.ONE,
                        "mad",
                        BigDecimal.ONE),
                null);
        Map<String, ScoredSource> sources = Map.of(
                "CDCS-001",
                new ScoredSource("forms/CDCS-001.xlsx", "Phiếu", 0, null),
                "CDCS-003",
                new ScoredSource("tables/a.csv", "", 4, null));

        List<FeedbackLetters.Letter> letters = FeedbackLetters.of(
                REGISTRY,
                List.of(),
                List.of(),
                List.of(a, c),
                Set.of("CDCS-002", "CDCS-010"),
                "registry.csv",
                List.of(copied, outlier),
                sources);

        assertThat(letters).extracting(l -> l.branch().code()).containsExactly("CDCS-001", "CDCS-002", "CDCS-010");
        assertThat(letters.get(0).items()).singleElement().satisfies(i -> {
            assertThat(i.signal()).isTrue();
            assertThat(i.file()).isEqualTo("forms/CDCS-001.xlsx");
            assertThat(i.sheet()).isEqualTo("Phiếu");
            assertThat(i.what())
                    .isEqualTo("Điểm tự chấm của đơn vị trùng khớp hoàn toàn với phiếu của 1 đơn vị khác.")
                    .doesNotContain("CDCS-002");
            assertThat(i.todo()).isEqualTo("Xác nhận đây là kết quả tự đánh giá của chính đơn vị.");
        });
    }

    @Test
    void aFileIsPutToTheLongestCodeItsNameStartsWith() {
        Set<String> codes = Set.of("CDCS-01", "CDCS-010", "X/1");
        assertThat(FileReport.ownerByName("forms/CDCS-010 (gửi lại).xlsx", codes))
                .isEqualTo("CDCS-010");
        assertThat(FileReport.ownerByName("forms/cdcs-01.xls", codes)).isEqualTo("CDCS-01");
        assertThat(FileReport.ownerByName("forms/CDCS-0101.xls", codes)).isNull();
        assertThat(FileReport.ownerByName("forms/phieu.xlsx", codes)).isNull();
    }

    @Test
    void aProblemWithNoWordOfItsOwnOnWhatToDoGetsTheGeneralRequest() {
        // a reason stored by an earlier version, as a sentence: shown as it is, with the general request
        List<FeedbackLetters.Letter> letters = FeedbackLetters.of(
                REGISTRY,
                List.of(
                        new Problem(
                                Severity.REJECTED,
                                "tables/a.csv",
                                "",
                                3,
                                "D3",
                                "A2",
                                "CDCS-002",
                                "x",
                                Message.decode("something new")),
                        new Problem(
                                Severity.NOTE,
                                "tables/a.csv",
                                "",
                                4,
                                "",
                                "",
                                "CDCS-001",
                                "",
                                Message.of("row.not_scored", "criteria", "C2, D1"))),
                List.of(),
                List.of(),
                Set.of("CDCS-002"),
                "registry.csv",
                List.of(),
                Map.of());
        assertThat(letters.get(0).items()).singleElement().satisfies(i -> {
            assertThat(i.what()).isEqualTo("Tiêu chí chưa chấm (để trống, tính 0 điểm): C2, D1.");
            assertThat(i.todo()).isEqualTo("Điền điểm tự chấm cho các tiêu chí này, nếu có.");
        });
        assertThat(letters.get(1).items()).singleElement().satisfies(i -> {
            assertThat(i.what()).isEqualTo("Something new.");
            assertThat(i.todo()).isEqualTo("Xem lại và sửa ô này rồi gửi lại.");
        });
    }

    /**
     * Letters are set in faces cut to Vietnamese; one quoting a character beyond them (Cyrillic typed in a cell) is set
     * in the whole faces, so every character a branch wrote is printed. Both kinds are the same bytes each time.
     */
    @Test
    void aLetterQuotingACharacterBeyondVietnameseIsSetInTheWholeFont() throws Exception {
        FeedbackLetterWriter writer = new FeedbackLetterWriter(
                Fixtures.rules2025(),
                new ReportSettings(null, null, null, null, null, null, null, null, null, null, null, null, null),
                new FeedbackSettings(true, null, null),
                ReportFonts.load(null),
                LocalDate.of(2026, 1, 5),
                "run",
                false);
        FeedbackLetters.Letter vietnamese = letter("Điểm 'tám rưỡi' không phải là một số.");
        FeedbackLetters.Letter cyrillic = letter("Điểm 'восемь' không phải là một số.");
        byte[] cut = writer.pdf(vietnamese);
        byte[] whole = writer.pdf(cyrillic);
        assertThat(writer.pdf(vietnamese)).isEqualTo(cut);
        assertThat(writer.pdf(cyrillic)).isEqualTo(whole);
        assertThat(text(cut)).contains("'tám rưỡi'", "Ban Chấp hành Công đoàn Trường Tiểu học Kỳ Anh");
        assertThat(text(whole)).contains("'восемь'", "Ban Chấp hành Công đoàn Trường Tiểu học Kỳ Anh");
        assertThat(whole.length)
                .as("the whole faces' subsets are deflated, the cut ones' stored")
                .isLessThan(cut.length);
    }

    /**
     * A validation run's letter asks for the form again by the deadline; a final run's, when nothing can be sent again,
     * says what was not counted and where to object.
     */
    @Test
    void aFinalRunsLetterSaysWhatWasNotCountedNotToSendAgain() throws Exception {
        FeedbackLetters.Letter rejected = letter("Điểm 'tốt' không phải là một số.");
        String validation = text(writer(false).pdf(rejected));
        String last = text(writer(true).pdf(rejected));
        assertThat(validation).contains("gửi lại phiếu đã sửa trước ngày 15/01/2026");
        assertThat(last)
                .contains("Những nội dung bị từ chối nêu trên không được tính vào kết quả đánh giá, xếp loại năm 2025.")
                .contains("gửi văn bản đến Hội đồng Thi đua - Khen thưởng trước ngày 15/01/2026")
                .doesNotContain("gửi lại phiếu", "tạm tính");
    }

    private static FeedbackLetterWriter writer(boolean finalRun) {
        return new FeedbackLetterWriter(
                Fixtures.rules2025(),
                new ReportSettings(null, null, null, null, null, null, null, null, null, null, null, null, null),
                new FeedbackSettings(true, null, null),
                ReportFonts.load(null),
                LocalDate.of(2026, 1, 5),
                "run",
                finalRun);
    }

    private static FeedbackLetters.Letter letter(String what) {
        return new FeedbackLetters.Letter(
                new Branch("CDCS-001", "Công đoàn Trường Tiểu học Kỳ Anh", "K1"),
                List.of(new FeedbackLetters.Item(
                        Severity.REJECTED, "tables/a.csv", "", 3, "D3", what, "Sửa ô này.", false)),
                null,
                true);
    }

    private static String text(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
