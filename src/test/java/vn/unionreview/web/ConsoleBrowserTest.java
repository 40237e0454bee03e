package vn.unionreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import vn.unionreview.EnglishLeaks;
import vn.unionreview.Fixtures;
import vn.unionreview.RequiredTool;
import vn.unionreview.Slow;
import vn.unionreview.cli.CliRun;

/**
 * The console as office staff use it, in Debian's headless Chromium (installed by .ci/chromium.sh): sign in, upload the
 * sample year's forms, start a run and watch it finish, open the run's page, download report.pdf, and find it byte for
 * byte what the command line writes for the same input.
 */
@Slow // a browser
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where the screenshots go; the README's picture of the console is one of them. */
    static final Path SCREENSHOTS = Path.of("target/console-screenshots");

    @TempDir
    Path root;

    private ConfigurableApplicationContext console;
    private WebDriver browser;
    private String base;

    @BeforeEach
    void start() throws Exception {
        RequiredTool.require(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/chromium.sh installs them)");
        Path year = Fixtures.copySampleYear(root.resolve("input/2025"));
        deleteTree(year.resolve("forms")); // the forms come through the browser
        console = ConsoleApplication.start(
                new ConsoleApplication.Binding("127.0.0.1", 0),
                root.resolve("input"),
                root.resolve("output"),
                "--union-review.web.users[0].name=hoa",
                "--union-review.web.users[0].role=staff",
                "--union-review.web.users[0].password=" + new BCryptPasswordEncoder().encode("mật khẩu của Hoa"));
        base = "http://127.0.0.1:" + console.getEnvironment().getProperty("local.server.port");
        Files.createDirectories(root.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1400",
                "--lang=vi",
                "--user-data-dir=" + root.resolve("chromium-profile"));
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        root.resolve("downloads").toString(),
                        "download.prompt_for_download",
                        false,
                        "plugins.always_open_pdf_externally",
                        true));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.close();
        }
    }

    @Test
    void staffUploadFormsRunTheYearAndDownloadTheSameReportTheCommandLineWrites() throws Exception {
        browser.get(base + "/years/2025");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("hoa");
        browser.findElement(By.id("password")).sendKeys("mật khẩu của Hoa");
        browser.findElement(By.id("sign-in")).click();
        browser.get(base + "/");
        assertThat(browser.findElement(By.id("years")).getText())
                .contains("2025")
                .contains("63");
        speaksVietnamese("the first page");
        browser.findElement(By.linkText("2025")).click();

        List<String> forms;
        try (Stream<Path> files = Files.list(Path.of("input/2025/forms"))) {
            forms = files.map(p -> p.toAbsolutePath().toString()).sorted().toList();
        }
        browser.findElement(By.id("files")).sendKeys(String.join("\n", forms));
        browser.findElement(By.id("upload-button")).click();
        String uploaded = browser.findElement(By.id("upload-result")).getText();
        assertThat(uploaded)
                .contains("CDCS-036.xlsx")
                .contains("phiếu tự chấm điểm → forms/CDCS-036.xlsx")
                // refused in the page's language, with the job's reasons
                .contains("CDCS-061 (bản scan).pdf Không nhận: tệp là PDF (bản chụp), không phải bảng tính")
                .contains("CDCS-059.xlsx Không nhận: tệp có đặt mật khẩu nên không đọc được")
                .contains("CDCS-062.xls Không nhận: tệp bị hỏng");
        // the three files the job would not read are refused at once; the other 27 are in forms/
        assertThat(browser.findElements(By.cssSelector("#upload-result tr.accepted")))
                .as(uploaded)
                .hasSize(forms.size() - 3);
        assertThat(browser.findElements(By.cssSelector("#upload-result tr.refused")))
                .hasSize(3);

        browser.findElement(By.id("run-final")).click();
        WebElement done = new WebDriverWait(browser, Duration.ofMinutes(3))
                .until(d -> d.findElements(By.id("progress-run")).stream()
                        .findFirst()
                        .orElse(null));
        String progress = browser.findElement(By.id("progress-lines")).getText();
        assertThat(progress)
                .contains("  danh sách CĐCS: 63 công đoàn cơ sở trong registry.csv")
                .contains("  phiếu tự chấm: đọc 27 phiếu: nhận 24, loại 3; mọi tệp đều đọc được")
                .contains(
                        "Xếp loại: Hoàn thành xuất sắc nhiệm vụ 6, Hoàn thành tốt nhiệm vụ 28, Hoàn thành nhiệm vụ 20, Không hoàn thành nhiệm vụ 0.");
        assertThat(browser.findElement(By.id("progress-state")).getText()).contains("Kết thúc: hoàn thành.");
        assertThat(browser.findElement(By.id("inputs")).getText())
                .as("the page shows the run's reading of each file")
                .contains("forms/CDCS-036.xlsx 7")
                .contains("đã đọc 1 0");
        speaksVietnamese("the year's page, after uploads and a run");
        screenshot("year");
        done.click();

        String runId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Năm 2025, lần chạy " + runId);
        assertThat(browser.findElement(By.id("summary")).getText())
                .contains("Xếp loại: Hoàn thành xuất sắc nhiệm vụ 6");
        Long chartWidth = (Long) ((JavascriptExecutor) browser)
                .executeScript("return document.getElementById('tiers-chart').naturalWidth");
        assertThat(chartWidth).as("the tiers chart is served and drawn").isGreaterThan(100L);
        // the files the run read, each with the upload that placed it; then who started the run
        assertThat(browser.findElement(By.id("provenance-inputs")).getText())
                .contains("forms/CDCS-036.xlsx")
                .contains("hoa, ")
                .contains("registry.csv")
                .contains("không qua bảng điều khiển");
        assertThat(browser.findElement(By.id("provenance-actions")).getText())
                .contains("hoa")
                .contains("bắt đầu chạy");
        speaksVietnamese("the run's page");
        screenshot("run");

        browser.findElement(By.linkText("report.pdf")).click();
        Path downloaded = root.resolve("downloads/report.pdf");
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(d -> Files.isRegularFile(downloaded)
                        && !Files.exists(root.resolve("downloads/report.pdf.crdownload")));

        CliRun cli = CliRun.of(
                "run",
                "--year",
                "2025",
                "--input",
                root.resolve("input").toString(),
                "--output",
                root.resolve("cli-output").toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(Path.of(cli.lastLine()).getFileName().toString())
                .as("the same input is the same run")
                .isEqualTo(runId);
        assertThat(downloaded).hasSameBinaryContentAs(Path.of(cli.lastLine()).resolve("report.pdf"));
    }

    /** The page as the browser shows it holds no English sentence of the catalogues. */
    private void speaksVietnamese(String page) {
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).as(page).isNotBlank();
        assertThat(EnglishLeaks.in(text)).as("English on %s", page).isEmpty();
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
