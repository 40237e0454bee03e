package vn.unionreview.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.multipart.MultipartFile;

import vn.unionreview.Digests;
import vn.unionreview.batch.UnitsSettings;
import vn.unionreview.council.DecisionsException;
import vn.unionreview.council.DecisionsLoader;
import vn.unionreview.form.FormReader;
import vn.unionreview.ingest.BranchRules;
import vn.unionreview.ingest.BrokenInputException;
import vn.unionreview.ingest.InputException;
import vn.unionreview.ingest.InputFile;
import vn.unionreview.ingest.InputLimits;
import vn.unionreview.ingest.InputSet;
import vn.unionreview.ingest.RegistryReader;
import vn.unionreview.ingest.SheetRow;
import vn.unionreview.ingest.SheetSource;
import vn.unionreview.ingest.SpreadsheetFormat;
import vn.unionreview.ingest.TableLayout;
import vn.unionreview.ingest.Texts;
import vn.unionreview.ingest.UnreadableFileException;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.sign.ManifestSignature;
import vn.unionreview.text.Message;
import vn.unionreview.units.BundleCheck;
import vn.unionreview.units.Intake;
import vn.unionreview.units.Unit;
import vn.unionreview.units.UnitsList;

/**
 * Files uploaded into a year's input folder. Each is told apart by its content, as the job does: a branch form goes to
 * {@code forms/}, a consolidated table to {@code tables/}, a branch list becomes the registry, a council decisions file
 * becomes {@code decisions.yaml}; in a province's year, a list of units becomes {@code units.csv}, and a unit's result
 * bundle (zip) or certificate goes to {@code units/}. A file the job would refuse (a PDF, a damaged or
 * password-protected workbook, a table without its columns, an invalid decisions file, a bundle the province's run
 * would not accept) is refused at once with the job's own reason, and never lands in the folder. A file of the same
 * name is replaced: a corrected form takes the place of the first one.
 */
@Component
class Uploads {

    /** What became of one uploaded file: where it went (relative to the year folder), or why it was refused. */
    public record Outcome(String name, Kind kind, String storedAs, boolean replaced, String sha256, Message refusal) {

        public boolean accepted() {
            return refusal == null;
        }
    }

    public enum Kind {
        FORM,
        TABLE,
        REGISTRY,
        DECISIONS,
        UNITS_LIST,
        BUNDLE,
        CERTIFICATE,
        REFUSED
    }

