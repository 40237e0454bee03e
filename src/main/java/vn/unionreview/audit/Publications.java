package vn.unionreview.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.unionreview.files.AtomicFiles;
import vn.unionreview.sign.SigningKey;
import vn.unionreview.text.Message;

/**
 * A year's published results, {@code output/<year>/publications.json}: which completed run was published, under which
 * decision number and date, with the SHA-256 of the decision files written into it; and, when a later run superseded
 * it, by which run and why. Nothing is ever removed: a superseded publication stays on record.
 */
public record Publications(String format, List<Publication> publications) {

    public static final String FORMAT = "union-review/publications/v1";
    public static final String FILE = "publications.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /**
     * One publication: its run folder's name, decision number and date, the decision files' digests, its supersession
     * if any, and, for a validation run published all the same, why ({@code publish --allow-validation REASON}).
     */
    public record Publication(
            String run,
            String number,
            String date,
            String decisionPdfSha256,
            String decisionDocxSha256,
            String supersededBy,
            String supersededReason,
            String validationReason,
            List<Signature> signatures) {

        public Publication {
            signatures = signatures == null ? List.of() : List.copyOf(signatures);
        }

        public boolean active() {
            return supersededBy == null;
        }

        /** Who signed the decision, role by role, by the certificates' common names; null for an unsigned one. */
        public Message signedBy() {
            return signatures.isEmpty()
                    ? null
                    : Message.of(
                            "publication.signed",
                            "signatures",
                            signatures.stream()
                                    .map(s -> Message.of(
                                            "cli.signature",
                                            "role",
                                            s.role(),
                                            "subject",
                                            SigningKey.commonName(s.subject())))
                                    .toList());
        }
    }

    /**
     * A digital signature of the published decision.pdf ({@code publish --sign}), in the order made: its role
     * ({@code person}, {@code agency}, {@code agency-annex}), the certificate's subject, serial (hex) and issuer, and
     * the signing time claimed (ISO 8601, Vietnam time). decisionPdfSha256 is the digest of the file as signed.
     */
    public record Signature(String role, String subject, String serial, String issuer, String time) {}

    public Publications {
        publications = publications == null ? List.of() : List.copyOf(publications);
    }

    public static Publications read(Path yearDir) throws IOException {
        Path file = yearDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new Publications(FORMAT, List.of());
        }
        try {
            return JSON.readValue(file.toFile(), Publications.class);
        } catch (JacksonException e) {
            throw new IOException(file + " is not a readable record of publications: " + e.getOriginalMessage(), e);
        }
    }

    public void write(Path yearDir) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(this);
        AtomicFiles.write(yearDir.resolve(FILE), out -> out.write(bytes));
    }

    /** The year's publication in force, if any. */
    public Optional<Publication> active() {
        return publications.stream().filter(Publication::active).findFirst();
    }

    /** The latest publication of {@code run} (in force or superseded), if it was ever published. */
    public Optional<Publication> of(String run) {
        Publication found = null;
        for (Publication p : publications) {
            if (p.run().equals(run)) {
                found = p;
            }
        }
        return Optional.ofNullable(found);
    }

    /** With {@code next} published and the one in force, if any, marked superseded by it with {@code reason}. */
    public Publications publish(Publication next, String reason) {
        List<Publication> all = new ArrayList<>();
        for (Publication p : publications) {
            all.add(
                    p.active()
                            ? new Publication(
                                    p.run(),
                                    p.number(),
                                    p.date(),
                                    p.decisionPdfSha256(),
                                    p.decisionDocxSha256(),
                                    next.run(),
                                    reason,
                                    p.validationReason(),
                                    p.signatures())
                            : p);
        }
        all.add(next);
        return new Publications(FORMAT, all);
    }

    /**
     * A run's publication, as a person reads it (published, or superseded and why), or null for a run never published.
     */
    public Message status(String run) {
        return of(run).map(p -> p.active()
                        ? Message.of("publication.published", "number", p.number(), "date", p.date())
                        : Message.of(
                                "publication.superseded",
                                "by",
                                p.supersededBy(),
                                "reason",
                                p.supersededReason(),
                                "number",
                                p.number(),
                                "date",
                                p.date()))
                .orElse(null);
    }
}
