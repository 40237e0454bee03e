package vn.unionreview.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.RequiredTool;
import vn.unionreview.Slow;
import vn.unionreview.audit.Publications;
import vn.unionreview.cli.CliRun;
import vn.unionreview.run.RunFile;
import vn.unionreview.year.Publisher;

/**
 * A key that never leaves its token: SoftHSM2 (Debian's PKCS#11 token in software) holds the competent person's key,
 * the JDK's SunPKCS11 provider reaches it through a configuration file naming the library and slot, as for a USB token,
 * and {@code publish --sign} signs the decision with it; the token's PIN is the password.
 */
@Slow // a PKCS#11 token (SoftHSM2) and pdfsig
class TokenSigningTest {

    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String PIN = "246810";
    private static final String LABEL =
            "union-review-test-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    static Path dir;

    static Path config;

    @BeforeAll
    static void aTokenHoldingTheSignersKey() throws Exception {
        RequiredTool.require(
                Files.isRegularFile(LIBRARY) && Files.isExecutable(Path.of("/usr/bin/softhsm2-util")),
                "SoftHSM2 (Debian softhsm2; .ci/run installs it)");
        String init =
                run("softhsm2-util", "--init-token", "--free", "--label", LABEL, "--pin", PIN, "--so-pin", "135790");
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(init);
        assertThat(slot.find()).as(init).isTrue();
        config = Files.writeString(
                dir.resolve("token.cfg"),
                "name = UnionReviewTest\nlibrary = " + LIBRARY + "\nslot = " + slot.group(1) + "\n");
        // the key goes onto the token once, as a CA's enrolment does; from then on it signs there
        ThrowawayCa ca = new ThrowawayCa("CA thử nghiệm");
        Path p12 = ca.issuePkcs12("Nguyễn Thị Minh Hằng", dir.resolve("chu-tich.p12"), "tam-thoi".toCharArray());
        KeyStore file = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            file.load(in, "tam-thoi".toCharArray());
        }
        Provider token = Security.getProvider("SunPKCS11").configure(config.toString());
        KeyStore onToken = KeyStore.getInstance("PKCS11", token);
        onToken.load(null, PIN.toCharArray());
        onToken.setKeyEntry(
                "chu-tich",
                file.getKey("signing", "tam-thoi".toCharArray()),
                PIN.toCharArray(),
                file.getCertificateChain("signing"));
    }

    @AfterAll
    static void removeTheToken() throws Exception {
        if (Files.isExecutable(Path.of("/usr/bin/softhsm2-util"))) {
            run("softhsm2-util", "--delete-token", "--token", LABEL);
        }
    }

    @Test
    void theDecisionIsSignedWithTheKeyOnTheToken() throws Exception {
        Path output = dir.resolve("output");
        CliRun run = CliRun.of("run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path runDir = Path.of(run.lastLine());
        SigningKey key = SigningKey.pkcs11(config, PIN.toCharArray());
        assertThat(key.provider()).isNotNull();
        assertThat(key.privateKey().getEncoded())
                .as("the key stays on the token")
                .isNull();

        System.setProperty("union-review.signing.pkcs11", config.toString());
        Publications.Publication published;
        try {
            published = Publisher.publish(
                            output,
                            2025,
                            null,
                            "123/QĐ-CĐVC",
                            LocalDate.of(2026, 1, 20),
                            null,
                            null,
                            (file, role) -> PIN.toCharArray())
                    .publication();
        } finally {
            System.clearProperty("union-review.signing.pkcs11");
        }
        assertThat(published.signatures())
                .hasSize(3)
                .allSatisfy(s -> assertThat(s.subject()).contains("CN=Nguyễn Thị Minh Hằng"));
        List<DecisionSigning.Found> found = DecisionSigning.check(RunFile.DECISION_PDF.in(runDir));
        assertThat(found).hasSize(3).allMatch(DecisionSigning.Found::intact);
        String pdfsig = run("pdfsig", RunFile.DECISION_PDF.in(runDir).toString());
        assertThat(pdfsig.split("Signature Validation: Signature is Valid.", -1))
                .as(pdfsig)
                .hasSize(4);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
