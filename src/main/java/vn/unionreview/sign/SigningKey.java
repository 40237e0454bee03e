package vn.unionreview.sign;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import vn.unionreview.text.Message;
import vn.unionreview.text.MessageException;

/**
 * A private key and its certificate chain, the signer's certificate first, and the JCA provider that signs with it:
 * none for a key read from a file, the token's for a key that never leaves its token.
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain, Provider provider) {

    public SigningKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate");
        }
    }

    /**
     * The first key of a PKCS#12 file (.p12, .pfx), as a CA or a token's export software gives it.
     *
     * @throws MessageException when the file cannot be read, the password is wrong, or it holds no key
     */
    public static SigningKey pkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return first(store, password, null, file);
        } catch (IOException | GeneralSecurityException e) {
            throw new MessageException(Message.of(
                    "sign.key_unreadable", "file", file.toString(), "detail", String.valueOf(e.getMessage())));
        }
    }

    /**
     * The first key on a PKCS#11 token (a USB token, an HSM), through the JDK's SunPKCS11 provider as {@code config}
     * configures it (the token's library and slot); the key signs on the token and never leaves it.
     *
     * @throws MessageException when the token cannot be opened, the PIN is wrong, or it holds no key
     */
    public static SigningKey pkcs11(Path config, char[] pin) {
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return first(store, pin, provider, config);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof MessageException refusal) {
                throw refusal;
            }
            throw new MessageException(Message.of(
                    "sign.token_unreadable", "file", config.toString(), "detail", String.valueOf(e.getMessage())));
        }
    }

    private static SigningKey first(KeyStore store, char[] password, Provider provider, Path where)
            throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                Certificate[] chain = store.getCertificateChain(alias);
                return new SigningKey(
                        (PrivateKey) store.getKey(alias, password),
                        Arrays.stream(chain).map(X509Certificate.class::cast).toList(),
                        provider);
            }
        }
        throw new MessageException(Message.of("sign.no_key", "file", where.toString()));
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Who the certificate names: its subject's common name, or the whole subject when it has none. */
    public String signerName() {
        return commonName(certificate());
    }

    /** Whom a certificate names: its subject's common name, or the whole subject when it has none. */
    public static String commonName(X509Certificate certificate) {
        return commonName(certificate.getSubjectX500Principal().getName());
    }

    /**
     * The common name (CN) of a distinguished name as recorded ("C=VN,CN=Nguyễn Thị Minh Hằng"), or the name whole
     * without one.
     */
    public static String commonName(String subject) {
        try {
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException unparsable) {
            return subject;
        }
        return subject;
    }

    /** The certificate's serial number in hex, as certificate viewers show it. */
    static String serial(X509Certificate certificate) {
        BigInteger serial = certificate.getSerialNumber();
        return serial.toString(16).toUpperCase(Locale.ROOT);
    }
}