    private static final int MAX_NAME = 120;
    private static final Pattern CERTIFICATE = Pattern.compile(".*\\.(pem|crt|cer|der)");
    private static final Set<String> WINDOWS_DEVICES =
            Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "lpt1", "lpt2", "lpt3");

    private final InputLimits limits = InputLimits.DEFAULTS;
    private final long maxFileBytes;
    private final UnitsSettings units;

    @Autowired
    Uploads(ConsoleSettings settings, UnitsSettings units) {
        this(settings.upload().fileSize().toBytes(), units);
    }

    Uploads(long maxFileBytes, UnitsSettings units) {
        this.maxFileBytes = maxFileBytes;
        this.units = units;
    }

    /**
     * Stores every acceptable file of {@code files} under {@code yearDir}, judged against the year's rules. Never
     * throws for what is in a file; an outcome says what happened to each.
     */
    List<Outcome> store(Path yearDir, RuleBook rules, List<MultipartFile> files) throws IOException {
        Path staging = yearDir.resolve(".uploads");
        Files.createDirectories(staging);
        List<Outcome> outcomes = new ArrayList<>();
        for (MultipartFile file : files) {
            String original = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            Message nameError = nameError(original);
            if (nameError != null) {
                outcomes.add(refused(Texts.printable(original, MAX_NAME), nameError));
                continue;
            }
            String name = Normalizer.normalize(original, Normalizer.Form.NFC);
            if (file.getSize() > maxFileBytes) {
                outcomes.add(refused(
                        name,
                        Message.of(
                                "upload.too_big",
                                "size",
                                String.valueOf(file.getSize()),
                                "limit",
                                String.valueOf(maxFileBytes),
                                "setting",
                                "union-review.web.upload.file-size")));
                continue;
            }
            // staged under its own extension: a CSV is known by its name, as in the input folder
            String extension = name.matches(".*\\.[A-Za-z0-9]{1,5}")
                    ? name.substring(name.lastIndexOf('.')).toLowerCase(Locale.ROOT)
                    : "";
            Path staged = Files.createTempFile(staging, "upload-", extension);
            try {
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, staged, StandardCopyOption.REPLACE_EXISTING);
                }
                outcomes.add(place(yearDir, rules, name, staged));
            } finally {
                Files.deleteIfExists(staged);
            }
        }
        return outcomes;
    }

    /**
     * Why a file name is refused before its content is looked at, or null. Browsers send the name alone, never a
     * folder.
     */
    static Message nameError(String name) {
        if (name.isBlank()) {
            return Message.of("upload.no_name");
        }
        if (name.contains("/") || name.contains("\\") || name.contains(":")) {
            return Message.of("upload.folder_name");
        }
        if (name.startsWith(".") || name.startsWith("~$")) {
            return Message.of("upload.hidden_name");
        }
        // as the job judges a name (InputFile.nameError)
        if (Texts.controlCount(name) > 0
                || name.indexOf('\t') >= 0
                || name.indexOf('\n') >= 0
                || name.indexOf('\r') >= 0) {
            return Message.of("file.name_controls");
        }
        if (Texts.directionControl(name) >= 0) {
            return Message.of(
                    "file.name_direction_mark", "mark", String.format("U+%04X", Texts.directionControl(name)));
        }
        if (name.length() > MAX_NAME) {
            return Message.of(
                    "upload.name_too_long", "length", String.valueOf(name.length()), "max", String.valueOf(MAX_NAME));
        }
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (WINDOWS_DEVICES.contains(stem.toLowerCase(Locale.ROOT)) || name.endsWith(".") || name.endsWith(" ")) {
            return Message.of("upload.windows_name");
        }
        return null;
    }

    private Outcome place(Path yearDir, RuleBook rules, String name, Path staged) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            try {
                DecisionsLoader.load(staged, rules.sets());
            } catch (DecisionsException e) {
                return refused(name, Message.of("upload.decisions_invalid", "detail", e.problem()));
            }
            return move(yearDir, staged, name, Kind.DECISIONS, InputSet.DECISIONS);
        }
        if (lower.endsWith(".zip")) {
            return bundle(yearDir, rules.first().year(), name, staged);
        }
        if (CERTIFICATE.matcher(lower).matches()) {
            try {
                ManifestSignature.readCertificate(staged);
            } catch (IOException | GeneralSecurityException | ClassCastException e) {
                return refused(name, Message.of("upload.not_a_certificate", "detail", String.valueOf(e.getMessage())));
            }
            return move(yearDir, staged, name, Kind.CERTIFICATE, InputSet.UNITS + "/" + name);
        }
        SpreadsheetFormat format;
        try {
            format = SpreadsheetFormat.sniff(staged, name, limits);
        } catch (UnreadableFileException e) {
            return refused(name, e.reason());
        }
        Message asForm = null;
        if (format != SpreadsheetFormat.CSV) {
            try {
                new FormReader(BranchRules.of(rules, Map.of()), limits).read(staged, name);
                return move(yearDir, staged, name, Kind.FORM, "forms/" + name);
            } catch (UnreadableFileException e) {
                asForm = e.reason();
            } catch (RuntimeException e) {
                return refused(name, UnreadableFileException.damaged(name, e).reason());
            }
        }
        SheetRow header;
        List<Message> notes;
        try (SheetSource source = SheetSource.open(staged, name, limits)) {
            header = source.next();
            notes = source.notes();
        } catch (IOException | RuntimeException e) {
            return refused(name, BrokenInputException.reasonOf(e));
        }
        if (header == null) {
            return refused(name, Message.of("file.empty"));
        }
        TableLayout layout = TableLayout.of(BranchRules.of(rules, Map.of()), header, notes);
        if (layout.usable()) {
            return move(yearDir, staged, name, Kind.TABLE, "tables/" + name);
        }
        if (isRegistryHeader(header)) {
            if (format == SpreadsheetFormat.XLS) {
                return refused(name, Message.of("upload.registry_xls"));
            }
            String registry = format == SpreadsheetFormat.CSV ? "registry.csv" : "registry.xlsx";
            try {
                RegistryReader.read(InputFile.describe(staged, registry, InputFile.Role.REGISTRY), limits);
            } catch (InputException e) {
                return refused(name, Message.of("upload.registry_invalid", "detail", e.problem()));
            }
            Files.deleteIfExists(yearDir.resolve(format == SpreadsheetFormat.CSV ? "registry.xlsx" : "registry.csv"));
            return move(yearDir, staged, name, Kind.REGISTRY, registry);
        }
        if (hasColumns(header, UnitsList.COLUMNS)) {
            return unitsList(yearDir, name, staged, format);
        }
        return refused(
                name,
                asForm == null
                        ? layout.fileError()
                        : Message.of("upload.neither", "as_form", asForm, "as_table", layout.fileError()));
    }

    private static boolean isRegistryHeader(SheetRow header) {
        return hasColumns(header, List.of("code", "name", "bloc"));
    }

    private static boolean hasColumns(SheetRow header, List<String> names) {
        Set<String> columns = new HashSet<>();
        header.cells().forEach(c -> columns.add(c.text().strip().toLowerCase(Locale.ROOT)));
        return columns.containsAll(names);
    }

    /** A province's list of the units beneath it, kept when the job can read at least one unit of it. */
    private Outcome unitsList(Path yearDir, String name, Path staged, SpreadsheetFormat format) throws IOException {
        if (format == SpreadsheetFormat.XLS) {
            return refused(name, Message.of("upload.units_list_xls"));
        }
        String list = format == SpreadsheetFormat.CSV ? "units.csv" : "units.xlsx";
        UnitsList.Read read = UnitsList.read(staged, list, yearDir, limits);
        if (read.units().isEmpty()) {
            return refused(
                    name,
                    read.problems().isEmpty()
                            ? Message.of("upload.units_list_empty")
                            : read.problems().get(0).reason());
        }
        Files.deleteIfExists(yearDir.resolve(format == SpreadsheetFormat.CSV ? "units.xlsx" : "units.csv"));
        return move(yearDir, staged, name, Kind.UNITS_LIST, list);
    }

    /**
     * A unit's result bundle, checked as the province's run will check it (against the year's list of units, when it
     * has one; else as far as it can be without it) and kept under {@code units/} only when that run would take it.
     */
    private Outcome bundle(Path yearDir, int year, String name, Path staged) throws IOException {
        Path work = Files.createTempDirectory(staged.getParent(), "bundle-");
        try {
            // checked under its own name: the reasons name the file as the person sent it
            Path named = Files.move(
                    staged, Files.createDirectories(work.resolve("sent")).resolve(name));
            BundleCheck check = new BundleCheck(year, limits, units.acceptsUnsigned());
            Path list = InputSet.unitsList(yearDir);
            Message refusal;
            if (list == null) {
                BundleCheck.Opened opened = check.open(named, Files.createDirectories(work.resolve("open")));
                refusal = opened.refusal();
            } else {
                List<Unit> listed = UnitsList.read(list, list.getFileName().toString(), yearDir, limits)
                        .units();
                refusal = new Intake(check)
                        .take(listed, List.of(named), Files.createDirectories(work.resolve("open"))).stream()
                                .filter(o -> o.bundle().equals(name) && o.state() == Intake.State.REFUSED)
                                .map(Intake.Outcome::reason)
                                .findFirst()
                                .orElse(null);
            }
            if (refusal != null) {
                return refused(name, refusal);
            }
            return move(yearDir, named, name, Kind.BUNDLE, InputSet.UNITS + "/" + name);
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    private static Outcome move(Path yearDir, Path staged, String name, Kind kind, String target) throws IOException {
        Path destination = yearDir.resolve(target).normalize();
        if (!destination.startsWith(yearDir)) {
            return refused(name, Message.of("upload.outside"));
        }
        Files.createDirectories(destination.getParent());
        boolean replaced = Files.exists(destination);
        String sha256 = Digests.sha256(staged);
        Files.move(staged, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Outcome(name, kind, target, replaced, sha256, null);
    }

    private static Outcome refused(String name, Message reason) {
        return new Outcome(name, Kind.REFUSED, null, false, null, reason);
    }
}
