package vn.unionreview.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.unionreview.files.AtomicFiles;
import vn.unionreview.files.Csv;
import vn.unionreview.ingest.Problem;
import vn.unionreview.integrity.Signal;
import vn.unionreview.result.NotRated;
import vn.unionreview.result.NotSubmitted;
import vn.unionreview.result.ResultRow;
import vn.unionreview.rules.Award;
import vn.unionreview.rules.Criterion;
import vn.unionreview.rules.Fact;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.FactValue;
import vn.unionreview.scoring.Submission;
import vn.unionreview.stats.BlocSummary;
import vn.unionreview.stats.Describe;
import vn.unionreview.stats.InflationEntry;
import vn.unionreview.stats.Movement;
import vn.unionreview.stats.TierCount;
import vn.unionreview.stats.UnitFigures;
import vn.unionreview.stats.YearStatistics;
import vn.unionreview.text.Catalogue;

/**
 * results.xlsx: Tổng hợp (summary), Xếp hạng (ranking by bloc), Chi tiết (every criterion, self and verified), Thống kê
 * (statistics), Khen thưởng (awards), Dữ liệu lỗi (rejected input), Chưa nộp (not submitted) — English names in
 * results-en.xlsx. Streamed with SXSSF so a national run does not hold the workbook in memory; number cells with number
 * formats; frozen, filtered headers; widths that fit; A4 print setup repeating the header row; bytes fixed for the same
 * run.
 */
public final class ResultsWorkbook {

    /** Streams the scored branches' submissions, in branch-code order. */
    @FunctionalInterface
    public interface Submissions {
        void forEach(BiConsumer<String, Submission> action);
    }

    /** The year's rule sets: one, or one per kind of branch, each naming its own tiers, awards and caps. */
    private final List<RuleSet> kinds;
    /** The first rule set, which names the year. */
    private final RuleSet rules;
    /** Whether the year is ruled by kind: then the sheets of results say each branch's kind, and group by it. */
    private final boolean byKind;

    private final List<ResultRow> results;
    private final Labels labels;
    /** The problems' words, in the workbook's language. */
    private final Catalogue words;

    /** @param results the run's results in the order of the ranking sheet */
    public ResultsWorkbook(RuleSet rules, List<ResultRow> results, Labels labels) {
        this(List.of(rules), results, labels);
    }

    /**
     * @param kinds the year's rule sets, in kind order
     * @param results the run's results in the order of the ranking sheet
     */
    public ResultsWorkbook(List<RuleSet> kinds, List<ResultRow> results, Labels labels) {
        this.kinds = List.copyOf(kinds);
        this.rules = kinds.get(0);
        this.byKind = rules.kind() != null;
        this.results = List.copyOf(results);
        this.labels = labels;
        this.words = Catalogue.of(labels.lang());
    }

    /**
     * Writes the workbook. The ranking and detail sheets, most of its bytes, need only the results and the submissions
     * and are written first; {@code rest} is asked for the run's other figures (counts, statistics, integrity signals,
     * rejected input) only after them, so that they can be worked out meanwhile on another thread. The sheets keep
     * their order whatever order they are filled in.
     *
     * @param integritySheet whether the run looked for integrity signals, so that the workbook has their sheet
     * @param rest the report's data, one part per kind of branch in the order of the rule sets (one in a year with one
     *     rule set); the first holds what every part shares
     */
    public void write(Path file, Submissions submissions, boolean integritySheet, Supplier<List<ReportData>> rest)
            throws IOException {
        write(file, submissions, integritySheet, false, rest);
    }

