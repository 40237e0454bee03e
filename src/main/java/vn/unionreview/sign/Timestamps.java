package vn.unionreview.sign;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

import vn.unionreview.text.Message;
import vn.unionreview.text.MessageException;

/**
 * A timestamp authority (RFC 3161) reached over HTTP: it vouches that a signature existed at a time, which makes a
 * PAdES signature baseline B-T. The token goes into the signature as its signature-time-stamp attribute.
 */
final class Timestamps {

    private static final SecureRandom NONCES = new SecureRandom();

    private final URI authority;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    Timestamps(URI authority) {
        this.authority = authority;
    }

    /** The authority's token over the SHA-256 of {@code signature}, checked to answer this very request. */
    TimeStampToken stamp(byte[] signature) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(signature);
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request =
                    generator.generate(NISTObjectIdentifiers.id_sha256, digest, new BigInteger(64, NONCES));
            HttpResponse<byte[]> answer = http.send(
                    HttpRequest.newBuilder(authority)
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/timestamp-query")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new MessageException(Message.of(
                        "sign.timestamp_refused",
                        "authority",
                        authority.toString(),
                        "detail",
                        "HTTP " + answer.statusCode()));
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new MessageException(Message.of(
                        "sign.timestamp_refused",
                        "authority",
                        authority.toString(),
                        "detail",
                        String.valueOf(response.getStatusString())));
            }
            return response.getTimeStampToken();
        } catch (TSPException | NoSuchAlgorithmException e) {
            throw new MessageException(Message.of(
                    "sign.timestamp_refused",
                    "authority",
                    authority.toString(),
                    "detail",
                    String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the timestamp authority", e);
        }
    }
}
