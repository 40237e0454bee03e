package vn.unionreview.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.assertj.core.data.Offset;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import vn.unionreview.Slow;
import vn.unionreview.audit.Publications;
import vn.unionreview.cli.CliRun;
import vn.unionreview.report.ReportFonts;
import vn.unionreview.run.RunFile;
import vn.unionreview.year.Publisher;

/**
 * {@code publish --sign}: the sample year published with two keys from a throwaway CA (the competent person's and the
 * agency's, as PKCS#12 files). decision.pdf carries three PAdES signatures, person, agency, agency on the annex, the
 * last covering the whole file, each valid for poppler's pdfsig (a tool no one here wrote) and for verify; the manifest
 * is signed and {@code verify --trust CA.pem} names its signer. One byte changed in either file and both say so.
 */
@Slow // poppler's pdfsig, and three replays
class SignedDecisionTest {

    // PKCS#12 files protect keys with an ASCII password (the JDK refuses others, as most CA tools do)
    private static final char[] PASSWORD = "mat-khau-thu-2026".toCharArray();

    @TempDir
    static Path dir;

    static Path output;
    static Path runDir;
    static Path caPem;
    static Publications.Publication publication;

    @BeforeAll
    static void publishTheSampleYearSigned() throws Exception {
        output = dir.resolve("output");
        CliRun run = CliRun.of("run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05");
        assertThat(run.exitCode()).as(run.err()).isZero();
        runDir = Path.of(run.lastLine());
        ThrowawayCa ca = new ThrowawayCa("CA thử nghiệm");
        caPem = ca.writePem(dir.resolve("ca.pem"));
        Path person = ca.issuePkcs12("Nguyễn Thị Minh Hằng", dir.resolve("chu-tich.p12"), PASSWORD);
        Path agency = ca.issuePkcs12("Công đoàn Viên chức tỉnh Hà Tĩnh", dir.resolve("co-quan.p12"), PASSWORD);
        System.setProperty("union-review.signing.pkcs12", person.toString());
        System.setProperty("union-review.signing.agency-pkcs12", agency.toString());
        try {
            publication = Publisher.publish(
                            output,
                            2025,
                            null,
                            "123/QĐ-CĐVC",
                            LocalDate.of(2026, 1, 20),
                            null,
                            null,
                            (file, role) -> PASSWORD.clone())
                    .publication();
        } finally {
            System.clearProperty("union-review.signing.pkcs12");
            System.clearProperty("union-review.signing.agency-pkcs12");
        }
    }