    /** @param unitsSheet whether the run is a province's taking its units' results, so that they have their sheet */
    public void write(
            Path file,
            Submissions submissions,
            boolean integritySheet,
            boolean unitsSheet,
            Supplier<List<ReportData>> rest)
            throws IOException {
        try (SXSSFWorkbook wb = new ReproducibleStreamingWorkbook(500)) {
            Styles styles = new Styles(wb, scoreDecimals(kinds));
            List<Sheet> sheets = new ArrayList<>();
            Sheet summary = sheet(sheets, wb, styles, "sheet.summary", false);
            Sheet units = unitsSheet ? sheet(sheets, wb, styles, "sheet.units", true) : null;
            ranking(sheet(sheets, wb, styles, "sheet.ranking", true));
            detail(sheet(sheets, wb, styles, "sheet.detail", true), submissions);
            Sheet statistics = sheet(sheets, wb, styles, "sheet.statistics", false);
            awards(sheet(sheets, wb, styles, "sheet.awards", true));
            Sheet integrity = integritySheet ? sheet(sheets, wb, styles, "sheet.integrity", true) : null;
            Sheet rejected = sheet(sheets, wb, styles, "sheet.rejected", true);
            Sheet notSubmitted = sheet(sheets, wb, styles, "sheet.notSubmitted", false);
            Sheet notRated =
                    RuleBook.listsOutOfRating(kinds) ? sheet(sheets, wb, styles, "sheet.notRated", true) : null;
            List<ReportData> parts = rest.get();
            ReportData data = parts.get(0);
            summary(summary, parts);
            if (units != null) {
                units(units, parts);
            }
            statistics(statistics, parts);
            if (integrity != null) {
                integrity(integrity, parts);
            }
            rejected(rejected, data.rejected());
            notSubmitted(notSubmitted, data.notSubmitted());
            if (notRated != null) {
                notRated(notRated, data);
            }
            // filters and print titles become names in the workbook, kept in the order made: made in sheet order,
            // whatever the filling order
            sheets.forEach(Sheet::complete);
            wb.getXSSFWorkbook()
                    .getProperties()
                    .getCoreProperties()
                    .setCreated(Optional.of(Date.from(
                            data.run().reportDate().atStartOfDay(ZoneOffset.UTC).toInstant())));
            wb.getXSSFWorkbook()
                    .getProperties()
                    .getCoreProperties()
                    .setCreator("union-review " + data.run().version());
            AtomicFiles.write(file, wb::write);
            wb.dispose();
        }
    }

    /** The decimals a score is written with: its rule sets' step's, at least one (81,0 beside 77,5). */
    static int scoreDecimals(List<RuleSet> kinds) {
        return Math.max(
                1,
                kinds.stream()
                        .mapToInt(k -> k.step().stripTrailingZeros().scale())
                        .max()
                        .orElse(1));
    }

    private Sheet sheet(List<Sheet> sheets, SXSSFWorkbook wb, Styles styles, String name, boolean landscape) {
        Sheet sheet = new Sheet(wb, styles, labels.get(name), landscape, labels.get("footer.page"));
        sheets.add(sheet);
        return sheet;
    }

    private void summary(Sheet s, List<ReportData> parts) {
        ReportData data = parts.get(0);
        s.header(labels.get("col.item"), labels.get("col.figure"));
        s.row(r -> r.text(labels.get("summary.registry")).number(data.counts().registryBranches()));
        s.row(r -> r.text(labels.get("summary.rowsRead")).number(data.counts().rowsRead()));
        s.row(r -> r.text(labels.get("summary.accepted")).number(data.counts().rowsAccepted()));
        s.row(r -> r.text(labels.get("summary.rejected")).number(data.counts().rowsRejected()));
        s.row(r ->
                r.text(labels.get("summary.notSubmitted")).number(data.counts().notSubmitted()));
        if (data.counts().submittedUnreadable() > 0) {
            s.row(r -> r.text(labels.get("summary.submittedUnreadable"))
                    .number(data.counts().submittedUnreadable()));
        }
        if (RuleBook.listsOutOfRating(kinds)) {
            s.row(r ->
                    r.text(labels.get("summary.notRated")).number(data.counts().notRated()));
            s.row(r ->
                    r.text(labels.get("summary.dissolved")).number(data.counts().dissolved()));
        }
        s.row(r -> r.text(labels.get("summary.scored"))
                .number(parts.stream().mapToInt(p -> p.stats().branches()).sum()));
        s.row(r -> r.text(labels.get("summary.members"))
                .number(parts.stream().mapToLong(p -> p.stats().membersUnion()).sum()));
        for (ReportData part : parts) {
            RuleSet kind = part.rules();
            s.blank();
            if (byKind) {
                s.subheader(labels.get("col.kind"), labels.text(kind.kind().title()));
            }
            s.subheader(labels.get("table.tier"), labels.get("table.count"), labels.get("table.share"));
            for (TierCount t : part.stats().tiers()) {
                s.row(r -> r.text(tierTitle(kind, t.tier())).number(t.count()).share(t.share()));
            }
            s.blank();
            List<String> blocHeader = new ArrayList<>(List.of(labels.get("table.bloc"), labels.get("table.count")));
            kind.tiers().forEach(t -> blocHeader.add(labels.text(t.title())));
            blocHeader.add(labels.get("table.mean"));
            s.subheader(blocHeader.toArray(String[]::new));
            for (BlocSummary b : part.stats().blocs()) {
                s.row(r -> {
                    r.text(b.bloc()).number(b.branches());
                    b.tiers().forEach(t -> r.number(t.count()));
                    r.mean(b.meanTotal());
                });
            }
        }
        s.finish(false);
    }

