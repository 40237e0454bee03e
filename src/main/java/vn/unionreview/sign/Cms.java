package vn.unionreview.sign;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Detached CMS signatures (RFC 5652) of some bytes with a {@link SigningKey}, carrying the ESS signing-certificate-v2
 * attribute that binds the signature to its certificate, as CAdES and PAdES require. Bouncy Castle builds the
 * structure; the signature itself is computed by the key's own JCA provider (a PKCS#12 key here, a token's in time).
 */
final class Cms {

    /** Where the claimed signing time goes. */
    enum Time {
        /** In the CMS signing-time attribute: a detached signature of a file (the manifest). */
        INSIDE,
        /**
         * Left out of the CMS: a PAdES signature claims its time in the PDF's signature dictionary (ETSI EN 319 142-1).
         */
        IN_PDF
    }

    private Cms() {}

    /** @param timestamps the authority whose timestamp goes on the signature, or null for none */
    static byte[] signDetached(SigningKey key, InputStream content, Time time, Timestamps timestamps)
            throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            JcaSignerInfoGeneratorBuilder info =
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build());
            info.setSignedAttributeGenerator(new SignedAttributes(key, time));
            JcaContentSignerBuilder signer = new JcaContentSignerBuilder(algorithm(key));
            if (key.provider() != null) {
                signer.setProvider(key.provider());
            }
            generator.addSignerInfoGenerator(info.build(signer.build(key.privateKey()), key.certificate()));
            generator.addCertificates(new JcaCertStore(key.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
            if (timestamps != null) {
                signed = stamped(signed, timestamps);
            }
            return signed.getEncoded("DER");
        } catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
            throw new IllegalStateException("the CMS signature could not be made: " + e.getMessage(), e);
        }
    }

    /**
     * A detached signature checked over its content: its signer's information, the signer's certificate as the
     * signature carries it (null when it carries none), whether the signature still verifies, and every certificate
     * carried.
     */
    /** @param validWhenSigned whether the signer's certificate was valid at the signing time it claims */
    record Verified(
            SignerInformation signer,
            X509Certificate certificate,
            boolean intact,
            List<X509Certificate> carried,
            boolean validWhenSigned) {}

    static Verified verify(CMSSignedData signed) throws CMSException, OperatorCreationException, CertificateException {
        SignerInformation signer =
                signed.getSignerInfos().getSigners().iterator().next();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> carried = new ArrayList<>();
        for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
            carried.add(converter.getCertificate(holder));
        }
        Collection<X509CertificateHolder> matching = signed.getCertificates().getMatches(signer.getSID());
        if (matching.isEmpty()) {
            return new Verified(signer, null, false, carried, false);
        }
        X509Certificate certificate =
                converter.getCertificate(matching.iterator().next());
        boolean intact;
        boolean validWhenSigned = true;
        try {
            try {
                intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (CMSVerifierCertificateNotValidException notValidThen) {
                // whether the bytes are as signed is told apart from whether the certificate was valid then
                validWhenSigned = false;
                intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate.getPublicKey()));
            }
        } catch (CMSSignerDigestMismatchException changed) {
            intact = false;
        }
        return new Verified(signer, certificate, intact, carried, validWhenSigned);
    }

    /**
     * The signature with the authority's token over it, as its unsigned signature-time-stamp attribute (CAdES-T, PAdES
     * B-T).
     */
    private static CMSSignedData stamped(CMSSignedData signed, Timestamps timestamps) throws IOException {
        List<SignerInformation> signers = new ArrayList<>();
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            TimeStampToken token = timestamps.stamp(signer.getSignature());
            AttributeTable unsigned = signer.getUnsignedAttributes() == null
                    ? new AttributeTable(new ASN1EncodableVector())
                    : signer.getUnsignedAttributes();
            unsigned = unsigned.add(
                    PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    ASN1Primitive.fromByteArray(token.getEncoded()));
            signers.add(SignerInformation.replaceUnsignedAttributes(signer, unsigned));
        }
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(signers));
    }

    private static String algorithm(SigningKey key) {
        return switch (key.privateKey().getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            default -> "SHA256withRSA";
        };
    }

    /**
     * The default signed attributes (content type, message digest, algorithm protection), with signing-certificate-v2.
     */
    private record SignedAttributes(SigningKey key, Time time) implements CMSAttributeTableGenerator {

        @Override
        @SuppressWarnings("rawtypes")
        public AttributeTable getAttributes(Map parameters) {
            AttributeTable table = new DefaultSignedAttributeTableGenerator().getAttributes(parameters);
            if (time == Time.IN_PDF) {
                table = table.remove(CMSAttributes.signingTime);
            }
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256")
                        .digest(key.certificate().getEncoded());
                IssuerSerial issuer = new IssuerSerial(
                        new GeneralNames(new GeneralName(X500Name.getInstance(
                                key.certificate().getIssuerX500Principal().getEncoded()))),
                        key.certificate().getSerialNumber());
                ESSCertIDv2 id =
                        new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuer);
                return table.add(
                        PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                        new SigningCertificateV2(new ESSCertIDv2[] {id}));
            } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
