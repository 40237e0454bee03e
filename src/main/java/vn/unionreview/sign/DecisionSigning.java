package vn.unionreview.sign;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;

/**
 * The published decision signed as Nghị định 30/2020/NĐ-CP describes it: first the competent person, in the space
 * between the title and the name, then the agency, its seal over the left third of the person's signature, then the
 * agency again on the annex, as a line at the top right of its first page. Each is a PAdES signature added as an
 * incremental update; the agency's last one covers the whole file.
 */
public final class DecisionSigning {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Who signs, as the decision prints them. */
    public record Signatories(
            String authority, String title, String name, String agency, String place, String annexHead) {}

    /**
     * The pictures drawn for the two visible signatures, either may be null (a framed box of text instead), and the
     * size in points each picture takes.
     */
    public record Pictures(Path signature, Path seal, float width, float height) {

        public Pictures(Path signature, Path seal) {
            this(signature, seal, SignaturePlaces.WIDTH, SignaturePlaces.HEIGHT);
        }

        /** From the configuration's millimetres. */
        public static Pictures of(SigningSettings settings) {
            return new Pictures(
                    settings.signatureImage(), settings.sealImage(), (float) (settings.widthMm() * 72 / 25.4), (float)
                            (settings.heightMm() * 72 / 25.4));
        }
    }

    /** A signature made or found: its role, the certificate's subject, serial and issuer, its claimed time. */
    public record Signed(String role, String subject, String serial, String issuer, String time) {}

    /** A signature found in a PDF, checked. */
    public record Found(Signed signature, boolean intact, boolean coversWholeFile) {}

    private DecisionSigning() {}

    /**
     * The time as the signatures show it: ISO 8601 in Vietnam's time zone, to the second ("2026-01-20T09:30:00+07:00").
     */
    public static String vietnamTime(Instant at) {
        return at.atZone(VIETNAM).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /**
     * Signs {@code pdf} in place, three times (person, agency, agency on the annex; the annex signature only when the
     * decision has one). With one key, {@code agency} is {@code person}.
     *
     * @param words the decision's words for the signature panel ("reason"), in its language
     * @param timestampAuthority an RFC 3161 timestamp authority whose token each signature then carries (PAdES B-T), or
     *     null (B-B)
     */
    public static List<Signed> sign(
            Path pdf,
            SigningKey person,
            SigningKey agency,
            Signatories who,
            Pictures pictures,
            byte[] font,
            Instant at,
            SignatureWords words,
            URI timestampAuthority)
            throws IOException {
        Timestamps timestamps = timestampAuthority == null ? null : new Timestamps(timestampAuthority);
        SignaturePlaces places;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            places = SignaturePlaces.find(
                    document,
                    who.title(),
                    who.name(),
                    who.annexHead(),
                    pictures.signature() != null && pictures.seal() != null,
                    pictures.width(),
                    pictures.height());
        }
        String time = vietnamTime(at);
        GregorianCalendar calendar =
                GregorianCalendar.from(ZonedDateTime.ofInstant(at, VIETNAM).truncatedTo(ChronoUnit.SECONDS));
        List<Signed> signed = new ArrayList<>();
        PdfSignature.sign(
                pdf,
                person,
                person.signerName(),
                words.personReason(),
                who.place(),
                calendar,
                new PdfSignature.Appearance(
                        places.signaturePage(),
                        places.person(),
                        pictures.signature(),
                        List.of(person.signerName(), who.authority(), who.title(), time),
                        font),
                timestamps);
        signed.add(signed("person", person, time));
        PdfSignature.sign(
                pdf,
                agency,
                agency.signerName(),
                words.agencyReason(),
                who.place(),
                calendar,
                new PdfSignature.Appearance(
                        places.signaturePage(),
                        places.seal(),
                        pictures.seal(),
                        List.of(who.agency(), time),
                        font,
                        List.of(who.agency(), time)),
                timestamps);
        signed.add(signed("agency", agency, time));
        if (places.annexPage() >= 0) {
            PdfSignature.sign(
                    pdf,
                    agency,
                    agency.signerName(),
                    words.annexReason(),
                    who.place(),
                    calendar,
                    new PdfSignature.Appearance(
                            places.annexPage(), places.annexLine(), null, List.of(who.agency() + " · " + time), font),
                    timestamps);
            signed.add(signed("agency-annex", agency, time));
        }
        return signed;
    }

    /** The words of the signature panel, from the catalogue, in the decision's language. */
    public record SignatureWords(String personReason, String agencyReason, String annexReason) {}

    private static Signed signed(String role, SigningKey key, String time) {
        X509Certificate certificate = key.certificate();
        return new Signed(
                role,
                certificate.getSubjectX500Principal().getName(),
                SigningKey.serial(certificate),
                certificate.getIssuerX500Principal().getName(),
                time);
    }

    /**
     * Every signature in {@code pdf}, in the order they were made: whether each still verifies over the bytes it
     * covers, and whether it covers the whole file (only the last one can; a byte changed after it is not covered).
     */
    public static List<Found> check(Path pdf) throws IOException {
        byte[] file = Files.readAllBytes(pdf);
        List<Found> found = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(file)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                int[] range = signature.getByteRange();
                boolean whole = range.length == 4 && (long) range[2] + range[3] == file.length;
                try {
                    // /Contents is padded with zeros to the room reserved for it: the CMS is its first DER object
                    ContentInfo info;
                    try (ASN1InputStream der = new ASN1InputStream(signature.getContents())) {
                        info = ContentInfo.getInstance(der.readObject());
                    }
                    Cms.Verified verified = Cms.verify(
                            new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(file)), info));
                    X509Certificate certificate = verified.certificate();
                    boolean intact = verified.intact();
                    String time = signature.getSignDate() == null
                            ? ""
                            : vietnamTime(signature.getSignDate().toInstant());
                    found.add(new Found(
                            new Signed(
                                    "",
                                    certificate.getSubjectX500Principal().getName(),
                                    SigningKey.serial(certificate),
                                    certificate.getIssuerX500Principal().getName(),
                                    time),
                            intact,
                            whole));
                } catch (Exception unreadable) {
                    found.add(new Found(new Signed("", "", "", "", ""), false, whole));
                }
            }
        }
        return found;
    }
}