    private void ranking(Sheet s) {
        s.header(withKind(
                labels.get("table.code"),
                labels.get("table.name"),
                labels.get("table.bloc"),
                labels.get("col.base"),
                labels.get("col.bonus"),
                labels.get("col.penalty"),
                labels.get("table.totalScore"),
                labels.get("col.tierBeforeCaps"),
                labels.get("table.tier"),
                labels.get("table.rankBloc"),
                labels.get("table.rankAll"),
                labels.get("table.award"),
                labels.get("col.tie"),
                labels.get("table.inflation"),
                labels.get("col.caps"),
                labels.get("col.demoted"),
                labels.get("col.moved")));
        s.keyColumns(byKind ? 3 : 2);
        for (ResultRow row : results) {
            RuleSet rules = kindOf(row);
            s.row(r -> kind(r, rules)
                    .text(row.code())
                    .text(row.name())
                    .text(row.bloc())
                    .score(row.base())
                    .score(row.bonus())
                    .score(row.penalty())
                    .score(row.total())
                    .text(tierTitle(rules, row.tierBeforeCaps()))
                    .text(tierTitle(rules, row.tier()))
                    .number(row.rankBloc())
                    .number(row.rankAll())
                    .text(labels.awards(rules, row.award()))
                    .text(row.awardTie() ? labels.get("yes") : "")
                    .score(row.inflation())
                    .text(labels.caps(rules, row.caps()))
                    .text(row.demoted() ? labels.get("yes") : "")
                    .text(labels.moved(
                            rules,
                            row.tier(),
                            row.tierBeforeCaps(),
                            row.caps(),
                            row.demoted(),
                            !row.decision().isEmpty())));
        }
        s.finish(true);
    }

    private void detail(Sheet s, Submissions submissions) {
        List<String> header = new ArrayList<>(
                List.of(withKind(labels.get("table.code"), labels.get("table.name"), labels.get("table.bloc"))));
        // in a year ruled by kind, the criteria and facts of every kind, each once: a branch's row fills its kind's
        Map<String, Criterion> byId = new LinkedHashMap<>();
        Map<String, Fact> factsById = new LinkedHashMap<>();
        kinds.forEach(k -> {
            k.criteria().forEach(c -> byId.putIfAbsent(c.id(), c));
            k.facts().forEach(f -> factsById.putIfAbsent(f.id(), f));
        });
        List<Criterion> criteria = List.copyOf(byId.values());
        List<Fact> facts = List.copyOf(factsById.values());
        for (Criterion c : criteria) {
            header.add(c.id() + " " + labels.get("col.self"));
            header.add(c.id() + " " + labels.get("col.verified"));
        }
        facts.forEach(f -> header.add(labels.text(f.title())));
        s.header(header.toArray(String[]::new));
        s.keyColumns(byKind ? 3 : 2);
        Map<String, ResultRow> byCode = new HashMap<>();
        results.forEach(r -> byCode.put(r.code(), r));
        submissions.forEach((code, sub) -> {
            ResultRow result = byCode.get(code);
            s.row(r -> {
                kind(r, result == null ? rules : kindOf(result));
                r.text(code).text(result == null ? "" : result.name()).text(result == null ? "" : result.bloc());
                for (Criterion c : criteria) {
                    r.scoreOrBlank(sub.self().get(c.id()))
                            .scoreOrBlank(sub.verified().get(c.id()));
                }
                for (Fact f : facts) {
                    FactValue v = sub.facts().get(f.id());
                    if (v instanceof FactValue.Amount a) {
                        r.decimal(a.value());
                    } else if (v instanceof FactValue.YesNo y) {
                        r.text(y.value() ? labels.get("yes") : "");
                    } else {
                        r.text("");
                    }
                }
            });
        });
        s.finish(true);
    }

