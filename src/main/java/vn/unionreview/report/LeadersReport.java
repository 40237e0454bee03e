package vn.unionreview.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import vn.unionreview.VietnameseText;
import vn.unionreview.council.DecisionApplier;
import vn.unionreview.ingest.InputFile;
import vn.unionreview.integrity.Signal;
import vn.unionreview.integrity.SignalKind;
import vn.unionreview.result.DecisionRow;
import vn.unionreview.result.NotRated;
import vn.unionreview.result.NotSubmitted;
import vn.unionreview.result.ResultRow;
import vn.unionreview.rules.Award;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.TieBreak;
import vn.unionreview.rules.Tier;
import vn.unionreview.stats.BlocSummary;
import vn.unionreview.stats.Describe;
import vn.unionreview.stats.InflationEntry;
import vn.unionreview.stats.Movement;
import vn.unionreview.stats.TierCount;
import vn.unionreview.stats.UnitFigures;
import vn.unionreview.stats.YearStatistics;
import vn.unionreview.text.Catalogue;

/**
 * The leaders' report as a union administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I; Quyết định 933/QĐ-TLĐ):
 * A4, margins 20/20/30/20 mm (top, bottom, left, right), Times-metric serif embedded, 14 pt justified body with a 1 cm
 * first-line indent, the two-column header, page numbers centred at the top from page 2, signature block and
 * recipients, then appendices: ranking per bloc (header rows repeated on every page), statistics, and the control page
 * auditors ask for first.
 */
public final class LeadersReport {

    /**
     * One kind of branch's part of the report, with its charts: a year with one rule set has one part, of no kind; a
     * year ruled by kind has one per kind, each written under its kind's title wherever the report speaks of results.
     */
    public record Part(ReportData data, List<Charts.Chart> charts) {}

    /** A section's content for the part being written. */
    @FunctionalInterface
    private interface PartSection {
        void write(Document doc) throws DocumentException;
    }

    private final List<Part> parts;
    /** The part being written: what is the same for every part (the run, its counts and files) is read from it too. */
    private ReportData data;

    private final ReportSettings settings;
    /** Messages (the council's outcomes) in the report's language. */
    /** The document being written and its writer, while {@link #write} runs: a heading looks where it would fall. */
    private Document document;

    private PdfWriter writer;
    private final Catalogue words;

    private final Labels labels;
    private final ReportFonts fonts;
    private List<Charts.Chart> charts;
    private RuleSet rules;
    private final OfficialLayout layout;
    private int section;

    /** @param charts the charts in the order they are shown; drawn into the PDF as vector graphics */
    public LeadersReport(
            ReportData data, ReportSettings settings, Labels labels, ReportFonts fonts, List<Charts.Chart> charts) {
        this(List.of(new Part(data, charts)), settings, labels, fonts);
    }

    /** @param parts one per kind of branch, in the order they are written; the first speaks for the year */
    public LeadersReport(List<Part> parts, ReportSettings settings, Labels labels, ReportFonts fonts) {
        this.parts = List.copyOf(parts);
        this.settings = settings;
        this.words = Catalogue.of(labels.lang());
        this.labels = labels;
        this.fonts = fonts;
        writing(parts.get(0));
        this.layout = new OfficialLayout(settings, labels, fonts, OfficialLayout.issuingBody(settings, labels, rules));
    }

