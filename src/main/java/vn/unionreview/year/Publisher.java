package vn.unionreview.year;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;

import vn.unionreview.Digests;
import vn.unionreview.audit.Manifest;
import vn.unionreview.audit.Publications;
import vn.unionreview.audit.ResultBundle;
import vn.unionreview.batch.RunSettings;
import vn.unionreview.files.Csv;
import vn.unionreview.report.DecisionDocument;
import vn.unionreview.report.DecisionSettings;
import vn.unionreview.report.Labels;
import vn.unionreview.report.ReportFonts;
import vn.unionreview.report.ReportSettings;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.RuleSetLoader;
import vn.unionreview.run.RunFile;
import vn.unionreview.run.RunFolder;
import vn.unionreview.run.RunKind;
import vn.unionreview.run.history.RunHistory;
import vn.unionreview.sign.DecisionSigning;
import vn.unionreview.sign.ManifestSignature;
import vn.unionreview.sign.SigningKey;
import vn.unionreview.sign.SigningSettings;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Message;
import vn.unionreview.text.Speech;
import vn.unionreview.text.Text;
import vn.unionreview.units.UnitsCsv;

/**
 * Publishes one completed run as the year's result: writes into its folder the decision that recognises the results
 * (decision.pdf, and decision.docx for the office to edit before signing), records the publication in
 * {@code output/<year>/publications.json}, and freezes the folder (its files read-only). Publishing another run of the
 * year is refused unless it supersedes the one in force, with a reason; the earlier publication then stays on record,
 * superseded. The command line and the console both publish through here.
 */
public final class Publisher {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Publication refused, with a message that says why and what to do. */
    public static final class RefusedException extends RuntimeException {
        private final boolean supersedable;
        private final transient Message reason;

        RefusedException(Message reason, boolean supersedable) {
            super(reason.english());
            this.reason = reason;
            this.supersedable = supersedable;
        }

        /** Why, for the reader's language. */
        public Message reason() {
            return reason;
        }

        /** Whether publishing with a reason to supersede the publication in force would be accepted. */
        public boolean supersedable() {
            return supersedable;
        }
    }

    /** What was published, the publication it superseded if any, and the result bundle written for the union above. */
    public record Published(
            Path runDir,
            Publications.Publication publication,
            Optional<Publications.Publication> superseded,
            Path bundle) {}

    private Publisher() {}