    /** A province's picture by its units, per kind: each unit's decision, tier counts and shares, targets. */
    private void units(Sheet s, List<ReportData> parts) {
        for (ReportData part : parts) {
            RuleSet kind = part.rules();
            if (part != parts.get(0)) {
                s.blank();
            }
            if (byKind) {
                s.subheader(labels.get("col.kind"), labels.text(kind.kind().title()));
            }
            List<String> header = new ArrayList<>(List.of(
                    labels.get("table.unit"),
                    labels.get("col.unitCode"),
                    labels.get("table.unitDecision"),
                    labels.get("col.decisionDate"),
                    labels.get("table.count")));
            kind.tiers().forEach(t -> {
                header.add(labels.text(t.title()));
                header.add(labels.get("table.share"));
            });
            kind.targets().forEach(t -> {
                header.add(labels.text(t.title()));
                header.add(labels.get("col.targetMet"));
            });
            s.subheader(header.toArray(String[]::new));
            UnitFigures.Picture picture = part.units();
            if (picture.own() != null) {
                unitRow(s, picture.own(), labels.get("units.own"));
            }
            picture.units().forEach(u -> unitRow(s, u, u.name()));
            unitRow(s, picture.province(), labels.get("units.province"));
            for (UnitFigures.Listed u : picture.unaccepted()) {
                s.row(r -> r.text(u.name())
                        .text(u.code())
                        .text(labels.get("units.state." + u.state()))
                        .text(words.render(u.reason())));
            }
        }
        s.finish(false);
    }

    private void unitRow(Sheet s, UnitFigures unit, String name) {
        s.row(r -> {
            r.text(name).text(unit.code()).text(unit.decision()).text(labels.date(unit.decisionDate()));
            r.number(unit.branches());
            unit.tiers().forEach(t -> r.number(t.count()).share(t.share()));
            unit.targets()
                    .forEach(
                            t -> r.share(t.share().doubleValue()).text(labels.get(t.met() ? "col.met" : "col.missed")));
        });
    }

    /** Each kind's figures, under its title in a year ruled by kind. */
    private void statistics(Sheet s, List<ReportData> parts) {
        s.header(
                labels.get("table.criterion"),
                labels.get("table.max"),
                labels.get("table.mean"),
                labels.get("table.median"),
                labels.get("table.min"),
                labels.get("table.maxValue"),
                labels.get("table.sd"));
        for (ReportData part : parts) {
            if (byKind) {
                if (part != parts.get(0)) {
                    s.blank();
                }
                s.subheader(
                        labels.get("col.kind"), labels.text(part.rules().kind().title()));
            }
            statistics(s, part.stats());
        }
        s.finish(false);
    }