    public void write(OutputStream out) throws IOException {
        Document doc = OfficialLayout.a4();
        this.document = doc;
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            this.writer = writer;
            writer.setPageEvent(layout.pageNumbers());
            layout.fixMetadata(
                    doc,
                    writer,
                    labels.get("title", lowerFirst(labels.text(rules.title()))),
                    "union-review " + data.run().version(),
                    data.run().runName() + "/" + labels.lang());
            doc.open();
            OfficialLayout.fixDates(writer, data.run().reportDate());
            layout.header(doc, settings.documentNumber(), data.run().reportDate(), null);
            title(doc);
            overview(doc);
            // the tier table is read whole: its section's heading and it start a page together when they must
            ensureRoom(HEADING_ROOM + tierTableRoom());
            doc.add(heading("s2"));
            forEachPart(doc, this::classification, () -> ensureRoom(tierTableRoom()));
            integrity(doc);
            doc.add(heading("s3"));
            forEachPart(doc, this::awards);
            councilDecisions(doc);
            chartsSection(doc, writer);
            dataQuality(doc);
            layout.signature(doc, settings.recipients().in(labels.lang()));
            int[] appendix = {1};
            for (Part part : parts) {
                writing(part);
                Map<String, List<ResultRow>> byBloc = new HashMap<>();
                data.results()
                        .forEach(r -> byBloc.computeIfAbsent(r.bloc(), b -> new ArrayList<>())
                                .add(r));
                for (BlocSummary bloc : data.stats().blocs()) {
                    rankingAppendix(doc, appendix[0]++, bloc.bloc(), byBloc.getOrDefault(bloc.bloc(), List.of()));
                }
            }
            for (Part part : parts) {
                writing(part);
                // the criteria's statistics are of the branches the run scored itself, not of a unit's
                if (data.stats().criteria().stream().anyMatch(d -> d.n() > 0)) {
                    statisticsAppendix(doc, appendix[0]++);
                }
            }
            writing(parts.get(0));
            provenanceAppendix(doc, appendix[0]);
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("the report could not be laid out: " + e.getMessage(), e);
        }
    }

    // ---- the document's parts ----------------------------------------------------------

    private void writing(Part part) {
        this.data = part.data();
        this.rules = part.data().rules();
        this.charts = part.charts();
    }

    /** A section's content for each kind, under the kind's title; for a year with one rule set, once, untitled. */
    private void forEachPart(Document doc, PartSection section) throws DocumentException {
        // a kind's title goes with the first lines under it, not alone at a page's foot
        forEachPart(doc, section, () -> ensureRoom(HEADING_ROOM));
    }

    /** @param beforeKind what to do before a kind's title (start a new page when there is no room for what follows) */
    private void forEachPart(Document doc, PartSection section, Runnable beforeKind) throws DocumentException {
        for (Part part : parts) {
            writing(part);
            if (rules.kind() != null) {
                beforeKind.run();
                Paragraph kind = new Paragraph(
                        labels.get("kind.heading", labels.text(rules.kind().title())),
                        layout.font(ReportFonts.Face.BOLD_ITALIC, 13));
                kind.setSpacingBefore(6);
                kind.setSpacingAfter(2);
                doc.add(kind);
            }
            section.write(doc);
        }
        writing(parts.get(0));
    }

    private void title(Document doc) throws DocumentException {
        Paragraph type = OfficialLayout.centered(labels.get("documentType"), layout.font(ReportFonts.Face.BOLD, 14));
        type.setSpacingBefore(18);
        doc.add(type);
        Paragraph title = OfficialLayout.centered(
                layout.keepTogether(
                        labels.get("title", lowerFirst(labels.text(rules.title())))
                                .toUpperCase(VietnameseText.VIETNAMESE),
                        ReportFonts.Face.BOLD,
                        14,
                        OfficialLayout.TEXT_WIDTH),
                layout.font(ReportFonts.Face.BOLD, 14));
        title.setSpacingAfter(2);
        doc.add(title);
        doc.add(OfficialLayout.rule(25, 4)); // clear of the title's last line
        doc.add(new Paragraph(" ", layout.font(ReportFonts.Face.REGULAR, 6)));
    }

    private void overview(Document doc) throws DocumentException {
        doc.add(heading("s1"));
        if (parts.size() == 1) {
            scope(doc);
            submissions(doc);
            results(doc);
        } else {
            submissions(doc);
            forEachPart(doc, d -> {
                scope(d);
                results(d);
            });
        }
    }

    private void scope(Document doc) throws DocumentException {
        YearStatistics s = data.stats();
        if (data.units() != null) {
            // a province counts what its units decided: their members and criteria are in their own reports
            doc.add(layout.body(labels.get(
                    "summary.scopeProvince",
                    data.run().year(),
                    labels.text(rules.issuer()),
                    s.branches(),
                    s.blocs().size())));
            return;
        }
        doc.add(layout.body(labels.get(
                "summary.scope",
                data.run().year(),
                labels.text(rules.issuer()),
                s.branches(),
                s.blocs().size(),
                labels.number(s.membersUnion(), 0))));
    }

    /** What was read: the same for every kind. */
    private void submissions(Document doc) throws DocumentException {
        doc.add(layout.body(labels.get(
                "summary.data",
                data.counts().rowsRead(),
                data.run().inputs().size() - 1,
                data.counts().rowsAccepted(),
                data.counts().rowsRejected(),
                data.counts().registryBranches(),
                data.counts().notSubmitted(),
                data.counts().submittedUnreadable())));
        if (data.units() != null) {
            Set<String> taken = new TreeSet<>();
            parts.forEach(p -> p.data().units().units().forEach(u -> taken.add(u.code())));
            long branches = parts.stream()
                    .flatMap(p -> p.data().results().stream())
                    .filter(ResultRow::fromUnit)
                    .count();
            doc.add(layout.body(labels.get(
                    "summary.units",
                    taken.size(),
                    taken.size()
                            + data.units().unaccepted().stream()
                                    .filter(u -> !u.name().isEmpty())
                                    .count(),
                    branches)));
        }
    }

    private void results(Document doc) throws DocumentException {
        YearStatistics s = data.stats();
        List<String> items = new ArrayList<>();
        for (TierCount t : s.tiers()) {
            items.add(labels.get("summary.tierItem", t.count(), tierTitle(t.tier()), labels.percent(t.share())));
        }
        double mean = data.results().stream()
                .mapToDouble(r -> r.total().doubleValue())
                .average()
                .orElse(0);
        double max = data.results().stream()
                .mapToDouble(r -> r.total().doubleValue())
                .max()
                .orElse(0);
        double min = data.results().stream()
                .mapToDouble(r -> r.total().doubleValue())
                .min()
                .orElse(0);
        doc.add(layout.body(labels.get(
                "summary.result",
                labels.number(mean, 2),
                labels.number(max, 2),
                labels.number(min, 2),
                String.join("; ", items))));
        doc.add(layout.body(labels.get("summary.adjust", s.cappedBranches(), s.demotedBranches())));
        namedAdjustments(doc);
        // a kind none of whose branches has a past (all of them new to the reviewer) has nothing to compare
        s.yearOverYear()
                .filter(y -> Stream.of(Movement.Direction.UP, Movement.Direction.SAME, Movement.Direction.DOWN)
                        .anyMatch(d -> y.counts().getOrDefault(d, 0) > 0))
                .ifPresent(y -> {
                    Map<Movement.Direction, Integer> c = y.counts();
                    add(
                            doc,
                            layout.body(labels.get(
                                    "summary.yoy",
                                    y.previousYear(),
                                    c.getOrDefault(Movement.Direction.UP, 0),
                                    c.getOrDefault(Movement.Direction.SAME, 0),
                                    c.getOrDefault(Movement.Direction.DOWN, 0))));
                });
    }

    private void classification(Document doc) throws DocumentException {
        YearStatistics s = data.stats();
        PdfPTable tiers = layout.table(
                new float[] {60, 20, 20},
                labels.get("table.tier"),
                labels.get("table.count"),
                labels.get("table.share"));
        for (TierCount t : s.tiers()) {
            layout.text(tiers, tierTitle(t.tier()), Element.ALIGN_LEFT);
            layout.text(tiers, Integer.toString(t.count()), Element.ALIGN_CENTER);
            layout.text(tiers, labels.percent(t.share()), Element.ALIGN_CENTER);
        }
        layout.text(tiers, labels.get("table.total"), Element.ALIGN_LEFT, ReportFonts.Face.BOLD);
        layout.text(tiers, Integer.toString(s.branches()), Element.ALIGN_CENTER, ReportFonts.Face.BOLD);
        layout.text(tiers, labels.percent(s.branches() == 0 ? 0 : 1), Element.ALIGN_CENTER, ReportFonts.Face.BOLD);
        tiers.setKeepTogether(true);
        doc.add(tiers);

        // the tiers' names head their columns: they get the room, the bloc's name wraps instead
        float[] widths = new float[rules.tiers().size() + 3];
        widths[0] = 26;
        widths[1] = 9;
        widths[widths.length - 1] = 10;
        Arrays.fill(widths, 2, widths.length - 1, 55f / rules.tiers().size());
        List<String> headers = new ArrayList<>(List.of(labels.get("table.bloc"), labels.get("table.count")));
        rules.tiers().forEach(t -> headers.add(labels.text(t.title())));
        headers.add(labels.get("table.mean"));
        PdfPTable blocs = layout.table(widths, headers.toArray(String[]::new));
        for (BlocSummary b : s.blocs()) {
            layout.text(blocs, b.bloc(), Element.ALIGN_LEFT);
            layout.text(blocs, Integer.toString(b.branches()), Element.ALIGN_CENTER);
            b.tiers().forEach(t -> layout.text(blocs, Integer.toString(t.count()), Element.ALIGN_CENTER));
            layout.text(blocs, labels.fixed(b.meanTotal(), 2), Element.ALIGN_CENTER);
        }
        blocs.setSpacingBefore(8);
        doc.add(blocs);
        if (data.units() != null) {
            units(doc, data.units());
        }
    }

    /**
     * A province's picture by the unions beneath it: per unit, its decision, tier counts and shares and each target met
     * or missed, then the province's own and its total; the units whose results are not in it, with why.
     */
    private void units(Document doc, UnitFigures.Picture picture) throws DocumentException {
        int tiers = rules.tiers().size();
        int targets = rules.targets().size();
        float[] widths = new float[3 + tiers + targets];
        widths[0] = 24;
        widths[1] = 15;
        widths[2] = 8;
        Arrays.fill(widths, 3, widths.length, 53f / (tiers + targets));
        List<String> headers = new ArrayList<>(
                List.of(labels.get("table.unit"), labels.get("table.unitDecision"), labels.get("table.count")));
        rules.tiers().forEach(t -> headers.add(labels.text(t.title())));
        rules.targets().forEach(t -> headers.add(labels.text(t.title())));
        PdfPTable table = layout.table(widths, headers.toArray(String[]::new));
        if (picture.own() != null) {
            unitRow(table, picture.own(), labels.get("units.own"), ReportFonts.Face.REGULAR);
        }
        for (UnitFigures unit : picture.units()) {
            unitRow(table, unit, unit.name(), ReportFonts.Face.REGULAR);
        }
        unitRow(table, picture.province(), labels.get("units.province"), ReportFonts.Face.BOLD);
        table.setSpacingBefore(8);
        Paragraph heading = layout.body(labels.get("units.heading"));
        heading.setKeepTogether(true);
        doc.add(heading);
        doc.add(table);
        List<String> missing = picture.unaccepted().stream()
                .filter(u -> !u.name().isEmpty())
                .map(u -> labels.get(
                        "units.notTakenItem",
                        u.name(),
                        labels.get("units.state." + u.state()),
                        words.render(u.reason())))
                .toList();
        if (!missing.isEmpty()) {
            doc.add(layout.body(labels.get("units.notTaken", String.join("; ", missing))));
        }
    }

    private void unitRow(PdfPTable table, UnitFigures unit, String name, ReportFonts.Face face) {
        layout.text(table, name, Element.ALIGN_LEFT, face);
        layout.text(
                table,
                unit.decision().isEmpty()
                        ? ""
                        : labels.get("units.decision", unit.decision(), labels.date(unit.decisionDate())),
                Element.ALIGN_LEFT,
                face);
        layout.text(table, Integer.toString(unit.branches()), Element.ALIGN_CENTER, face);
        unit.tiers()
                .forEach(t -> layout.text(
                        table, t.count() + " (" + labels.percent(t.share()) + ")", Element.ALIGN_CENTER, face));
        unit.targets()
                .forEach(t -> layout.text(
                        table,
                        labels.get(
                                t.met() ? "units.met" : "units.missed",
                                labels.percent(t.share().doubleValue())),
                        Element.ALIGN_CENTER,
                        face));
    }

    /**
     * What the council may want to look at before it signs, before the proposals it signs: a count per signal, then per
     * signal its meaning and the branches (at national size, counts per bloc; the names are in the workbook).
     */
    private void integrity(Document doc) throws DocumentException {
        IntegrityFindings found = data.integrity();
        if (!found.enabled()) {
            return;
        }
        doc.add(heading("s.integrity"));
        doc.add(layout.body(labels.get("integrity.intro")));
        forEachPart(doc, this::signals);
    }

    /** The signals found among the part's branches. */
    private void signals(Document doc) throws DocumentException {
        IntegrityFindings found = data.integrity();
        if (found.signals().isEmpty()) {
            doc.add(layout.body(labels.get("integrity.none", data.stats().branches())));
            return;
        }
        PdfPTable counts = layout.table(
                new float[] {8, 30, 50, 12},
                labels.get("table.no"),
                labels.get("integrity.kind"),
                labels.get("integrity.explain"),
                labels.get("integrity.count"));
        int n = 1;
        for (SignalKind kind : SignalKind.values()) {
            layout.text(counts, Integer.toString(n++), Element.ALIGN_CENTER);
            layout.text(counts, labels.get("signal." + kind.id() + ".title"), Element.ALIGN_LEFT);
            layout.text(counts, explain(kind), Element.ALIGN_LEFT);
            layout.text(
                    counts,
                    Long.toString(
                            found.of(kind).stream().map(Signal::code).distinct().count()),
                    Element.ALIGN_CENTER);
        }
        counts.setSpacingAfter(6);
        doc.add(counts);
        n = 1;
        for (SignalKind kind : SignalKind.values()) {
            List<Signal> signals = found.of(kind);
            if (signals.isEmpty()) {
                continue;
            }
            Paragraph title = new Paragraph(
                    labels.get(
                            "integrity.heading",
                            n++,
                            labels.get("signal." + kind.id() + ".title"),
                            signals.stream().map(Signal::code).distinct().count()),
                    layout.font(ReportFonts.Face.BOLD, 13));
            title.setSpacingBefore(4);
            title.setSpacingAfter(3);
            // the signal's title goes with the first rows of its table, not alone at a page's foot
            ensureRoom(HEADING_ROOM);
            doc.add(title);
            if (signals.size() > settings.awardRows()) {
                integrityByBloc(doc, signals);
                continue;
            }
            PdfPTable table = layout.table(
                    new float[] {7, 13, 27, 16, 37},
                    labels.get("table.no"),
                    labels.get("table.code"),
                    labels.get("table.name"),
                    labels.get("table.bloc"),
                    labels.get("integrity.detail"));
            int row = 1;
            for (Signal s : signals) {
                layout.text(table, Integer.toString(row++), Element.ALIGN_CENTER);
                layout.text(table, s.code(), Element.ALIGN_LEFT);
                layout.text(table, s.name(), Element.ALIGN_LEFT);
                layout.text(table, s.bloc(), Element.ALIGN_LEFT);
                layout.text(table, s.detailIn(labels.lang()), Element.ALIGN_LEFT);
            }
            table.setSpacingAfter(6);
            doc.add(table);
        }
    }

    /** A signal's meaning, with the threshold it was looked for with. */
    private String explain(SignalKind kind) {
        Map<String, String> t = data.integrity().thresholds();
        String key = "signal." + kind.id() + ".explain";
        return switch (kind) {
            case NEAR_IDENTICAL_SCORES -> labels.get(key, new BigDecimal(t.get("near-identical-points")));
            case INFLATION_OUTLIER ->
                labels.get(key, number(t.get("inflation-min-points")), number(t.get("inflation-z")));
            case JUMP_FROM_LAST_YEAR -> labels.get(key, number(t.get("jump-points")));
            default -> labels.get(key);
        };
    }

    private String number(String plain) {
        return labels.number(new BigDecimal(plain));
    }

    /** A national signal list: how many branches of each bloc show it; the names are in results.xlsx. */
    private void integrityByBloc(Document doc, List<Signal> signals) throws DocumentException {
        Map<String, Set<String>> byBloc = new HashMap<>();
        signals.forEach(
                s -> byBloc.computeIfAbsent(s.bloc(), b -> new HashSet<>()).add(s.code()));
        countsByBloc(
                doc,
                new float[] {8, 72, 20},
                new String[] {labels.get("integrity.count")},
                bloc -> byBloc.containsKey(bloc)
                        ? List.of(labels.number(
                                BigDecimal.valueOf(byBloc.get(bloc).size())))
                        : null,
                labels.get("integrity.byBloc", labels.get("sheet.integrity")));
    }

    private void awards(Document doc) throws DocumentException {
        for (Award award : rules.awards()) {
            List<ResultRow> proposed = data.results().stream()
                    .filter(r -> Arrays.asList(r.award().split(";")).contains(award.id()))
                    .sorted(Comparator.comparingInt(ResultRow::rankAll).thenComparing(ResultRow::code))
                    .toList();
            if (proposed.isEmpty()) {
                doc.add(layout.body(labels.get("award.none", labels.text(award.title()))));
                continue;
            }
            doc.add(layout.body(labels.get("award.intro", labels.text(award.title()), proposed.size())));
            if (proposed.size() > settings.awardRows()) {
                awardCountsByBloc(doc, proposed);
                continue;
            }
            PdfPTable table = layout.table(
                    new float[] {8, 44, 26, 11, 21},
                    labels.get("table.no"),
                    labels.get("table.name"),
                    labels.get("table.bloc"),
                    labels.get("table.totalScore"),
                    labels.get("table.note"));
            int n = 1;
            for (ResultRow r : proposed) {
                layout.text(table, Integer.toString(n++), Element.ALIGN_CENTER);
                layout.text(table, r.name(), Element.ALIGN_LEFT);
                layout.text(table, r.bloc(), Element.ALIGN_LEFT);
                layout.text(table, labels.number(r.total()), Element.ALIGN_CENTER);
                layout.text(
                        table,
                        r.awardTie() ? labels.get("award.tie") : "",
                        Element.ALIGN_LEFT,
                        ReportFonts.Face.ITALIC);
            }
            table.setSpacingAfter(6);
            doc.add(table);
        }
    }

    /**
     * The council's decisions, with their reasons, and what became of each (a decision that did not fit is said so).
     */
    private void councilDecisions(Document doc) throws DocumentException {
        if (data.decisions().isEmpty()) {
            return;
        }
        doc.add(layout.body(
                labels.get("council.intro", data.meeting(), data.decisions().size())));
        PdfPTable table = layout.table(
                new float[] {7, 16, 20, 32, 25},
                labels.get("table.no"),
                labels.get("council.branch"),
                labels.get("council.decision"),
                labels.get("council.reason"),
                labels.get("council.outcome"));
        for (DecisionRow d : data.decisions()) {
            writing(partOf(d.branch())); // its tiers and awards are named as its kind's rule set names them
            layout.text(table, Integer.toString(d.seq()), Element.ALIGN_CENTER);
            layout.text(table, d.branch(), Element.ALIGN_LEFT);
            String[] decided = d.summary().split(" ", 2);
            layout.text(
                    table,
                    labels.get(
                            "council." + decided[0],
                            decided[0].equals("tier") ? tierTitle(decided[1]) : awardTitles(decided[1])),
                    Element.ALIGN_LEFT);
            layout.text(table, d.reason(), Element.ALIGN_LEFT);
            String why = words.render(DecisionApplier.named(rules, d.why()));
            why = why.substring(0, 1).toUpperCase(VietnameseText.VIETNAMESE) + why.substring(1);
            layout.text(
                    table,
                    d.applied() ? labels.get("council.applied") : labels.get("council.notApplied", why),
                    Element.ALIGN_LEFT,
                    d.applied() ? ReportFonts.Face.REGULAR : ReportFonts.Face.ITALIC);
        }
        writing(parts.get(0));
        table.setSpacingAfter(6);
        doc.add(table);
    }

    /** The part whose results hold the branch; the first when none does. */
    private Part partOf(String code) {
        return parts.stream()
                .filter(p -> p.data().results().stream().anyMatch(r -> r.code().equals(code)))
                .findFirst()
                .orElse(parts.get(0));
    }

    /** A national award list: how many each bloc proposes (ties counted); the names are in results.xlsx. */
    private void awardCountsByBloc(Document doc, List<ResultRow> proposed) throws DocumentException {
        Map<String, Integer> proposedByBloc = new HashMap<>();
        Map<String, Integer> tiedByBloc = new HashMap<>();
        for (ResultRow r : proposed) {
            proposedByBloc.merge(r.bloc(), 1, Integer::sum);
            tiedByBloc.merge(r.bloc(), r.awardTie() ? 1 : 0, Integer::sum);
        }
        countsByBloc(
                doc,
                new float[] {8, 62, 15, 15},
                new String[] {labels.get("table.proposed"), labels.get("table.tied")},
                bloc -> {
                    Integer awards = proposedByBloc.get(bloc);
                    int tied = tiedByBloc.getOrDefault(bloc, 0);
                    return awards == null
                            ? null
                            : List.of(
                                    labels.number(BigDecimal.valueOf(awards)),
                                    tied == 0 ? "" : labels.number(BigDecimal.valueOf(tied)));
                },
                labels.get("award.names", labels.get("sheet.awards")));
    }

    /**
     * A list too long to name, as a table of counts per bloc in the report's bloc order (a bloc with none is left out),
     * then in italics where the names are.
     *
     * @param counts a bloc's cells after its name, or null when it has nothing to count
     */
    private void countsByBloc(
            Document doc, float[] widths, String[] countHeaders, Function<String, List<String>> counts, String where)
            throws DocumentException {
        List<String> headers = new ArrayList<>(List.of(labels.get("table.no"), labels.get("table.bloc")));
        headers.addAll(List.of(countHeaders));
        PdfPTable table = layout.table(widths, headers.toArray(String[]::new));
        int n = 1;
        for (BlocSummary bloc : data.stats().blocs()) {
            List<String> cells = counts.apply(bloc.bloc());
            if (cells == null) {
                continue;
            }
            layout.text(table, Integer.toString(n++), Element.ALIGN_CENTER);
            layout.text(table, bloc.bloc(), Element.ALIGN_LEFT);
            cells.forEach(cell -> layout.text(table, cell, Element.ALIGN_CENTER));
        }
        table.setSpacingAfter(2);
        doc.add(table);
        Paragraph note = new Paragraph(where, layout.font(ReportFonts.Face.ITALIC, 11));
        note.setSpacingAfter(6);
        doc.add(note);
    }

    /**
     * Each chart drawn straight into the page as vectors with the report's embedded font: sharp at any print size, its
     * text searchable, and no image to rasterise and compress.
     */
    private void chartsSection(Document doc, PdfWriter writer) throws DocumentException {
        float chartHeight = (doc.right() - doc.left()) * Charts.HEIGHT / Charts.WIDTH;
        if (!charts.isEmpty()
                && writer.getVerticalPosition(true) - doc.bottom() < chartHeight + 3 * OfficialLayout.BODY) {
            doc.newPage(); // the heading goes with its first chart, not alone at the foot of a page
        }
        doc.add(heading("s4"));
        forEachPart(doc, d -> drawCharts(d, writer), () -> {
            if (writer.getVerticalPosition(true) - doc.bottom() < chartHeight + 3 * OfficialLayout.BODY) {
                doc.newPage(); // a kind's title goes with its first chart
            }
        });
    }

    private void drawCharts(Document doc, PdfWriter writer) throws DocumentException {
        FontMapper fontMapper = new ReportFontMapper();
        for (Charts.Chart chart : charts) {
            PdfTemplate canvas = writer.getDirectContent().createTemplate(Charts.WIDTH, Charts.HEIGHT);
            Graphics2D g2 = canvas.createGraphics(Charts.WIDTH, Charts.HEIGHT, fontMapper);
            chart.chart().draw(g2, new Rectangle2D.Double(0, 0, Charts.WIDTH, Charts.HEIGHT));
            g2.dispose();
            Image image = Image.getInstance(canvas);
            float width = doc.right() - doc.left();
            image.scaleToFit(width, width * Charts.HEIGHT / Charts.WIDTH);
            image.setAlignment(Image.ALIGN_CENTER);
            image.setSpacingBefore(6);
            image.setSpacingAfter(6);
            doc.add(image);
        }
    }

    private void dataQuality(Document doc) throws DocumentException {
        doc.add(heading("s5"));
        doc.add(layout.body(labels.get("quality.rejected", data.counts().rowsRejected(), data.corrections())));
        if (data.counts().unreadableFiles() > 0) {
            doc.add(layout.body(labels.get("quality.unreadable", data.counts().unreadableFiles())));
        }
        List<String> nothing = data.notSubmitted().stream()
                .filter(b -> !b.unreadable())
                .map(NotSubmitted::name)
                .toList();
        List<String> unreadable = data.notSubmitted().stream()
                .filter(NotSubmitted::unreadable)
                .map(NotSubmitted::name)
                .toList();
        if (data.notSubmitted().isEmpty()) {
            doc.add(layout.body(labels.get("quality.allSubmitted")));
        }
        if (!nothing.isEmpty()) {
            doc.add(layout.body(labels.get("quality.notSubmitted", String.join("; ", nothing))));
        }
        // a branch whose form arrived did submit: it is named apart, with why its file could not be read
        if (!unreadable.isEmpty()) {
            doc.add(layout.body(labels.get("quality.submittedUnreadable", String.join("; ", unreadable))));
        }
        if (!data.notRated().isEmpty()) {
            doc.add(layout.body(labels.get(
                    "quality.notRated",
                    String.join(
                            "; ", data.notRated().stream().map(NotRated::name).toList()))));
        }
        if (!data.dissolved().isEmpty()) {
            doc.add(layout.body(labels.get(
                    "quality.dissolved",
                    String.join(
                            "; ", data.dissolved().stream().map(NotRated::name).toList()))));
        }
        forEachPart(doc, this::inflation);
    }

    /** How far the part's self scores were above what was verified. */
    private void inflation(Document doc) throws DocumentException {
        YearStatistics s = data.stats();
        long inflated =
                data.results().stream().filter(r -> r.inflation().signum() > 0).count();
        if (inflated == 0) {
            doc.add(layout.body(labels.get("quality.noInflation")));
            return;
        }
        doc.add(layout.body(labels.get("quality.inflation", s.verifiedBranches(), inflated)));
        PdfPTable table = layout.table(
                new float[] {8, 14, 44, 22, 12},
                labels.get("table.no"),
                labels.get("table.code"),
                labels.get("table.name"),
                labels.get("table.bloc"),
                labels.get("table.inflation"));
        int n = 1;
        for (InflationEntry e : s.largestInflation()) {
            layout.text(table, Integer.toString(n++), Element.ALIGN_CENTER);
            layout.text(table, e.code(), Element.ALIGN_LEFT);
            layout.text(table, e.name(), Element.ALIGN_LEFT);
            layout.text(table, e.bloc(), Element.ALIGN_LEFT);
            layout.text(table, labels.number(e.inflation()), Element.ALIGN_CENTER);
        }
        doc.add(table);
    }

    /**
     * The next section's heading, numbered I, II, … in the order the sections are written; on a new page when too
     * little of this one is left for the heading and the first lines under it, so that no heading stands alone at a
     * page's foot.
     */
    private Paragraph heading(String key) {
        if (writer != null && writer.getVerticalPosition(true) - document.bottom() < HEADING_ROOM) {
            document.newPage();
        }
        return layout.heading(Labels.roman(++section) + ". " + labels.get(key));
    }

    /** Room a section heading needs below it on its page: itself and about four lines of what follows. */
    private static final float HEADING_ROOM = 6 * OfficialLayout.BODY * 1.3f;

    /** Starts a new page when less than {@code points} are left on this one. */
    private void ensureRoom(float points) {
        if (writer.getVerticalPosition(true) - document.bottom() < points) {
            document.newPage();
        }
    }

    /** About the height of the tier table (a row a tier, its header and total) and the kind's title above it. */
    private float tierTableRoom() {
        return (rules.tiers().size() + 2) * 24f + 2 * OfficialLayout.BODY;
    }

    private void appendixHeading(Document doc, int number, String title) throws DocumentException {
        doc.newPage();
        doc.add(OfficialLayout.centered(
                labels.get("appendix", Labels.roman(number)), layout.font(ReportFonts.Face.BOLD, 14)));
        doc.add(OfficialLayout.centered(title, layout.font(ReportFonts.Face.BOLD, 13)));
        Paragraph attached = OfficialLayout.centered(
                labels.get(
                        "appendix.attached",
                        settings.documentNumber().strip(),
                        data.run().reportDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                        layout.issuingBody()),
                layout.font(ReportFonts.Face.ITALIC, 12));
        attached.setSpacingAfter(8);
        doc.add(attached);
    }

    /** @param rows the bloc's results, in rank order */
    private void rankingAppendix(Document doc, int number, String bloc, List<ResultRow> rows) throws DocumentException {
        String title = bloc.toUpperCase(VietnameseText.VIETNAMESE);
        appendixHeading(
                doc,
                number,
                rules.kind() == null
                        ? labels.get("appendix.ranking", title)
                        : labels.get(
                                "appendix.rankingOfKind",
                                title,
                                labels.text(rules.kind().title())));
        PdfPTable table = layout.table(
                new float[] {7, 14, 26, 8, 16, 9, 9, 14},
                labels.get("table.no"),
                labels.get("table.code"),
                labels.get("table.name"),
                labels.get("table.totalScore"),
                labels.get("table.tier"),
                labels.get("table.rankBloc"),
                labels.get("table.rankAll"),
                labels.get("table.award"));
        int n = 1;
        int more = 0;
        boolean brokenTies = false;
        for (int i = 0; i < rows.size(); i++) {
            ResultRow r = rows.get(i);
            if (n > settings.appendixRows()) { // a national bloc: the top of it here, all of it in results.xlsx
                more++;
                continue;
            }
            // an equal total at another rank was ranked by the tie-breaks: marked, and they are named under the table
            boolean tieBroken = tieBroken(rows, i);
            brokenTies |= tieBroken;
            layout.text(table, Integer.toString(n++), Element.ALIGN_CENTER);
            layout.text(table, r.code(), Element.ALIGN_LEFT);
            layout.text(table, r.name(), Element.ALIGN_LEFT);
            layout.text(table, labels.number(r.total()) + (tieBroken ? " †" : ""), Element.ALIGN_CENTER);
            layout.textWithNote(
                    table,
                    tierTitle(r.tier()),
                    labels.moved(
                            rules,
                            r.tier(),
                            r.tierBeforeCaps(),
                            r.caps(),
                            r.demoted(),
                            !r.decision().isEmpty()),
                    Element.ALIGN_LEFT);
            layout.text(table, Integer.toString(r.rankBloc()), Element.ALIGN_CENTER);
            layout.text(table, Integer.toString(r.rankAll()), Element.ALIGN_CENTER);
            layout.text(table, awardTitles(r.award()) + (r.awardTie() ? "*" : ""), Element.ALIGN_CENTER);
        }
        doc.add(table);
        if (more > 0) {
            doc.add(new Paragraph(
                    labels.get("appendix.more", labels.count(more)), layout.font(ReportFonts.Face.ITALIC, 11)));
        }
        if (rows.stream().anyMatch(ResultRow::awardTie)) {
            doc.add(new Paragraph("* " + labels.get("award.tie"), layout.font(ReportFonts.Face.ITALIC, 11)));
        }
        if (brokenTies) {
            doc.add(new Paragraph(
                    "† " + labels.get("tiebreak.note", tieBreaks()), layout.font(ReportFonts.Face.ITALIC, 11)));
        }
    }

    /** Whether a neighbour in the bloc has the same total and another rank: the tie-breaks put them in order. */
    private static boolean tieBroken(List<ResultRow> rows, int i) {
        ResultRow r = rows.get(i);
        for (int j = Math.max(0, i - 1); j <= Math.min(rows.size() - 1, i + 1); j++) {
            ResultRow other = rows.get(j);
            if (j != i && other.total().compareTo(r.total()) == 0 && other.rankBloc() != r.rankBloc()) {
                return true;
            }
        }
        return false;
    }

    /** The rule set's tie-breaks in order, by the names leaders read ("điểm nhóm C. Xây dựng tổ chức công đoàn"). */
    private String tieBreaks() {
        List<String> named = new ArrayList<>();
        for (TieBreak t : rules.tieBreaks()) {
            String what = switch (t.subject()) {
                case GROUP ->
                    labels.get(
                            "tiebreak.group",
                            rules.groups().stream()
                                    .filter(g -> g.id().equals(t.id()))
                                    .map(g -> t.id() + ". " + labels.text(g.title()))
                                    .findFirst()
                                    .orElse(t.id()));
                case CRITERION ->
                    labels.get(
                            "tiebreak.criterion",
                            t.id() + " "
                                    + labels.text(
                                            rules.criteriaById().get(t.id()).title()));
                case FACT -> factTitle(t.id());
                case DERIVED ->
                    rules.derived().stream()
                            .filter(d -> d.id().equals(t.id()))
                            .map(d ->
                                    labels.get("tiebreak.ratio", factTitle(d.numerator()), factTitle(d.denominator())))
                            .findFirst()
                            .orElse(t.id());
                case TOTAL -> labels.get("table.totalScore");
            };
            named.add(labels.get(t.ascending() ? "tiebreak.lowerFirst" : "tiebreak.higherFirst", what));
        }
        return String.join("; ", named);
    }

    private String factTitle(String id) {
        return rules.facts().stream()
                .filter(f -> f.id().equals(id))
                .map(f -> labels.text(f.title()))
                .findFirst()
                .orElse(id);
    }

    private void statisticsAppendix(Document doc, int number) throws DocumentException {
        appendixHeading(
                doc,
                number,
                rules.kind() == null
                        ? labels.get("appendix.statistics")
                        : labels.get(
                                "appendix.statisticsOfKind",
                                labels.text(rules.kind().title())));
        PdfPTable table = layout.table(
                new float[] {34, 11, 11, 11, 11, 11, 11},
                labels.get("table.criterion"),
                labels.get("table.max"),
                labels.get("table.mean"),
                labels.get("table.median"),
                labels.get("table.min"),
                labels.get("table.maxValue"),
                labels.get("table.sd"));
        Map<String, List<Describe>> byGroup = new LinkedHashMap<>();
        data.stats().groups().forEach(g -> byGroup.put(g.id(), new ArrayList<>()));
        for (Describe d : data.stats().criteria()) {
            String group = rules.criteriaById().get(d.id()).groupId();
            byGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(d);
        }
        for (Describe g : data.stats().groups()) {
            describeRow(table, g.id() + ". " + labels.text(g.title()), g, ReportFonts.Face.BOLD);
            byGroup.get(g.id())
                    .forEach(d ->
                            describeRow(table, d.id() + " " + labels.text(d.title()), d, ReportFonts.Face.REGULAR));
        }
        byGroup.forEach((group, list) -> {
            if (data.stats().groups().stream().noneMatch(g -> g.id().equals(group))) {
                list.forEach(
                        d -> describeRow(table, d.id() + " " + labels.text(d.title()), d, ReportFonts.Face.ITALIC));
            }
        });
        doc.add(table);
    }

    private void describeRow(PdfPTable table, String title, Describe d, ReportFonts.Face face) {
        layout.text(table, title, Element.ALIGN_LEFT, face);
        // one format down each column: scores as their step writes them, means and deviations with two decimals
        layout.text(table, labels.number(d.max(), 2), Element.ALIGN_CENTER, face);
        layout.text(table, labels.fixed(d.mean(), 2), Element.ALIGN_CENTER, face);
        layout.text(table, labels.fixed(d.median(), 2), Element.ALIGN_CENTER, face);
        layout.text(table, labels.number(d.min(), 2), Element.ALIGN_CENTER, face);
        layout.text(table, labels.number(d.maxValue(), 2), Element.ALIGN_CENTER, face);
        layout.text(table, labels.fixed(d.standardDeviation(), 2), Element.ALIGN_CENTER, face);
    }

    /** Up to this many forms are listed one by one on the control page. */
    private static final int LISTED_FORMS = 20;

    /**
     * A SHA-256 in four groups of sixteen: a line breaks between groups, never leaving one character alone, and a
     * reader compares it group by group.
     */
    static String grouped(String sha256) {
        return sha256 == null ? "" : String.join(" ", sha256.split("(?<=\\G.{16})"));
    }

    private void provenanceAppendix(Document doc, int number) throws DocumentException {
        appendixHeading(doc, number, labels.get("appendix.provenance"));
        RunFacts run = data.run();
        PdfPTable table =
                layout.table(new float[] {30, 70}, labels.get("provenance.item"), labels.get("provenance.value"));
        row(table, labels.get("provenance.rules"), run.rulesFile() + "\nSHA-256 " + grouped(run.rulesSha256()));
        List<InputFile> forms = run.inputs().stream()
                .filter(f -> f.role() == InputFile.Role.FORM)
                .toList();
        boolean manyForms =
                forms.size() > LISTED_FORMS; // thousands of forms would be hundreds of pages: the manifest lists them
        for (InputFile f : run.inputs()) {
            if (!manyForms || f.role() != InputFile.Role.FORM) {
                row(
                        table,
                        labels.get("provenance.input"),
                        labels.get("provenance.file", f.displayName(), labels.number(f.size(), 0))
                                + "\nSHA-256 "
                                + grouped(f.sha256()));
            }
        }
        if (manyForms) {
            row(
                    table,
                    labels.get("provenance.input"),
                    labels.get(
                            "provenance.forms",
                            forms.size(),
                            labels.number(
                                    forms.stream().mapToLong(InputFile::size).sum(), 0)));
        }
        for (String compared : run.compared()) {
            row(table, labels.get("provenance.compare"), compared);
        }
        IntegrityFindings integrity = data.integrity();
        if (!integrity.enabled()) {
            row(table, labels.get("provenance.integrity"), labels.get("provenance.integrityOff"));
        } else {
            // each threshold in words, in the order the signals are explained (the z-score and its minimum points go
            // together)
            Map<String, String> t = integrity.thresholds();
            row(
                    table,
                    labels.get("provenance.integrity"),
                    String.join(
                            "\n",
                            THRESHOLDS.stream()
                                    .filter(t::containsKey)
                                    .map(key -> labels.get(
                                            "threshold." + key,
                                            key.equals("generic-authors")
                                                    ? t.get(key).replace("|", ", ")
                                                    : labels.number(new BigDecimal(t.get(key)))))
                                    .toList()));
            row(
                    table,
                    labels.get("provenance.checks"),
                    integrity.checksFile() == null
                            ? labels.get("provenance.noChecks")
                            : integrity.checksFile() + "\nSHA-256 " + grouped(integrity.checksSha256()));
        }
        row(table, labels.get("provenance.software"), "union-review " + run.version());
        row(table, labels.get("provenance.run"), run.year() + "/" + run.runName());
        row(table, labels.get("provenance.date"), labels.date(run.reportDate().toString()));
        doc.add(table);
        Paragraph note = new Paragraph(labels.get("provenance.note"), layout.font(ReportFonts.Face.ITALIC, 11));
        note.setSpacingBefore(6);
        doc.add(note);
    }

    private static final List<String> THRESHOLDS =
            List.of("near-identical-points", "inflation-z", "inflation-min-points", "jump-points", "generic-authors");

    private void row(PdfPTable table, String item, String value) {
        layout.text(table, item, Element.ALIGN_LEFT);
        PdfPCell cell = new PdfPCell(new Phrase(value, layout.font(ReportFonts.Face.REGULAR, 10)));
        cell.setPadding(4);
        table.addCell(cell);
    }

    // ---- building blocks ----------------------------------------------------------------

    /**
     * Each branch a cap or a quota moved down, by name, with the cap's name or the quota: leaders see who, not how
     * many.
     */
    private void namedAdjustments(Document doc) {
        List<String> lines = new ArrayList<>();
        int more = 0;
        for (ResultRow r : data.results()) {
            boolean capped = !r.caps().isEmpty() && r.loweredByCaps(rules);
            if (!capped && !r.demoted()) {
                continue;
            }
            if (lines.size() >= NAMED_ADJUSTMENTS) {
                more++;
            } else if (capped) {
                lines.add(labels.get(
                        "summary.cappedBranch",
                        r.name(),
                        r.bloc(),
                        labels.number(r.total()),
                        labels.caps(rules, r.caps()),
                        tierTitle(r.tierBeforeCaps()),
                        tierTitle(rules.tiers().get(r.tierAfterCaps(rules)).id())));
            } else {
                lines.add(labels.get(
                        "summary.demotedBranch", r.name(), r.bloc(), labels.number(r.total()), tierTitle(r.tier())));
            }
        }
        if (more > 0) {
            lines.add(labels.get("summary.adjustedMore", more));
        }
        for (String line : lines) {
            add(doc, layout.body("- " + line));
        }
    }

    /** Up to this many moved-down branches are named in the summary; the rest are in results.xlsx. */
    private static final int NAMED_ADJUSTMENTS = 20;

    private String awardTitles(String awardIds) {
        return labels.awards(rules, awardIds);
    }

    private String tierTitle(String tierId) {
        Tier tier = rules.tiers().get(rules.tierIndex(tierId));
        return labels.text(tier.title());
    }

    private static void add(Document doc, Element element) {
        try {
            doc.add(element);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(VietnameseText.VIETNAMESE) + s.substring(1);
    }

    /** The charts' AWT fonts are the report's own faces; each maps to the same face embedded in the PDF. */
    private final class ReportFontMapper implements FontMapper {

        @Override
        public BaseFont awtToPdf(java.awt.Font font) {
            return fonts.pdf(fonts.faceOf(font));
        }

        @Override
        public java.awt.Font pdfToAwt(BaseFont font, int size) {
            return fonts.awt(ReportFonts.Face.REGULAR, size);
        }
    }
}