    /**
     * @param run the run folder's name, or null for the year's latest completed final run
     * @param reason why the publication in force is superseded, or null when none may be
     * @param validationReason why a validation run is published all the same, or null when one may not be
     * @param passwords the signing keys' passwords, to sign the decision and the manifest ({@code --sign}); null:
     *     unsigned
     * @throws RefusedException when the run cannot be published (not complete, a validation run, published before,
     *     another in force)
     */
    public static Published publish(
            Path output,
            int year,
            String run,
            String number,
            LocalDate date,
            String reason,
            String validationReason,
            Passwords passwords)
            throws IOException {
        if (number == null || number.isBlank()) {
            throw new RefusedException(Message.of("publish.no_number"), false);
        }
        Path yearDir = output.resolve(Integer.toString(year));
        Publications publications = Publications.read(yearDir);
        Path runDir = run != null ? yearDir.resolve(run) : latestCompleted(output, year);
        if (runDir == null || !RunFolder.isComplete(runDir)) {
            throw new RefusedException(
                    runDir == null
                            ? Message.of(
                                    "publish.no_final_run", "year", String.valueOf(year), "output", output.toString())
                            : Message.of("publish.incomplete", "run", runDir.toString()),
                    false);
        }
        String runName = runDir.getFileName().toString();
        Manifest manifest = Manifest.read(RunFile.MANIFEST.in(runDir));
        if (RunKind.of(manifest.kind()) == RunKind.VALIDATION && validationReason == null) {
            throw new RefusedException(Message.of("publish.validation_run", "run", runName), false);
        }
        // a decision cannot be dated before the report and the letters it rests on
        LocalDate reported = LocalDate.parse(manifest.reportDate());
        if (date.isBefore(reported)) {
            throw new RefusedException(
                    Message.of(
                            "publish.date_before_report",
                            "date",
                            date.format(DAY),
                            "run",
                            runName,
                            "report_date",
                            reported.format(DAY)),
                    false);
        }
        if (publications.of(runName).isPresent()) {
            throw new RefusedException(
                    Message.of("publish.published_before", "run", runName, "status", publications.status(runName)),
                    false);
        }
        Optional<Publications.Publication> active = publications.active();
        if (active.isPresent() && reason == null) {
            throw new RefusedException(
                    Message.of(
                            "publish.already_published",
                            "year",
                            String.valueOf(year),
                            "run",
                            active.get().run(),
                            "number",
                            active.get().number(),
                            "date",
                            active.get().date()),
                    true);
        }
        List<RuleSet> rules = archivedRules(manifest, output);
        List<CSVRecord> results =
                List.copyOf(Csv.readByFirstColumn(RunFile.RESULTS.in(runDir)).values());
        String meeting = results.stream()
                .map(r -> r.get("decision"))
                .filter(d -> !d.isEmpty())
                .findFirst()
                .orElse("");
        // for a province, the decisions of the units whose results it took
        List<UnitsCsv.Line> units = UnitsCsv.read(RunFile.UNITS.in(runDir)).stream()
                .filter(UnitsCsv.Line::accepted)
                .toList();
        Map<String, String> unitNames = new HashMap<>();
        units.forEach(u -> unitNames.put(u.code(), u.name()));
        List<DecisionDocument.Recognised> branches = new ArrayList<>();
        for (CSVRecord r : results) {
            branches.add(new DecisionDocument.Recognised(
                    r.get("code"),
                    r.get("name"),
                    r.get("bloc"),
                    r.get("total"),
                    r.get("tier"),
                    r.get("award").isEmpty()
                            ? List.of()
                            : List.of(r.get("award").split(";")),
                    r.isMapped("kind") ? r.get("kind") : "",
                    r.isMapped("unit") ? unitNames.getOrDefault(r.get("unit"), "") : "",
                    r.get("tier_before_caps"),
                    r.get("caps"),
                    Boolean.parseBoolean(r.get("demoted_by_quota")),
                    !r.get("decision").isEmpty(),
                    Boolean.parseBoolean(r.get("award_tie"))));
        }
        Settings settings = settings(output, year);
        // the keys first: a wrong password refuses the publication before anything is written
        Keys keys = passwords == null ? null : keys(settings.signing(), passwords);
        DecisionDocument decision = new DecisionDocument(
                rules,
                settings.report(),
                settings.decision(),
                number,
                date,
                meeting,
                branches,
                units.stream()
                        .map(u -> new DecisionDocument.UnitDecision(u.name(), u.decision(), u.decisionDate()))
                        .toList());
        ReportFonts fonts = ReportFonts.load(settings.report().fontDir());
        decision.writePdf(RunFile.DECISION_PDF.in(runDir), fonts);
        decision.writeDocx(RunFile.DECISION_DOCX.in(runDir), fonts);
        List<DecisionSigning.Signed> signatures = List.of();
        if (keys != null) {
            signatures = DecisionSigning.sign(
                    RunFile.DECISION_PDF.in(runDir),
                    keys.person(),
                    keys.agency(),
                    signatories(settings.report()),
                    DecisionSigning.Pictures.of(settings.signing()),
                    fonts.ttf(ReportFonts.Face.REGULAR),
                    Instant.now(),
                    signatureWords(),
                    settings.signing().timestampUrl());
            ManifestSignature.sign(RunFile.MANIFEST.in(runDir), keys.agency());
        }
        Publications.Publication published = new Publications.Publication(
                runName,
                number,
                date.toString(),
                Digests.sha256(RunFile.DECISION_PDF.in(runDir)),
                Digests.sha256(RunFile.DECISION_DOCX.in(runDir)),
                null,
                null,
                RunKind.of(manifest.kind()) == RunKind.VALIDATION ? validationReason : null,
                signatures.stream()
                        .map(s -> new Publications.Signature(s.role(), s.subject(), s.serial(), s.issuer(), s.time()))
                        .toList());
        publications.publish(published, reason).write(yearDir);
        freeze(runDir);
        Path bundle = ResultBundle.write(runDir, published, issuingBody(manifest, rules));
        return new Published(runDir, published, active, bundle);
    }

    private record Settings(ReportSettings report, DecisionSettings decision, SigningSettings signing) {}

    /** The configuration's settings of the documents a publication of {@code year} writes (its year's letterhead). */
    private static Settings settings(Path output, int year) {
        return RunService.withContext(
                output,
                year,
                Speech.NOBODY,
                context -> new Settings(
                        context.getBean(ReportSettings.class).forYear(year),
                        context.getBean(DecisionSettings.class),
                        context.getBean(SigningSettings.class)));
    }

    /**
     * The body whose results they are: the letterhead the run recorded (its documents' heading), else the rule set's
     * issuer.
     */
    private static Text issuingBody(Manifest manifest, List<RuleSet> rules) {
        Text recorded = manifest.settings() == null
                ? null
                : RunSettings.of(manifest.settings()).report().issuingBody();
        return recorded != null ? recorded : rules.get(0).issuer();
    }