    private void statistics(Sheet s, YearStatistics st) {
        for (Describe d : concat(st.groups(), st.criteria())) {
            s.row(r -> r.text(d.id() + " " + labels.text(d.title()))
                    .score(d.max())
                    .mean(d.mean())
                    .mean(d.median())
                    .score(d.min())
                    .score(d.maxValue())
                    .mean(d.standardDeviation()));
        }
        s.blank();
        s.subheader(
                labels.get("table.bloc"),
                labels.get("table.count"),
                labels.get("table.mean"),
                labels.get("table.inflation"),
                labels.get("summary.members"));
        for (BlocSummary b : st.blocs()) {
            s.row(r -> r.text(b.bloc())
                    .number(b.branches())
                    .mean(b.meanTotal())
                    .score(b.totalInflation())
                    .number(b.members()));
        }
        s.blank();
        s.subheader(
                labels.get("table.code"),
                labels.get("table.name"),
                labels.get("table.bloc"),
                labels.get("table.inflation"));
        for (InflationEntry e : st.largestInflation()) {
            s.row(r -> r.text(e.code()).text(e.name()).text(e.bloc()).score(e.inflation()));
        }
        st.yearOverYear().ifPresent(yoy -> {
            s.blank();
            s.subheader(
                    labels.get("table.code"),
                    labels.get("table.name"),
                    Integer.toString(yoy.previousYear()),
                    Integer.toString(rules.year()),
                    "±");
            for (Movement m : yoy.movements()) {
                s.row(r -> r.text(m.code())
                        .text(m.name())
                        .text(m.previousTier())
                        .text(m.tier())
                        .text(m.direction().name()));
            }
        });
    }

    private void awards(Sheet s) {
        s.header(withKind(
                labels.get("table.award"),
                labels.get("table.code"),
                labels.get("table.name"),
                labels.get("table.bloc"),
                labels.get("table.totalScore"),
                labels.get("table.rankBloc"),
                labels.get("table.rankAll"),
                labels.get("col.tie")));
        for (RuleSet kind : kinds) {
            for (Award award : kind.awards()) {
                results.stream()
                        .filter(r -> kindOf(r) == kind)
                        .filter(r -> List.of(r.award().split(";")).contains(award.id()))
                        .sorted(Comparator.comparingInt(ResultRow::rankAll).thenComparing(ResultRow::code))
                        .forEach(row -> s.row(r -> kind(r, kind)
                                .text(labels.text(award.title()))
                                .text(row.code())
                                .text(row.name())
                                .text(row.bloc())
                                .score(row.total())
                                .number(row.rankBloc())
                                .number(row.rankAll())
                                .text(row.awardTie() ? labels.get("award.tie") : "")));
            }
        }
        s.finish(true);
    }

    /** Every integrity signal, by signal then code, each with its sentence naming the other branches. */
    private void integrity(Sheet s, List<ReportData> parts) {
        s.header(withKind(
                labels.get("table.code"),
                labels.get("table.name"),
                labels.get("table.bloc"),
                labels.get("integrity.kind"),
                labels.get("integrity.detail")));
        for (ReportData part : parts) {
            for (Signal signal : part.integrity().signals()) {
                s.row(r -> kind(r, part.rules())
                        .text(signal.code())
                        .text(signal.name())
                        .text(signal.bloc())
                        .text(labels.get("signal." + signal.kind().id() + ".title"))
                        .text(signal.detailIn(labels.lang())));
            }
        }
        s.finish(true);
    }

    private void rejected(Sheet s, List<Problem> problems) {
        s.header(
                labels.get("col.file"),
                labels.get("col.sheet"),
                labels.get("col.row"),
                labels.get("col.cell"),
                labels.get("col.column"),
                labels.get("table.code"),
                labels.get("col.value"),
                labels.get("col.reason"));
        for (Problem p : problems) {
            s.row(r -> {
                r.text(p.file()).text(p.sheet());
                if (p.row() > 0) {
                    r.number(p.row());
                } else {
                    r.text("");
                }
                r.text(p.cell()).text(p.column()).text(p.code()).text(p.value()).text(words.render(p.reason()));
            });
        }
        s.finish(true);
    }

    private void notSubmitted(Sheet s, List<NotSubmitted> branches) {
        s.header(
                labels.get("table.code"), labels.get("table.name"), labels.get("table.bloc"), labels.get("col.reason"));
        for (NotSubmitted b : branches) {
            s.row(r -> r.text(b.code()).text(b.name()).text(b.bloc()).text(words.render(CsvOutputs.reason(b))));
        }
        s.finish(true);
    }

