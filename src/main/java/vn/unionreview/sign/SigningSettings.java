package vn.unionreview.sign;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How {@code publish --sign} signs, from {@code union-review.signing.*} (or {@code UNIONREVIEW_SIGNING_*}). The
 * passwords are never configured: {@code UNIONREVIEW_SIGNING_PASSWORD} (and {@code UNIONREVIEW_SIGNING_AGENCY_PASSWORD}
 * for a second file) in the environment, else asked for at the terminal.
 *
 * @param pkcs12 the competent person's key and certificate (.p12 or .pfx); with no agency file, also the agency's
 * @param pkcs11 instead of pkcs12, a SunPKCS11 configuration file naming the token's library and slot (a USB token: its
 *     PIN is the password)
 * @param agencyPkcs12 the agency's key and certificate, when it has its own
 * @param signatureImage the signature picture (PNG with transparency) drawn between the title and the name, or none
 * @param sealImage the seal picture drawn over the left third of the signature, or none
 * @param timestampUrl a timestamp authority (RFC 3161) whose token each signature of the decision carries (PAdES B-T),
 *     or none (B-B)
 * @param widthMm the width of the signature's and the seal's pictures, in millimetres (default 42)
 * @param heightMm their height (default 20): about the space the decree's layout leaves between title and name
 */
@ConfigurationProperties("union-review.signing")
public record SigningSettings(
        Path pkcs12,
        Path pkcs11,
        Path agencyPkcs12,
        Path signatureImage,
        Path sealImage,
        URI timestampUrl,
        Double widthMm,
        Double heightMm) {

    public SigningSettings {
        widthMm = widthMm == null ? 42 : widthMm;
        heightMm = heightMm == null ? 20 : heightMm;
    }
}