    /**
     * Writes again the result bundle of a run published before ({@code bundle --year Y [--run ID]}): of the year's
     * publication in force, or of the run named.
     *
     * @return the bundle's path
     * @throws RefusedException when the year has no such publication
     */
    public static Path bundle(Path output, int year, String run) throws IOException {
        Path yearDir = output.resolve(Integer.toString(year));
        Publications publications = Publications.read(yearDir);
        Optional<Publications.Publication> publication = run == null ? publications.active() : publications.of(run);
        if (publication.isEmpty()) {
            throw new RefusedException(
                    run == null
                            ? Message.of("bundle.none_published", "year", String.valueOf(year))
                            : Message.of("bundle.not_published", "run", run, "year", String.valueOf(year)),
                    false);
        }
        Path runDir = yearDir.resolve(publication.get().run());
        Manifest manifest = Manifest.read(RunFile.MANIFEST.in(runDir));
        return ResultBundle.write(runDir, publication.get(), issuingBody(manifest, archivedRules(manifest, output)));
    }

    /**
     * The rule sets the run was scored with, from its archive alone: its rule file, or each rule set of its folder of
     * kinds, in kind order.
     */
    private static List<RuleSet> archivedRules(Manifest manifest, Path output) {
        if (manifest.ruleFiles() == null) {
            return List.of(RuleSetLoader.load(output.resolve(manifest.rules().archive()))
                    .rules());
        }
        return manifest.ruleFiles().stream()
                .filter(f -> f.role().equals("rules"))
                .map(f -> RuleSetLoader.load(output.resolve(f.archive())).rules())
                .sorted(Comparator.comparing(r -> r.kind().id()))
                .toList();
    }

    /** Where a signing key's password comes from: the environment, or the person at the terminal. */
    @FunctionalInterface
    public interface Passwords {
        /** @param role "person" or "agency" */
        char[] of(Path keyFile, String role);
    }

    private record Keys(SigningKey person, SigningKey agency) {}

    private static Keys keys(SigningSettings signing, Passwords passwords) {
        if (signing.pkcs12() == null && signing.pkcs11() == null) {
            throw new RefusedException(Message.of("sign.not_configured"), false);
        }
        SigningKey person = signing.pkcs11() != null
                ? SigningKey.pkcs11(signing.pkcs11(), passwords.of(signing.pkcs11(), "person"))
                : SigningKey.pkcs12(signing.pkcs12(), passwords.of(signing.pkcs12(), "person"));
        SigningKey agency = signing.agencyPkcs12() == null
                ? person
                : SigningKey.pkcs12(signing.agencyPkcs12(), passwords.of(signing.agencyPkcs12(), "agency"));
        return new Keys(person, agency);
    }

    /** The decision's signatories as it prints them (in Vietnamese, the decision's language). */
    private static DecisionSigning.Signatories signatories(ReportSettings report) {
        return new DecisionSigning.Signatories(
                report.signer().authority().vi(),
                report.signer().title().vi(),
                report.signer().name(),
                report.issuingBody().vi(),
                report.place().vi(),
                new Labels("vi").get("decision.annexTitle"));
    }

    private static DecisionSigning.SignatureWords signatureWords() {
        Catalogue vi = Catalogue.of("vi");
        return new DecisionSigning.SignatureWords(
                vi.render(Message.of("sign.reason_person")),
                vi.render(Message.of("sign.reason_agency")),
                vi.render(Message.of("sign.reason_annex")));
    }

    /** The newest completed final run of the year, from the job repository. */
    private static Path latestCompleted(Path output, int year) {
        if (!RunService.hasRepository(output, year)) {
            return null;
        }
        return RunService.withContext(
                output,
                year,
                Speech.NOBODY,
                context -> context.getBean(RunHistory.class).runs().stream()
                        .filter(RunHistory.Entry::complete)
                        .filter(run -> isFinal(run.folder()))
                        .map(RunHistory.Entry::folder)
                        .findFirst()
                        .orElse(null));
    }

    private static boolean isFinal(Path runDir) {
        try {
            return RunKind.of(Manifest.read(RunFile.MANIFEST.in(runDir)).kind()) == RunKind.FINAL;
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Every file of the folder read-only, and the folders too: a published run is not written again. */
    private static void freeze(Path runDir) throws IOException {
        try (Stream<Path> all = Files.walk(runDir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                PosixFileAttributeView posix = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                if (posix != null) {
                    posix.setPermissions(
                            PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
                } else {
                    p.toFile().setWritable(false);
                }
            }
        }
    }
}