    /** The branches the year does not rate: too new, then dissolved, each with why. */
    private void notRated(Sheet s, ReportData data) {
        s.header(withKind(
                labels.get("table.code"),
                labels.get("table.name"),
                labels.get("table.bloc"),
                labels.get("col.reason")));
        for (List<NotRated> list : List.of(data.notRated(), data.dissolved())) {
            for (NotRated b : list) {
                s.row(r -> {
                    if (byKind) {
                        // a kind without rules has no title: it shows as the registry wrote it
                        r.text(RuleSet.ofKind(kinds, b.kind())
                                .map(k -> labels.text(k.kind().title()))
                                .orElse(b.kind()));
                    }
                    r.text(b.code()).text(b.name()).text(b.bloc()).text(words.render(b.reason()));
                });
            }
        }
        s.finish(true);
    }

    private String tierTitle(RuleSet kind, String tierId) {
        return labels.text(kind.tiers().get(kind.tierIndex(tierId)).title());
    }

    /** The rule set that scored a result: its kind's. */
    private RuleSet kindOf(ResultRow row) {
        return RuleSet.ofKind(kinds, row.kind()).orElseThrow();
    }

    /** The column headers, after a column of kinds in a year ruled by kind. */
    private String[] withKind(String... headers) {
        if (!byKind) {
            return headers;
        }
        List<String> all = new ArrayList<>(List.of(labels.get("col.kind")));
        all.addAll(List.of(headers));
        return all.toArray(String[]::new);
    }

    /** The row's kind of branch by its title, first, in a year ruled by kind. */
    private Sheet.Cells kind(Sheet.Cells row, RuleSet kind) {
        return byKind ? row.text(labels.text(kind.kind().title())) : row;
    }

