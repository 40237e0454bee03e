package vn.unionreview.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import vn.unionreview.batch.UnitsSettings;
import vn.unionreview.council.CouncilDecisions;
import vn.unionreview.council.DecisionsException;
import vn.unionreview.council.DecisionsLoader;
import vn.unionreview.ingest.InputLimits;
import vn.unionreview.ingest.InputSet;
import vn.unionreview.ingest.Problem;
import vn.unionreview.rules.RuleSetException;
import vn.unionreview.text.Message;
import vn.unionreview.units.BundleCheck;
import vn.unionreview.units.Intake;
import vn.unionreview.units.UnitsList;
import vn.unionreview.year.YearRules;

/**
 * A province's units on its year's page, as the next run will take them: the list of units read and each bundle under
 * {@code units/} checked offline now, with the council's returns, by the run's own {@link Intake}. Checked again only
 * when a file of the list, the bundles or the decisions changes.
 */
@Component
class YearUnits {

    /**
     * One unit, or one bundle naming none.
     *
     * @param state accepted, refused, missing, replaced or returned
     * @param reason why, or null when accepted
     * @param decision the unit's decision, "số … ngày …", or "" when no bundle was read
     */
    record Row(String code, String name, String state, Message reason, String bundle, String signer, String decision) {}

    /** The units, and what in the list of units cannot be used, each where it is. */
    record Listed(List<Row> rows, List<Problem> problems) {}

    /** The units of one year as last checked, and the files they were checked from. */
    private record Checked(String files, Listed listed) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final InputLimits limits = InputLimits.DEFAULTS;
    private final UnitsSettings settings;
    private final Map<Integer, Checked> checked = new ConcurrentHashMap<>();

    YearUnits(UnitsSettings settings) {
        this.settings = settings;
    }

    /** The year's units; null for a year with no list of units. */
    Listed of(Path yearDir, int year) throws IOException {
        Path list = InputSet.unitsList(yearDir);
        if (list == null) {
            return null;
        }
        List<Path> sent;
        try (Stream<Path> files = Files.isDirectory(yearDir.resolve(InputSet.UNITS))
                ? Files.list(yearDir.resolve(InputSet.UNITS))
                : Stream.empty()) {
            sent = files.sorted().toList();
        }
        List<Path> bundles = sent.stream()
                .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip"))
                .toList();
        // the certificates beside the bundles count too: a unit's new certificate changes what is accepted
        String files = fingerprint(list, sent, yearDir.resolve(InputSet.DECISIONS));
        Checked last = checked.get(year);
        if (last != null && last.files().equals(files)) {
            return last.listed();
        }
        Listed listed = check(yearDir, year, list, bundles);
        checked.put(year, new Checked(files, listed));
        return listed;
    }

    private Listed check(Path yearDir, int year, Path list, List<Path> bundles) throws IOException {
        UnitsList.Read read = UnitsList.read(list, list.getFileName().toString(), yearDir, limits);
        Path work = Files.createTempDirectory("union-review-console-units");
        List<Intake.Outcome> outcomes;
        try {
            outcomes = new Intake(new BundleCheck(year, limits, settings.acceptsUnsigned()))
                    .take(read.units(), bundles, work);
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
        CouncilDecisions council = decisions(yearDir, year);
        if (council != null && !council.returns().isEmpty()) {
            outcomes = Intake.returning(
                            outcomes,
                            council.returns(),
                            council.meetingNumber(),
                            council.meetingDate().format(DAY))
                    .outcomes();
        }
        return new Listed(outcomes.stream().map(YearUnits::row).toList(), read.problems());
    }

    private static Row row(Intake.Outcome o) {
        BundleCheck.Checked c = o.checked();
        boolean published = c != null && c.index() != null && c.index().publication() != null;
        return new Row(
                o.unit() == null ? "" : o.unit().code(),
                o.unit() == null ? "" : o.unit().name(),
                o.state().name().toLowerCase(Locale.ROOT),
                o.state() == Intake.State.ACCEPTED ? null : o.reason(),
                o.bundle(),
                c == null ? "" : c.signer(),
                published
                        ? c.index().publication().number() + ", "
                                + LocalDate.parse(c.index().publication().date())
                                        .format(DAY)
                        : "");
    }

    /**
     * The council's decisions, for its returns; null when the year has none, or none the run could use (the run says
     * why).
     */
    private static CouncilDecisions decisions(Path yearDir, int year) {
        Path file = yearDir.resolve(InputSet.DECISIONS);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return DecisionsLoader.load(file, YearRules.load(null, year).sets());
        } catch (DecisionsException | RuleSetException | YearRules.Unusable e) {
            return null;
        }
    }

    private static String fingerprint(Path list, List<Path> sent, Path decisions) throws IOException {
        StringBuilder files = new StringBuilder();
        for (Path f : Stream.concat(Stream.of(list, decisions), sent.stream()).toList()) {
            files.append(f.getFileName()).append('|');
            if (Files.exists(f)) {
                files.append(Files.size(f)).append('|').append(Files.getLastModifiedTime(f));
            }
            files.append('\n');
        }
        return files.toString();
    }
}