    @Test
    void theDecisionCarriesThePersonsThenTheAgencysSignaturesTheLastCoveringTheWholeFile() throws Exception {
        assertThat(publication.signatures())
                .extracting(Publications.Signature::role)
                .containsExactly("person", "agency", "agency-annex");
        assertThat(publication.signatures().get(0).subject()).contains("CN=Nguyễn Thị Minh Hằng");
        assertThat(publication.signatures().get(1).subject()).contains("CN=Công đoàn Viên chức tỉnh Hà Tĩnh");
        assertThat(publication.signatures())
                .allSatisfy(s -> assertThat(s.time()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00"));
        List<DecisionSigning.Found> found = DecisionSigning.check(RunFile.DECISION_PDF.in(runDir));
        assertThat(found).hasSize(3).allMatch(DecisionSigning.Found::intact);
        assertThat(found).extracting(DecisionSigning.Found::coversWholeFile).containsExactly(false, false, true);
        assertThat(Publications.read(output.resolve("2025"))
                        .active()
                        .orElseThrow()
                        .signatures())
                .isEqualTo(publication.signatures());
        assertThat(CliRun.of("show", runDir.toString()).out())
                .contains(
                        "decision.pdf đã được ký số: người có thẩm quyền Nguyễn Thị Minh Hằng,"
                                + " cơ quan Công đoàn Viên chức tỉnh Hà Tĩnh, cơ quan trên phụ lục Công đoàn Viên chức tỉnh Hà Tĩnh");
    }

    @Test
    void popplersPdfsigFindsThreeValidSignaturesTheLastOverTheWholeDocument() throws Exception {
        String report = pdfsig(RunFile.DECISION_PDF.in(runDir));
        assertThat(report)
                .contains("Signature #1", "Signature #2", "Signature #3")
                .contains(
                        "Signer Certificate Common Name: Nguyễn Thị Minh Hằng",
                        "Signer Certificate Common Name: Công đoàn Viên chức tỉnh Hà Tĩnh")
                .contains("Signature Type: ETSI.CAdES.detached");
        assertThat(report.split("Signature Validation: Signature is Valid.", -1))
                .as(report)
                .hasSize(4);
        assertThat(report.substring(report.indexOf("Signature #3"))).contains("Total document signed");
    }

    @Test
    void verifyChecksTheSignaturesAndTheSignedManifestAgainstTheCaGiven() throws Exception {
        assertThat(ManifestSignature.of(RunFile.MANIFEST.in(runDir))).isRegularFile();
        CliRun verify = CliRun.of(
                "verify",
                "--trust",
                caPem.toString(),
                RunFile.MANIFEST.in(runDir).toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out())
                .contains(
                        "manifest.json được ký bởi Công đoàn Viên chức tỉnh Hà Tĩnh lúc ",
                        "+07:00",
                        "dẫn về chứng thư được tin cậy (CA thử nghiệm)",
                        "trùng khớp");
        // another CA's certificate is not trusted
        Path other = new ThrowawayCa("CA khác").writePem(dir.resolve("other.pem"));
        CliRun untrusted = CliRun.of(
                "verify",
                "--trust",
                other.toString(),
                RunFile.MANIFEST.in(runDir).toString());
        assertThat(untrusted.exitCode()).isEqualTo(1);
        assertThat(untrusted.err()).contains("không dẫn về chứng thư được tin cậy (CA khác)");
    }

    @Test
    void oneByteChangedInTheDecisionOrTheManifestIsCaught() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("altered"));
        Path pdf = Files.copy(RunFile.DECISION_PDF.in(runDir), RunFile.DECISION_PDF.in(copy));
        flipAByteInTheMiddle(pdf);
        assertThat(DecisionSigning.check(pdf)).anyMatch(f -> !f.intact());
        assertThat(pdfsig(pdf)).containsAnyOf("Signature is Invalid", "Digest Mismatch");

        // the published decision itself: verify names the broken signatures in words
        Path published = RunFile.DECISION_PDF.in(runDir);
        byte[] signed = Files.readAllBytes(published);
        published.toFile().setWritable(true);
        try {
            flipAByteInTheMiddle(published);
            CliRun verify = CliRun.of("verify", RunFile.MANIFEST.in(runDir).toString());
            assertThat(verify.exitCode()).isEqualTo(1);
            assertThat(verify.err())
                    .contains("decision.pdf trong", "đã bị sửa sau khi ban hành quyết định 123/QĐ-CĐVC")
                    // the byte is past what the person's signature covers: the agency's two, made after it, no longer
                    // match
                    .contains(
                            "chữ ký số thứ 2 của decision.pdf (cơ quan, Công đoàn Viên chức tỉnh Hà Tĩnh) không còn khớp với nội dung đã ký")
                    .doesNotContain("chữ ký số thứ 1");
        } finally {
            Files.write(published, signed);
            published.toFile().setWritable(false);
        }

        Path manifest = RunFile.MANIFEST.in(runDir);
        byte[] original = Files.readAllBytes(manifest);
        manifest.toFile().setWritable(true);
        try {
            Files.writeString(
                    manifest,
                    new String(original, StandardCharsets.UTF_8).replace("\"year\" : 2025", "\"year\" : 2024"));
            assertThat(Files.readAllBytes(manifest)).isNotEqualTo(original);
            CliRun verify = CliRun.of("verify", "--trust", caPem.toString(), manifest.toString());
            assertThat(verify.exitCode()).isEqualTo(1);
            assertThat(verify.err()).contains("manifest.json đã bị sửa sau khi ký");
        } finally {
            Files.write(manifest, original);
            manifest.toFile().setWritable(false);
        }
    }

