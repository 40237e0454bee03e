package vn.unionreview.sign;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A certificate authority made for one test, and the certificates it issues, as PKCS#12 files like a CA hands out. */
public final class ThrowawayCa {

    private final KeyPair keys;
    private final X509Certificate certificate;
    private long serial = 100;

    public ThrowawayCa(String name) throws Exception {
        keys = rsa();
        X500Name subject = new X500Name("CN=" + name + ", O=Test CA, C=VN");
        var builder = new JcaX509v3CertificateBuilder(
                subject,
                BigInteger.ONE,
                Date.from(Instant.now().minus(Duration.ofDays(1))),
                Date.from(Instant.now().plus(Duration.ofDays(365))),
                subject,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA's certificate as a PEM file, as an auditor receives it. */
    public Path writePem(Path file) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return Files.writeString(file, pem);
    }

    /** A key and the certificate this CA issued for it. */
    record Issued(KeyPair keys, X509Certificate certificate) {}

    /**
     * A timestamp authority's key and certificate (extended key usage: time stamping, critical, as RFC 3161 requires).
     */
    Issued issueTimestamping(String commonName) throws Exception {
        KeyPair subjectKeys = rsa();
        var builder = new JcaX509v3CertificateBuilder(
                certificate,
                BigInteger.valueOf(++serial),
                Date.from(Instant.now().minus(Duration.ofDays(1))),
                Date.from(Instant.now().plus(Duration.ofDays(365))),
                new X500Name("CN=" + commonName + ", C=VN"),
                subjectKeys.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        return new Issued(
                subjectKeys,
                new JcaX509CertificateConverter()
                        .getCertificate(
                                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()))));
    }

    /** A signing certificate for {@code commonName}, with its key, in a PKCS#12 file protected by {@code password}. */
    public Path issuePkcs12(String commonName, Path file, char[] password) throws Exception {
        return issuePkcs12(
                commonName,
                file,
                password,
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(365)));
    }

    /** {@link #issuePkcs12(String, Path, char[])} valid from {@code notBefore} to {@code notAfter} only. */
    public Path issuePkcs12(String commonName, Path file, char[] password, Instant notBefore, Instant notAfter)
            throws Exception {
        KeyPair subjectKeys = rsa();
        var builder = new JcaX509v3CertificateBuilder(
                certificate,
                BigInteger.valueOf(++serial),
                Date.from(notBefore),
                Date.from(notAfter),
                new X500Name("CN=" + commonName + ", C=VN"),
                subjectKeys.getPublic());
        builder.addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        X509Certificate issued = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signing", subjectKeys.getPrivate(), password, new Certificate[] {issued, certificate});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
