package vn.unionreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import vn.unionreview.Fixtures;
import vn.unionreview.audit.Publications;
import vn.unionreview.cli.CliRun;
import vn.unionreview.run.RunLock;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Message;
import vn.unionreview.year.Replay;

/**
 * A completed run as the console shows it, and what auditors and staff do to it: verify, then publish, each recorded by
 * name.
 */
@SpringBootTest(classes = ConsoleApplication.class)
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleRunPageTest {

    static final Path ROOT;
    static String runId;

    static {
        try {
            ROOT = Files.createTempDirectory("console-run-page");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ConsoleVerifications verifications;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("union-review.web.input-dir", () -> ROOT.resolve("input").toString());
        registry.add("union-review.web.output-dir", () -> ROOT.resolve("output").toString());
    }

    @BeforeAll
    static void aCompletedRunFromTheCommandLine() throws Exception {
        Fixtures.copySampleYear(ROOT.resolve("input/2025"));
        CliRun run = CliRun.of(
                "run",
                "--year",
                "2025",
                "--input",
                ROOT.resolve("input").toString(),
                "--output",
                ROOT.resolve("output").toString(),
                "--report-date",
                "2026-01-05");
        assertThat(run.exitCode()).as(run.err()).isZero();
        runId = Path.of(run.lastLine()).getFileName().toString();
    }

    @Test
    @Order(1)
    void theYearAndRunPagesShowWhatTheRunWrote() throws Exception {
        var leader = user("lanh-dao").roles("LEADER");
        String index = page(get("/").with(leader));
        assertThat(index)
                .contains(
                        "<td class=\"num\">63</td>",
                        "<td class=\"num\">54</td>",
                        "<td class=\"num\">7</td>",
                        "<td class=\"num\">2</td>",
                        runId,
                        "hoàn thành");
        String year = page(get("/years/2025").with(leader));
        assertThat(year)
                .contains(
                        "Chưa nộp hoặc nộp nhưng không đọc được (9)",
                        "CDCS-007",
                        "forms/CDCS-061 (bản scan).pdf",
                        "không đọc được",
                        "tệp là PDF (bản chụp), không phải bảng tính")
                .doesNotContain("run-final"); // a leader gets no run buttons
        String run = page(get("/years/2025/runs/" + runId).with(leader));
        assertThat(run)
                .contains(
                        "Xếp loại: Hoàn thành xuất sắc nhiệm vụ 6, Hoàn thành tốt nhiệm vụ 28",
                        "Thư phản hồi (24)",
                        "feedback/CDCS-003.pdf",
                        "results.xlsx",
                        "ngày báo cáo 2026-01-05")
                .doesNotContain("verify-button", "publish-button");
        // the run from the command line is on record, and the files it read are named from its manifest, none uploaded
        // here
        assertThat(run)
                .contains(
                        "bắt đầu chạy",
                        System.getProperty("user.name") + " (dòng lệnh)",
                        "kết thúc chạy",
                        "Chạy chính thức".toLowerCase(),
                        "provenance-inputs",
                        "forms/CDCS-061 (bản scan).pdf",
                        "— (không qua bảng điều khiển)");
        assertThat(Files.readAllBytes(ROOT.resolve("output/2025").resolve(runId).resolve("report.pdf")))
                .isEqualTo(mvc.perform(get("/years/2025/runs/" + runId + "/files/report.pdf")
                                .with(leader))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray());
    }

    @Test
    @Order(2)
    void aRunStartedElsewhereIsNamedInThePageLanguage() throws Exception {
        var leader = user("lanh-dao").roles("LEADER");
        try (var lock = RunLock.acquire(
                ROOT.resolve("output"),
                2025,
                Message.of("run.holder", "kind", "final", "by", "hoa", "time", "2026-01-05T08:30"))) {
            assertThat(page(get("/years/2025").with(leader)))
                    .contains(
                            "Đang có một lần chạy năm này: lần chạy chính thức do hoa bắt đầu lúc 2026-01-05T08:30 (tiến trình "
                                    + ProcessHandle.current().pid() + ")");
            assertThat(page(get("/years/2025").param("lang", "en").with(leader)))
                    .contains("A run of this year is in progress: pid "
                            + ProcessHandle.current().pid() + ": final run started by hoa at 2026-01-05T08:30");
        }
        assertThat(page(get("/years/2025").with(leader))).doesNotContain("running-elsewhere");
    }

    @Test
    @Order(3)
    void rejectedRowsFilterByBlocAndBranch() throws Exception {
        var leader = user("lanh-dao").roles("LEADER");
        String all = page(get("/years/2025/runs/" + runId).with(leader));
        String oneBranch =
                page(get("/years/2025/runs/" + runId).param("code", "cdcs-050").with(leader));
        assertThat(all).contains("CDCS-050", "CDCS-053");
        assertThat(oneBranch)
                .contains("giá trị &#39;tốt&#39; không phải là số")
                .doesNotContain("ô có công thức nhưng chưa có giá trị được lưu");
        String otherBloc = page(get("/years/2025/runs/" + runId)
                .param("bloc", "Khối Đảng, đoàn thể")
                .param("code", "CDCS-050")
                .with(leader));
        assertThat(otherBloc).contains("Không có dòng nào.");
    }

    @Test
    @Order(4)
    void anAuditorReplaysTheRunAndFindsItIdentical() throws Exception {
        var auditor = user("kiem-toan").roles("AUDITOR");
        mvc.perform(post("/years/2025/runs/" + runId + "/verify").with(auditor).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // the replay goes on in the background; the page says so until the verdict is in
        assertThat(page(get("/years/2025/runs/" + runId).with(auditor))).contains("verify-running", "kiem-toan");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (verifications
                        .of(2025, runId)
                        .map(ConsoleVerifications.Verification::running)
                        .orElse(true)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Replay.Result verdict = verifications.of(2025, runId).orElseThrow().result();
        assertThat(verdict.verdict())
                .as(String.join("\n", verdict.linesIn(Catalogue.of("en"))))
                .isEqualTo(Replay.Verdict.IDENTICAL);
        assertThat(page(get("/years/2025/runs/" + runId).with(auditor)))
                .contains("Trùng khớp hoàn toàn. (kiem-toan)")
                .contains(
                        "kiểm tra lại</td><td> trùng khớp</td>",
                        "bắt đầu chạy</td><td> chạy chính thức</td>",
                        "kết thúc chạy</td><td> hoàn thành</td>")
                .doesNotContain("verify-running", "IDENTICAL", "COMPLETED</td>");
        assertThat(Files.readString(ROOT.resolve("output/2025/activity.jsonl")))
                .contains("\"user\":\"kiem-toan\",\"action\":\"verify\"")
                .contains("IDENTICAL");
    }

    @Test
    @Order(5)
    void staffPublishOnceAndASecondPublicationNeedsAReason() throws Exception {
        var staff = user("hoa").roles("STAFF");
        mvc.perform(post("/years/2025/runs/" + runId + "/publish")
                        .param("number", "123/QĐ-CĐVC")
                        .param("date", "2026-01-20")
                        .with(staff)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        Publications publications = Publications.read(ROOT.resolve("output/2025"));
        assertThat(publications.active()).hasValueSatisfying(p -> {
            assertThat(p.run()).isEqualTo(runId);
            assertThat(p.number()).isEqualTo("123/QĐ-CĐVC");
        });
        assertThat(ROOT.resolve("output/2025").resolve(runId).resolve("decision.pdf"))
                .isRegularFile();
        assertThat(Files.readString(ROOT.resolve("output/2025/activity.jsonl")))
                .contains("\"user\":\"hoa\",\"action\":\"publish\"");
        String run = page(get("/years/2025/runs/" + runId).with(staff));
        // the publication in the page's words, not the command line's
        assertThat(run)
                .contains("ĐÃ CÔNG BỐ: quyết định số 123/QĐ-CĐVC ngày 2026-01-20", "decision.pdf", "hoa")
                .contains("công bố</td><td>decision.pdf quyết định số 123/QĐ-CĐVC ngày 2026-01-20</td>")
                .doesNotContain("publish-button", "PUBLISHED");

        MvcResult again = mvc.perform(post("/years/2025/runs/" + runId + "/publish")
                        .param("number", "130/QĐ-CĐVC")
                        .param("date", "2026-01-25")
                        .with(staff)
                        .with(csrf()))
                .andReturn();
        Message refusal = (Message) again.getFlashMap().get("publishError");
        assertThat(refusal.code()).isEqualTo("publish.published_before");
        assertThat(Catalogue.of("vi").render(refusal))
                .contains("đã được công bố trước đây: ĐÃ CÔNG BỐ: quyết định số 123/QĐ-CĐVC");
        assertThat(Publications.read(ROOT.resolve("output/2025")).publications())
                .hasSize(1);
    }

    @Test
    @Order(6)
    void anUploadIsRecordedInThePageLanguage() throws Exception {
        var staff = user("hoa").roles("STAFF");
        mvc.perform(MockMvcRequestBuilders.multipart("/years/2025/files")
                        .file(new MockMultipartFile(
                                "files",
                                "CDCS-036.xlsx",
                                null,
                                Files.readAllBytes(ROOT.resolve("input/2025/forms/CDCS-036.xlsx"))))
                        .with(staff)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/years/2025").with(staff))).contains("phiếu tự chấm điểm, thay tệp trước");
        assertThat(page(get("/years/2025").param("lang", "en").with(staff)))
                .contains("self-assessment form, replaced the earlier one");
    }

    private String page(RequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