    @Test
    void publishSignRefusesBeforeWritingAnythingWithoutAKeyOrItsPassword() throws Exception {
        CliRun run = CliRun.of(
                "run", "--year", "2025", "--output", dir.resolve("unsigned").toString(), "--report-date", "2026-01-05");
        Path unsigned = Path.of(run.lastLine());
        CliRun noKey = CliRun.of(
                "publish",
                "--sign",
                "--year",
                "2025",
                "--number",
                "1/QĐ",
                "--output",
                dir.resolve("unsigned").toString());
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).contains("publish --sign cần khóa ký: đặt union-review.signing.pkcs12");
        System.setProperty(
                "union-review.signing.pkcs12", dir.resolve("chu-tich.p12").toString());
        try {
            // the tests run with no terminal and no UNIONREVIEW_SIGNING_PASSWORD: the password is asked for, and cannot
            // be
            CliRun noPassword = CliRun.of(
                    "publish",
                    "--sign",
                    "--year",
                    "2025",
                    "--number",
                    "1/QĐ",
                    "--output",
                    dir.resolve("unsigned").toString());
            assertThat(noPassword.exitCode()).isEqualTo(2);
            assertThat(noPassword.err()).contains("chưa có mật khẩu của", "UNIONREVIEW_SIGNING_PASSWORD");
        } finally {
            System.clearProperty("union-review.signing.pkcs12");
        }
        assertThat(RunFile.DECISION_PDF.in(unsigned)).doesNotExist();
        assertThat(Publications.read(dir.resolve("unsigned/2025")).publications())
                .isEmpty();
    }

    @Test
    void withPicturesTheSealIsDrawnOverTheLeftThirdOfTheSignature() throws Exception {
        CliRun run = CliRun.of(
                "run", "--year", "2025", "--output", dir.resolve("pictures").toString(), "--report-date", "2026-01-05");
        CliRun published = CliRun.of(
                "publish",
                "--year",
                "2025",
                "--number",
                "2/QĐ",
                "--output",
                dir.resolve("pictures").toString());
        assertThat(published.exitCode()).as(published.err()).isZero();
        Path pdf = Files.copy(
                Path.of(run.lastLine()).resolve(RunFile.DECISION_PDF.fileName()), dir.resolve("with-pictures.pdf"));
        pdf.toFile().setWritable(true);
        SigningKey key = SigningKey.pkcs12(dir.resolve("chu-tich.p12"), PASSWORD);
        DecisionSigning.sign(
                pdf,
                key,
                key,
                new DecisionSigning.Signatories(
                        "TM. BAN THƯỜNG VỤ",
                        "CHỦ TỊCH",
                        "Nguyễn Thị Minh Hằng",
                        "Công đoàn Viên chức tỉnh Hà Tĩnh",
                        "Hà Tĩnh",
                        "DANH SÁCH"),
                new DecisionSigning.Pictures(
                        picture(dir.resolve("chu-ky.png"), Color.BLUE), picture(dir.resolve("dau.png"), Color.RED)),
                ReportFonts.load(null).ttf(ReportFonts.Face.REGULAR),
                Instant.now(),
                new DecisionSigning.SignatureWords("người có thẩm quyền", "cơ quan", "phụ lục"),
                null);
        assertThat(DecisionSigning.check(pdf)).hasSize(3).allMatch(DecisionSigning.Found::intact);
        try (var document = Loader.loadPDF(pdf.toFile())) {
            var fields = document.getSignatureFields();
            var person = fields.get(0).getWidgets().get(0).getRectangle();
            var seal = fields.get(1).getWidgets().get(0).getRectangle();
            assertThat(seal.getUpperRightX())
                    .as("the seal covers the left third of the signature")
                    .isCloseTo(person.getLowerLeftX() + person.getWidth() / 3, Offset.offset(1f));
            var appearance = fields.get(0)
                    .getWidgets()
                    .get(0)
                    .getAppearance()
                    .getNormalAppearance()
                    .getAppearanceStream();
            assertThat(appearance.getResources().getXObjectNames())
                    .as("the signature picture is drawn")
                    .isNotEmpty();
        }
        assertThat(pdfsig(pdf).split("Signature Validation: Signature is Valid.", -1))
                .hasSize(4);
    }

    @Test
    void withATimestampAuthorityEachSignatureCarriesItsToken() throws Exception {
        ThrowawayCa ca = new ThrowawayCa("CA dấu thời gian");
        ThrowawayCa.Issued tsa = ca.issueTimestamping("Máy chủ dấu thời gian thử");
        var tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder()
                        .build("SHA256withRSA", tsa.keys().getPrivate(), tsa.certificate()),
                new JcaDigestCalculatorProviderBuilder()
                        .build()
                        .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        tokens.addCertificates(new JcaCertStore(List.of(tsa.certificate())));
        var answers = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicLong serial = new AtomicLong();
        server.createContext("/tsa", exchange -> {
            try {
                var request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                byte[] reply = answers.generate(request, BigInteger.valueOf(serial.incrementAndGet()), new Date())
                        .getEncoded();
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
            } catch (TSPException e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        try {
            CliRun run = CliRun.of(
                    "run",
                    "--year",
                    "2025",
                    "--output",
                    dir.resolve("stamped").toString(),
                    "--report-date",
                    "2026-01-05");
            assertThat(CliRun.of(
                                    "publish",
                                    "--year",
                                    "2025",
                                    "--number",
                                    "3/QĐ",
                                    "--output",
                                    dir.resolve("stamped").toString())
                            .exitCode())
                    .isZero();
            Path pdf = Files.copy(
                    Path.of(run.lastLine()).resolve(RunFile.DECISION_PDF.fileName()), dir.resolve("stamped.pdf"));
            pdf.toFile().setWritable(true);
            SigningKey key = SigningKey.pkcs12(dir.resolve("chu-tich.p12"), PASSWORD);
            DecisionSigning.sign(
                    pdf,
                    key,
                    key,
                    new DecisionSigning.Signatories(
                            "TM. BAN THƯỜNG VỤ",
                            "CHỦ TỊCH",
                            "Nguyễn Thị Minh Hằng",
                            "Công đoàn Viên chức tỉnh Hà Tĩnh",
                            "Hà Tĩnh",
                            "DANH SÁCH"),
                    new DecisionSigning.Pictures(null, null),
                    ReportFonts.load(null).ttf(ReportFonts.Face.REGULAR),
                    Instant.now(),
                    new DecisionSigning.SignatureWords("người có thẩm quyền", "cơ quan", "phụ lục"),
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa"));
            assertThat(serial.get()).as("one token per signature").isEqualTo(3);
            byte[] file = Files.readAllBytes(pdf);
            try (var document = Loader.loadPDF(file)) {
                for (var signature : document.getSignatureDictionaries()) {
                    ContentInfo info;
                    try (var der = new ASN1InputStream(signature.getContents())) {
                        info = ContentInfo.getInstance(der.readObject());
                    }
                    var signer = new CMSSignedData(info)
                            .getSignerInfos()
                            .getSigners()
                            .iterator()
                            .next();
                    var attribute =
                            signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
                    assertThat(attribute).as("signature-time-stamp").isNotNull();
                    var token = new TimeStampToken(new CMSSignedData(attribute
                            .getAttrValues()
                            .getObjectAt(0)
                            .toASN1Primitive()
                            .getEncoded()));
                    assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                            .isEqualTo(MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));
                    assertThat(token.isSignatureValid(
                                    new JcaSimpleSignerInfoVerifierBuilder().build(tsa.certificate())))
                            .isTrue();
                }
            }
            assertThat(DecisionSigning.check(pdf)).hasSize(3).allMatch(DecisionSigning.Found::intact);
            assertThat(pdfsig(pdf).split("Signature Validation: Signature is Valid.", -1))
                    .hasSize(4);
        } finally {
            server.stop(0);
        }
    }

    /** A PNG with transparency: a stroke of {@code colour} on nothing. */
    private static Path picture(Path file, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(240, 110, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.setStroke(new BasicStroke(6));
        g.drawOval(20, 10, 200, 90);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static void flipAByteInTheMiddle(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long at = raf.length() / 3;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x01);
        }
    }

    private static String pdfsig(Path pdf) throws Exception {
        return Pdfsig.report(pdf);
    }
}
