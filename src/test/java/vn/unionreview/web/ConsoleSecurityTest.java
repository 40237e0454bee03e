package vn.unionreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.unionreview.Fixtures;

/**
 * The console's rules of who may do what, request by request, with users configured: sign-in first, CSRF on every form,
 * staff-only and auditor-only actions, no way out of the input and output folders.
 */
@SpringBootTest(classes = ConsoleApplication.class)
@AutoConfigureMockMvc
class ConsoleSecurityTest {

    static final Path ROOT;
    static final String PASSWORD = "mật khẩu đủ dài";

    static {
        try {
            ROOT = Files.createTempDirectory("console-security");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        String hash = new BCryptPasswordEncoder().encode(PASSWORD);
        registry.add("union-review.web.input-dir", () -> ROOT.resolve("input").toString());
        registry.add("union-review.web.output-dir", () -> ROOT.resolve("output").toString());
        registry.add("union-review.web.loopback", () -> "false");
        String[][] users = {{"hoa", "staff"}, {"lanh-dao", "leader"}, {"kiem-toan", "auditor"}};
        for (int i = 0; i < users.length; i++) {
            int n = i;
            registry.add("union-review.web.users[" + i + "].name", () -> users[n][0]);
            registry.add("union-review.web.users[" + i + "].password", () -> hash);
            registry.add("union-review.web.users[" + i + "].role", () -> users[n][1]);
        }
    }

    @BeforeAll
    static void sampleYear() throws Exception {
        Fixtures.copySampleYear(ROOT.resolve("input/2025"));
    }

    @Test
    void aPageAsksToSignInFirst() throws Exception {
        mvc.perform(get("/years/2025")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void signingInWithTheConfiguredPasswordWorksAndAWrongOneDoesNot() throws Exception {
        mvc.perform(post("/login")
                        .param("username", "hoa")
                        .param("password", PASSWORD)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login")
                        .param("username", "hoa")
                        .param("password", "sai")
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aLeaderReadsButMayNotUploadRunOrPublish() throws Exception {
        var leader = user("lanh-dao").roles("LEADER");
        mvc.perform(get("/years/2025").with(leader)).andExpect(status().isOk());
        mvc.perform(post("/years/2025/runs").param("kind", "FINAL").with(leader).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/years/2025/files")
                        .file(form("CDCS-001.xlsx"))
                        .with(leader)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/years/2025/runs/0123456789ab/publish")
                        .param("number", "1/QĐ")
                        .param("date", "2026-01-20")
                        .with(leader)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/years/2025/runs/0123456789ab/verify").with(leader).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void staffMayNotVerifyAndAnAuditorMayNotRun() throws Exception {
        mvc.perform(post("/years/2025/runs/0123456789ab/verify")
                        .with(user("hoa").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/years/2025/runs")
                        .param("kind", "VALIDATION")
                        .with(user("kiem-toan").roles("AUDITOR"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/years/2025/runs")
                        .param("kind", "FINAL")
                        .with(user("hoa").roles("STAFF")))
                .andExpect(status().isForbidden());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUploadNamedOutsideTheYearIsRefusedAndWritesNothingThere() throws Exception {
        var result = mvc.perform(multipart("/years/2025/files")
                        .file(new MockMultipartFile(
                                "files",
                                "../../escaped.xlsx",
                                null,
                                Files.readAllBytes(Path.of("input/2025/forms/CDCS-036.xlsx"))))
                        .file(new MockMultipartFile("files", "..\\escaped.csv", null, "code\n".getBytes()))
                        .with(user("hoa").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("uploaded"))
                .andReturn();
        List<Uploads.Outcome> outcomes =
                (List<Uploads.Outcome>) result.getFlashMap().get("uploaded");
        assertThat(outcomes).hasSize(2).allSatisfy(o -> {
            assertThat(o.accepted()).isFalse();
            assertThat(o.refusal().english()).contains("names a folder");
        });
        assertThat(ROOT.resolve("escaped.xlsx")).doesNotExist();
        assertThat(ROOT.resolve("input/escaped.xlsx")).doesNotExist();
        assertThat(ROOT.resolve("input/2025/escaped.csv")).doesNotExist();
    }

    @Test
    void nothingOutsideARunFolderIsServed() throws Exception {
        Path run = Files.createDirectories(ROOT.resolve("output/2025/0123456789ab"));
        Files.writeString(run.resolve("summary.txt"), "Registry: 1 branch.\n");
        Files.writeString(ROOT.resolve("output/2025/secret.txt"), "not a run's file");
        Files.writeString(run.resolve(".hidden"), "hidden");
        var reader = user("lanh-dao").roles("LEADER");
        mvc.perform(get("/years/2025/runs/0123456789ab/files/summary.txt").with(reader))
                .andExpect(status().isOk());
        for (String path : List.of(
                "../secret.txt", "..%2Fsecret.txt", "%2e%2e/secret.txt", ".hidden", "charts/../../secret.txt")) {
            int code = mvc.perform(
                            get("/years/2025/runs/0123456789ab/files/" + path).with(reader))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(code).as(path).isIn(400, 404);
        }
        mvc.perform(get("/years/2025/runs/..%2F..%2Finput/files/registry.csv").with(reader))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isIn(400, 404));
        assertThat(RunController.inside(run, "summary.txt")).isEqualTo(run.resolve("summary.txt"));
    }

    private static MockMultipartFile form(String name) throws IOException {
        return new MockMultipartFile(
                "files", name, null, Files.readAllBytes(Path.of("input/2025/forms/CDCS-036.xlsx")));
    }

    @Test
    void repeatedWrongPasswordsAreSlowedPerUserAndAddress() throws Exception {
        RequestPostProcessor elsewhere = request -> {
            request.setRemoteAddr("192.0.2.7"); // an address of its own: other tests' wrong passwords do not count here
            return request;
        };
        for (int i = 0; i < LoginThrottle.FREE; i++) {
            mvc.perform(post("/login")
                            .param("username", "lanh-dao")
                            .param("password", "sai " + i)
                            .with(csrf())
                            .with(elsewhere))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // from then on each attempt must wait, twice as long after each failure: even the right password is turned away
        // unchecked
        mvc.perform(post("/login")
                        .param("username", "lanh-dao")
                        .param("password", PASSWORD)
                        .with(csrf())
                        .with(elsewhere))
                .andExpect(redirectedUrl("/login?wait=1"));
        String page = mvc.perform(get("/login").param("wait", "1"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Đã nhập sai nhiều lần: đợi 1 giây rồi thử lại.");
    }
}
