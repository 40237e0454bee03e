package vn.unionreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import vn.unionreview.Fixtures;
import vn.unionreview.cli.CliRun;

/** When the console starts, on which address, and with whom: it never serves other computers without sign-in. */
class ConsoleStartTest {

    @TempDir
    Path output;

    @Test
    void servingBeyondThisComputerWithoutUsersIsRefusedAtStart() {
        CliRun run = assertTimeoutPreemptively(
                Duration.ofSeconds(90), () -> CliRun.of("serve", "--http", "0.0.0.0:0", "--output", output.toString()));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "Bảng điều khiển không khởi động được: Không mở bảng điều khiển cho máy khác khi chưa có đăng nhập")
                .contains("union-review.web.users")
                .doesNotContain("Exception");
    }

    @Test
    void anAddressThatIsNotHostAndPortIsABadUsage() {
        CliRun run = CliRun.of("serve", "--http", "8080");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--http: cần dạng MÁY:CỔNG");
        assertThat(ConsoleApplication.Binding.parse(":8081"))
                .isEqualTo(new ConsoleApplication.Binding("127.0.0.1", 8081));
        assertThat(ConsoleApplication.Binding.parse("[::1]:80").loopback()).isTrue();
        assertThat(ConsoleApplication.Binding.parse("0.0.0.0:80").loopback()).isFalse();
    }

    @Test
    void aUserWhosePasswordIsNotABcryptHashStopsTheStart() {
        assertThatThrownBy(() -> ConsoleApplication.start(
                                new ConsoleApplication.Binding("127.0.0.1", 0),
                                Path.of("input"),
                                output,
                                "--union-review.web.users[0].name=hoa",
                                "--union-review.web.users[0].password=secret",
                                "--union-review.web.users[0].role=staff")
                        .close())
                .hasRootCauseInstanceOf(ConsoleApplication.RefusedException.class)
                .rootCause()
                .hasMessageContaining("union-review.web.users[0].password: expected a bcrypt hash");
    }

    @Test
    void passwordHashMakesTheHashTheConsoleChecks() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("mật khẩu của Hoa\n".getBytes(StandardCharsets.UTF_8)));
            CliRun run = CliRun.of("password-hash");
            assertThat(run.exitCode()).isZero();
            assertThat(new BCryptPasswordEncoder().matches("mật khẩu của Hoa", run.lastLine()))
                    .isTrue();
            System.setIn(new ByteArrayInputStream("ngắn\n".getBytes(StandardCharsets.UTF_8)));
            CliRun tooShort = CliRun.of("password-hash");
            assertThat(tooShort.exitCode()).isEqualTo(2);
            assertThat(tooShort.err()).contains("Mật khẩu cần ít nhất 10 ký tự.");
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void onThisComputerAloneTheConsoleNeedsNoSignInButStillChecksCsrf() throws Exception {
        try (ConfigurableApplicationContext console =
                ConsoleApplication.start(new ConsoleApplication.Binding("127.0.0.1", 0), Path.of("input"), output)) {
            String base = "http://127.0.0.1:" + console.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> index = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body())
                    .contains("Các năm đánh giá")
                    .contains("href=\"/years/2025\"")
                    .contains(System.getProperty("user.name") + " (local)");
            HttpResponse<String> english = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/?lang=en")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(english.body()).contains("Evaluation years");
            HttpResponse<String> forged = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/years/2025/runs"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("kind=FINAL"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(403);
            String rebound = rawGet(
                    Integer.parseInt(console.getEnvironment().getProperty("local.server.port")), "evil.example:8080");
            assertThat(rebound)
                    .as("another host name pointed at this computer")
                    .startsWith("HTTP/1.1 421")
                    .doesNotContain("_csrf");
            assertThat(rawGet(Integer.parseInt(console.getEnvironment().getProperty("local.server.port")), "localhost"))
                    .startsWith("HTTP/1.1 200");
            assertThat(index.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        }
    }

    /** A GET of / with the Host header given (java.net.http will not send another host's name). */
    private static String rawGet(int port, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A form turned away says why in words one can act on: over HTTPS (here as a TLS proxy in front says, with
     * X-Forwarded-Proto) the page expired; over plain HTTP from another computer, sign-in needs HTTPS, which the
     * sign-in page says before anyone tries.
     */
    @Test
    void aRefusedFormSaysThePageExpiredOrThatHttpsIsNeeded() throws Exception {
        String hash = new BCryptPasswordEncoder().encode("mật khẩu đủ dài");
        try (ConfigurableApplicationContext console = ConsoleApplication.start(
                new ConsoleApplication.Binding("127.0.0.1", 0),
                Path.of("input"),
                output,
                "--union-review.web.users[0].name=hoa",
                "--union-review.web.users[0].password=" + hash,
                "--union-review.web.users[0].role=staff",
                "--union-review.web.loopback=false")) {
            String base = "http://127.0.0.1:" + console.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.body()).contains("đăng nhập cần HTTPS");
            HttpRequest.Builder signIn = HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString("username=hoa&password=x"));
            HttpResponse<String> plain = http.send(signIn.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(403);
            assertThat(plain.body())
                    .contains("bảng điều khiển cần HTTPS")
                    .doesNotContain("Tài khoản của bạn không được");
            HttpResponse<String> expired = http.send(
                    signIn.header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(expired.statusCode()).isEqualTo(403);
            assertThat(expired.body()).contains("Trang đã hết hạn").contains("Tải lại trang");
            HttpResponse<String> secureLogin = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("X-Forwarded-Proto", "https")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(secureLogin.body()).doesNotContain("đăng nhập cần HTTPS");
        }
    }

    /**
     * A long page asked for first, before any session: its forms' token is made before the page is sent, so it comes
     * whole.
     */
    @Test
    void aLongPageOpenedFirstComesWhole(@TempDir Path root) throws Exception {
        Fixtures.copySampleYear(root.resolve("input/2025"));
        CliRun run = CliRun.of(
                "run",
                "--year",
                "2025",
                "--input",
                root.resolve("input").toString(),
                "--output",
                root.resolve("output").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String runId = Path.of(run.lastLine()).getFileName().toString();
        try (ConfigurableApplicationContext console = ConsoleApplication.start(
                new ConsoleApplication.Binding("127.0.0.1", 0), root.resolve("input"), root.resolve("output"))) {
            String base = "http://127.0.0.1:" + console.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/years/2025/runs/" + runId))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body().length()).isGreaterThan(16_384); // longer than the server's buffer
            assertThat(page.body())
                    .contains("id=\"verify-button\"", "id=\"publish-button\"")
                    .endsWith("</html>\n");
        }
    }
}
