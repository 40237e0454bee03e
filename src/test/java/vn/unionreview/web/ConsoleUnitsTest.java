package vn.unionreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
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
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.FileSystemUtils;

import vn.unionreview.units.UnitBundles;

/**
 * A province's year page: its units with what the next run will make of each bundle, and bundles uploaded by staff,
 * checked as the run checks them, with what it would refuse refused at once.
 */
@SpringBootTest(classes = ConsoleApplication.class)
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleUnitsTest {

    static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory("console-units");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("union-review.web.input-dir", () -> ROOT.resolve("input").toString());
        registry.add("union-review.web.output-dir", () -> ROOT.resolve("output").toString());
    }

    @BeforeAll
    static void aProvinceYearWithThreeUnits() throws Exception {
        UnitBundles.provinceYear(ROOT);
    }

    @AfterAll
    static void removeTheFolders() {
        FileSystemUtils.deleteRecursively(ROOT.toFile());
    }

    @Test
    @Order(1)
    void theYearPageListsEachUnitWithWhatTheNextRunWillMakeOfItsBundle() throws Exception {
        String page = page(get("/years/2026").with(user("hoa").roles("STAFF")));
        assertThat(page)
                .contains("Đơn vị cấp dưới (3)")
                .containsSubsequence(
                        "P-TS",
                        "Công đoàn phường Thành Sen",
                        "được nhận",
                        "cong-doan-phuong-thanh-sen-2026-",
                        "01/QĐ, 10/12/2026")
                .containsSubsequence("X-TH", "bị từ chối", "chưa được ký số")
                .containsSubsequence("X-CX", "chưa gửi", "không có tệp chứng thư units/khong-co.pem");
        assertThat(page(get("/years/2026").param("lang", "en").with(user("hoa").roles("STAFF"))))
                .contains("Units beneath the province (3)", "nothing sent", "is not signed");
    }

    @Test
    @Order(2)
    void staffUploadBundlesAndCertificatesAndWhatTheRunWouldRefuseNeverLands() throws Exception {
        Path made = ROOT.resolve("later");
        Path later = UnitBundles.bundle(
                made,
                "Công đoàn phường Thành Sen",
                ROOT.resolve("ward.p12"),
                "final",
                "aaaaaaaaaaa2",
                "2026-12-15",
                "05/QĐ");
        Path validation = UnitBundles.bundle(
                made,
                "Công đoàn phường Thành Sen",
                ROOT.resolve("ward.p12"),
                "validation",
                "aaaaaaaaaaa3",
                "2026-12-16",
                "06/QĐ");
        Path stranger = UnitBundles.bundle(
                made, "Công đoàn phường Bắc Hà", null, "final", "ccccccccccc1", "2026-12-16", "03/QĐ");
        var staff = user("hoa").roles("STAFF");
        mvc.perform(MockMvcRequestBuilders.multipart("/years/2026/files")
                        .file(sent(later))
                        .file(sent(validation))
                        .file(sent(stranger))
                        .file(new MockMultipartFile(
                                "files",
                                "cam-xuyen.pem",
                                null,
                                Files.readAllBytes(ROOT.resolve("input/2026/units/ca.pem"))))
                        .file(new MockMultipartFile(
                                "files",
                                "gia.pem",
                                null,
                                "-----BEGIN CERTIFICATE-----\nabc\n".getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile(
                                "files", "hong.zip", null, "không phải zip".getBytes(StandardCharsets.UTF_8)))
                        .with(staff)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(ROOT.resolve("input/2026/units").resolve(later.getFileName()))
                .exists();
        assertThat(ROOT.resolve("input/2026/units/cam-xuyen.pem")).exists();
        assertThat(ROOT.resolve("input/2026/units").resolve(validation.getFileName()))
                .doesNotExist();
        assertThat(ROOT.resolve("input/2026/units").resolve(stranger.getFileName()))
                .doesNotExist();
        assertThat(ROOT.resolve("input/2026/units/gia.pem")).doesNotExist();
        assertThat(ROOT.resolve("input/2026/units/hong.zip")).doesNotExist();
        String page = page(get("/years/2026").with(staff));
        // the later publication stands; the first is replaced by it
        assertThat(page)
                .containsSubsequence(
                        "P-TS", "đã được thay bằng gói gửi sau", "cong-doan-phuong-thanh-sen-2026-aaaaaaaaaaa1")
                .containsSubsequence("P-TS", "được nhận", "05/QĐ, 15/12/2026")
                // the activity record says what each upload was, and why one was refused
                .contains("gói kết quả của đơn vị", "chứng thư số của đơn vị")
                .contains("lần chạy kiểm tra", "không phải chứng thư số", "không phải tệp zip")
                .containsSubsequence("ccccccccccc1.zip", "Công đoàn phường Bắc Hà, đơn vị không có trong danh sách");
        Files.writeString(ROOT.resolve("input/2026/decisions.yaml"), """
                format: union-review/decisions/v1
                meeting: {number: "07/BB-HĐTĐKT", date: 2026-12-18}
                returns:
                  - {unit: P-TS, reason: "Biên bản họp xét chưa có chữ ký"}
                """);
        assertThat(page(get("/years/2026").with(staff)))
                .containsSubsequence("P-TS", "Hội đồng trả lại để đơn vị sửa", "Biên bản họp xét chưa có chữ ký");
    }

    private static MockMultipartFile sent(Path bundle) throws IOException {
        return new MockMultipartFile("files", bundle.getFileName().toString(), null, Files.readAllBytes(bundle));
    }

    private String page(RequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
