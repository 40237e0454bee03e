package vn.unionreview.sign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.OperatorCreationException;

import vn.unionreview.run.RunFile;
import vn.unionreview.text.Message;

/**
 * manifest.json.p7s: the run's manifest signed with the agency's key, a detached CMS signature (DER) beside it. Anyone
 * holding the program and the agency's certificate can check it offline: that the manifest is the one signed, who
 * signed it and when, and whether the signer's certificate chains to the certificate they trust.
 */
public final class ManifestSignature {

    /**
     * What a check found.
     *
     * @param intact the signature verifies over the manifest as it is now
     * @param signer the signer's name (the certificate's common name), or "" when unreadable
     * @param signedAt the time the signer claims (ISO 8601), or ""
     * @param trusted the signer's certificate chains to the certificate given (false when none was given)
     * @param problems what is wrong, as messages (empty when intact and, with a certificate given, trusted)
     * @param certificate the signer's certificate, or null when unreadable
     * @param signedAtInstant the time the signer claims, or null
     */
    public record Check(
            boolean intact,
            String signer,
            String signedAt,
            boolean trusted,
            List<Message> problems,
            X509Certificate certificate,
            Instant signedAtInstant) {

        static Check failed(Message problem) {
            return new Check(false, "", "", false, List.of(problem), null, null);
        }
    }

    private ManifestSignature() {}

    public static Path of(Path manifest) {
        return manifest.resolveSibling(RunFile.MANIFEST_SIGNATURE.fileName());
    }

    /** Signs {@code manifest} with {@code key}: writes manifest.json.p7s beside it. */
    public static Path sign(Path manifest, SigningKey key) throws IOException {
        byte[] cms;
        try (InputStream in = Files.newInputStream(manifest)) {
            cms = Cms.signDetached(key, in, Cms.Time.INSIDE, null);
        }
        Path p7s = of(manifest);
        Files.write(p7s, cms);
        return p7s;
    }

    /** Checks the signature beside {@code manifest}; with {@code trust}, also that the signer chains to it. */
    public static Check check(Path manifest, X509Certificate trust) throws IOException {
        Path p7s = of(manifest);
        if (!Files.isRegularFile(p7s)) {
            return Check.failed(Message.of(
                    "sign.manifest_unsigned", "file", p7s.getFileName().toString()));
        }
        List<Message> problems = new ArrayList<>();
        try {
            CMSSignedData signed = new CMSSignedData(
                    new CMSProcessableByteArray(Files.readAllBytes(manifest)), Files.readAllBytes(p7s));
            Cms.Verified verified = Cms.verify(signed);
            if (verified.certificate() == null) {
                return Check.failed(Message.of(
                        "sign.no_certificate", "file", p7s.getFileName().toString()));
            }
            X509Certificate certificate = verified.certificate();
            boolean intact = verified.intact();
            if (!intact) {
                problems.add(Message.of(
                        "sign.manifest_altered", "file", manifest.getFileName().toString()));
            }
            if (!verified.validWhenSigned()) {
                problems.add(Message.of(
                        "sign.certificate_not_valid_then",
                        "signer",
                        SigningKey.commonName(certificate),
                        "from",
                        DecisionSigning.vietnamTime(certificate.getNotBefore().toInstant()),
                        "until",
                        DecisionSigning.vietnamTime(certificate.getNotAfter().toInstant())));
            }
            List<X509Certificate> carried = verified.carried();
            SignerInformation signer = verified.signer();
            // a signature stays good when its certificate was valid as it was made: the chain is judged at that time
            Instant at = signingInstant(signer);
            boolean trusted = trust != null && chainsTo(certificate, carried, trust, at);
            if (trust != null && !trusted) {
                problems.add(Message.of(
                        "sign.not_trusted",
                        "signer",
                        SigningKey.commonName(certificate),
                        "trusted",
                        SigningKey.commonName(trust)));
            }
            return new Check(
                    intact,
                    SigningKey.commonName(certificate),
                    at == null ? "" : DecisionSigning.vietnamTime(at),
                    trusted,
                    problems,
                    certificate,
                    at);
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | RuntimeException e) {
            return Check.failed(Message.of(
                    "sign.unreadable", "file", p7s.getFileName().toString(), "detail", String.valueOf(e.getMessage())));
        }
    }

    /** A certificate in PEM or DER, as a CA or a colleague hands it over. */
    public static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /**
     * Whether {@code certificate} is {@code trust} itself or chains to it through the certificates the signature
     * carries. Offline: revocation is not checked (no CRL or OCSP is reachable from where an auditor replays).
     */
    private static boolean chainsTo(
            X509Certificate certificate, List<X509Certificate> carried, X509Certificate trust, Instant at) {
        if (certificate.equals(trust)) {
            return true;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(Set.of(new TrustAnchor(trust, null)), target);
            parameters.setRevocationEnabled(false);
            if (at != null) {
                parameters.setDate(Date.from(at));
            }
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Instant signingInstant(SignerInformation signer) {
        Attribute time = signer.getSignedAttributes() == null
                ? null
                : signer.getSignedAttributes().get(CMSAttributes.signingTime);
        return time == null
                ? null
                : Time.getInstance(time.getAttrValues().getObjectAt(0))
                        .getDate()
                        .toInstant();
    }
}