    private static List<Describe> concat(List<Describe> a, List<Describe> b) {
        List<Describe> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** One sheet being written top to bottom, remembering how wide each column's content is. */
    private static final class Sheet {
        /** The smallest print scale at which the workbook's 11 pt text stays readable (8 pt). */
        private static final double MIN_SCALE = 0.73;
        /** A character of the default font, in pixels at 96 dpi, as Excel measures column widths. */
        private static final int PIXELS_PER_CHARACTER = 7;
        /** The width A4 leaves between Excel's default margins (0.7 in each side), portrait and landscape. */
        private static final int[] PRINTABLE_PIXELS = {(int) ((210 / 25.4 - 1.4) * 96), (int) ((297 / 25.4 - 1.4) * 96)
        };

        private final SXSSFSheet sheet;
        private final Styles styles;
        private final List<Integer> widths = new ArrayList<>();
        private int next;
        private int columns;
        private boolean printTitles;
        private boolean filter;
        /** The columns that say which branch a row is (kind, code, name): frozen, and printed on every page. */
        private int keys;

        /** @param footer the page number as Excel's footer codes write it ("Trang &P/&N") */
        Sheet(SXSSFWorkbook wb, Styles styles, String name, boolean landscape, String footer) {
            this.sheet = wb.createSheet(name);
            this.styles = styles;
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setLandscape(landscape);
            sheet.setFitToPage(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.getFooter().setCenter(footer);
        }

        /** The first {@code n} columns name the branch: frozen beside the header, and repeated on printed pages. */
        void keyColumns(int n) {
            keys = n;
            sheet.createFreezePane(n, 1);
        }

        void header(String... titles) {
            columns = titles.length;
            styledRow(titles, styles.header);
            sheet.createFreezePane(0, 1);
            printTitles = true;
        }

        void subheader(String... titles) {
            styledRow(titles, styles.header);
        }

        private void styledRow(String[] titles, CellStyle style) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < titles.length; i++) {
                Cell c = row.createCell(i);
                c.setCellValue(titles[i]);
                c.setCellStyle(style);
                fit(i, Math.min(titles[i].length(), 24));
            }
        }

        void blank() {
            next++;
        }

        void row(Consumer<Cells> fill) {
            fill.accept(new Cells(sheet.createRow(next++)));
        }

        /**
         * The sheet is filled; with {@code filter}, its header gets filter buttons. Takes effect in {@link #complete}.
         */
        void finish(boolean filter) {
            this.filter = filter;
        }

        /** The filter, header repeated on every printed page and column widths, once every sheet is filled. */
        void complete() {
            if (printTitles) {
                sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
            }
            if (keys > 0) {
                sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, keys - 1));
            }
            // one page wide only while the text stays readable; a wider sheet prints over pages, its keys on each
            int characters = 0;
            for (int w : widths) {
                characters += columnChars(w);
            }
            if (characters * PIXELS_PER_CHARACTER * MIN_SCALE
                    > PRINTABLE_PIXELS[sheet.getPrintSetup().getLandscape() ? 1 : 0]) {
                sheet.setFitToPage(false);
                sheet.getPrintSetup().setScale((short) Math.round(MIN_SCALE * 100));
            }
            if (filter && columns > 0) {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, columns - 1));
            }
            for (int i = 0; i < widths.size(); i++) {
                sheet.setColumnWidth(i, columnChars(widths.get(i)) * 256);
            }
        }

        private static int columnChars(int content) {
            return Math.min(60, Math.max(6, content + 2));
        }

        private void fit(int column, int chars) {
            while (widths.size() <= column) {
                widths.add(0);
            }
            widths.set(column, Math.max(widths.get(column), chars));
        }

        /** Cells of one row, left to right. */
        final class Cells {
            private final Row row;
            private int column;

            Cells(Row row) {
                this.row = row;
            }

            Cells text(String value) {
                int c = column++;
                if (value != null && !value.isEmpty()) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(value); // a string cell: never evaluated as a formula
                    if (Csv.startsLikeFormula(value)) {
                        cell.setCellStyle(styles.quoted); // and stays text when a user edits it
                    }
                    fit(c, value.length());
                }
                return this;
            }

            Cells number(long value) {
                Cell cell = row.createCell(column);
                cell.setCellValue(value);
                cell.setCellStyle(styles.whole);
                fit(column++, Long.toString(value).length() + 1);
                return this;
            }

            Cells decimal(BigDecimal value) {
                return decimal(value.doubleValue());
            }

            Cells decimal(double value) {
                return styled(value, styles.decimal);
            }

            /** A score, in the decimals of the rule set's step: one format down the column. */
            Cells score(BigDecimal value) {
                return styled(value.doubleValue(), styles.score);
            }

            Cells score(double value) {
                return styled(value, styles.score);
            }

            Cells scoreOrBlank(BigDecimal value) {
                if (value == null) {
                    column++;
                    return this;
                }
                return score(value);
            }

            /** A mean, median or deviation: two decimals. */
            Cells mean(double value) {
                return styled(value, styles.mean);
            }

            private Cells styled(double value, CellStyle style) {
                Cell cell = row.createCell(column);
                cell.setCellValue(value);
                cell.setCellStyle(style);
                fit(column++, 7);
                return this;
            }

            Cells share(double value) {
                Cell cell = row.createCell(column);
                cell.setCellValue(value);
                cell.setCellStyle(styles.percent);
                fit(column++, 7);
                return this;
            }
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle decimal;
        final CellStyle score;
        final CellStyle mean;
        final CellStyle whole;
        final CellStyle percent;
        final CellStyle quoted;

        /** @param scoreDecimals the decimals of the rule sets' steps (0.5: one; 0.25: two) */
        Styles(SXSSFWorkbook wb, int scoreDecimals) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setBorderBottom(BorderStyle.THIN);
            decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.0#"));
            score = wb.createCellStyle();
            score.setDataFormat(wb.createDataFormat().getFormat("0." + "0".repeat(scoreDecimals)));
            mean = wb.createCellStyle();
            mean.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            whole = wb.createCellStyle();
            whole.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
        }
    }
}
