package vn.unionreview.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import vn.unionreview.files.AtomicFiles;
import vn.unionreview.rules.Criterion;
import vn.unionreview.rules.CriterionKind;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.Tier;
import vn.unionreview.stats.BlocSummary;
import vn.unionreview.stats.Describe;
import vn.unionreview.stats.SelfVerifiedPoint;
import vn.unionreview.stats.TierCount;
import vn.unionreview.stats.YearOverYear;
import vn.unionreview.stats.YearStatistics;

/**
 * The report's charts, drawn headless with the report's own font: tier distribution, tiers per bloc, bloc means,
 * criterion profile, self vs verified, and the year-over-year trend when earlier years exist. Each tier has one colour
 * in every chart. Written as PNG (for screens and documents) and SVG (for print).
 */
public final class Charts {

    /**
     * Width and height in points, about the report's text width. The PNG is drawn at {@link #SCALE}× (≈ 165 dpi: sharp
     * on a screen and in a document); print takes the SVG or the report's vector charts. At 4× (≈ 330 dpi) the PNGs
     * were a third of the sample year's export (3.6 s against 2.6 s).
     */
    static final int WIDTH = 560;

    static final int HEIGHT = 336;
    static final int SCALE = 2;

    /**
     * Best tier first, from the viridis scale: told apart by readers with any common colour-vision deficiency, and each
     * step lighter than the one before, so that a grey print keeps them apart too (a green-to-red scale does neither).
     * More than four tiers take the five-step scale.
     */
    private static final Color[] FOUR = {
        new Color(0x440154), new Color(0x31688E), new Color(0x35B779), new Color(0xBADE28)
    };

    private static final Color[] FIVE = {
        new Color(0x440154), new Color(0x3B528B), new Color(0x21918C), new Color(0x5EC962), new Color(0xC8E020)
    };
    /**
     * A line per bloc: Okabe and Ito's colours, safe for colour-vision deficiencies (the eighth, yellow, left out on
     * white).
     */
    private static final Color[] LINES = {
        new Color(0x0072B2),
        new Color(0xD55E00),
        new Color(0x009E73),
        new Color(0xCC79A7),
        new Color(0xE69F00),
        new Color(0x56B4E9),
        Color.BLACK
    };
    /** And each with its own dash as well as its own marker, for grey print. */
    private static final float[][] DASHES = {
        null, {6f, 3f}, {2f, 2f}, {8f, 3f, 2f, 3f}, {12f, 4f}, {4f, 2f, 1f, 2f, 1f, 2f}
    };

    private static final Color INK = new Color(0x1F3A68);

    /** One chart: its file name (no extension), its title, and the chart itself. */
    public record Chart(String name, String title, JFreeChart chart) {}

    private final RuleSet rules;
    private final Labels labels;
    private final ReportFonts fonts;
    private final NumberFormat numbers;

    public Charts(RuleSet rules, Labels labels, ReportFonts fonts) {
        this.rules = rules;
        this.labels = labels;
        this.fonts = fonts;
        this.numbers = new DecimalFormat(
                "#,##0.#",
                DecimalFormatSymbols.getInstance("en".equals(labels.lang()) ? Locale.ENGLISH : Locale.GERMANY));
    }

    public static Color tierColor(int index, int tiers) {
        Color[] scale = tiers <= 4 ? FOUR : FIVE;
        return index < scale.length ? scale[index] : Color.GRAY;
    }

    public List<Chart> build(YearStatistics stats) {
        List<Chart> charts = new ArrayList<>();
        charts.add(tierDistribution(stats));
        charts.add(tiersByBloc(stats));
        charts.add(blocMeans(stats));
        // a province whose units rated every branch has no criterion scores of its own to profile
        if (stats.criteria().stream().anyMatch(d -> d.n() > 0)) {
            charts.add(criterionProfile(stats));
        }
        if (!stats.selfVsVerified().isEmpty()) {
            charts.add(selfVsVerified(stats.selfVsVerified()));
        }
        stats.yearOverYear().ifPresent(yoy -> charts.add(trend(yoy)));
        return charts;
    }

    private Chart tierDistribution(YearStatistics stats) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TierCount t : stats.tiers()) {
            data.addValue(t.count(), labels.get("axis.branches"), tierTitle(t.tier()));
        }
        String title = labels.get("chart.tiers");
        JFreeChart chart = ChartFactory.createBarChart(
                title, null, labels.get("axis.branches"), data, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return tierColor(column, rules.tiers().size());
            }
        };
        plot.setRenderer(renderer);
        labelItems(renderer);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        integerAxis(plot);
        return finish("tiers", title, chart);
    }

    private Chart tiersByBloc(YearStatistics stats) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BlocSummary bloc : stats.blocs()) {
            for (TierCount t : bloc.tiers()) {
                data.addValue(t.count(), tierTitle(t.tier()), bloc.bloc());
            }
        }
        String title = labels.get("chart.tiersByBloc");
        JFreeChart chart = ChartFactory.createStackedBarChart(
                title, null, labels.get("axis.branches"), data, PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        StackedBarRenderer renderer = (StackedBarRenderer) plot.getRenderer();
        for (int i = 0; i < rules.tiers().size(); i++) {
            renderer.setSeriesPaint(i, tierColor(i, rules.tiers().size()));
        }
        integerAxis(plot);
        return finish("tiers-by-bloc", title, chart);
    }

    private Chart blocMeans(YearStatistics stats) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        stats.blocs().forEach(b -> data.addValue(round(b.meanTotal()), labels.get("axis.points"), b.bloc()));
        String title = labels.get("chart.blocMeans");
        JFreeChart chart = ChartFactory.createBarChart(
                title, null, labels.get("axis.points"), data, PlotOrientation.HORIZONTAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRenderer().setSeriesPaint(0, INK);
        labelItems((BarRenderer) plot.getRenderer());
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(numbers);
        return finish("bloc-means", title, chart);
    }

    private Chart criterionProfile(YearStatistics stats) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, Criterion> criteria = rules.criteriaById();
        for (Describe d : stats.criteria()) {
            Criterion criterion = criteria.get(d.id());
            // a penalty's points are taken off: its mean share is no achievement, and is not plotted as one
            if (criterion != null && criterion.kind() == CriterionKind.PENALTY) {
                continue;
            }
            data.addValue(round(d.meanShare() * 100), labels.get("axis.share"), named(d));
        }
        String title = labels.get("chart.criterionProfile");
        JFreeChart chart = ChartFactory.createBarChart(
                title, null, labels.get("axis.share"), data, PlotOrientation.HORIZONTAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRenderer().setSeriesPaint(0, INK);
        labelItems((BarRenderer) plot.getRenderer());
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setRange(0, 105);
        axis.setNumberFormatOverride(numbers);
        // each criterion's name on one line beside its bar
        plot.getDomainAxis().setMaximumCategoryLabelLines(1);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.42f);
        return finish("criterion-profile", title, chart);
    }

    /** "A1 Tham gia xây dựng quy chế dân chủ…": a criterion by id and the start of its name, as a reader finds it. */
    private String named(Describe d) {
        String title = labels.text(d.title());
        return d.id() + " "
                + (title.length() <= CRITERION_LABEL
                        ? title
                        : title.substring(0, CRITERION_LABEL - 1).strip() + "…");
    }

    /** Characters of a criterion's name its bar's label shows. */
    private static final int CRITERION_LABEL = 34;

    private Chart selfVsVerified(List<SelfVerifiedPoint> points) {
        XYSeries series = new XYSeries(labels.get("axis.verified"));
        double min = Double.MAX_VALUE;
        double max = 0;
        // one mark per distinct (self, verified) pair: a national run has ~20,000 verified branches on a few
        // thousand distinct pairs, and drawing a mark twice changes nothing but the size of the SVG
        Set<List<Double>> drawn = new HashSet<>();
        for (SelfVerifiedPoint p : points) {
            if (drawn.add(List.of(p.selfBase().doubleValue(), p.countedBase().doubleValue()))) {
                series.add(p.selfBase().doubleValue(), p.countedBase().doubleValue());
            }
            min = Math.min(
                    min, Math.min(p.selfBase().doubleValue(), p.countedBase().doubleValue()));
            max = Math.max(
                    max, Math.max(p.selfBase().doubleValue(), p.countedBase().doubleValue()));
        }
        String title = labels.get("chart.selfVsVerified");
        JFreeChart chart = ChartFactory.createScatterPlot(
                title,
                labels.get("axis.self"),
                labels.get("axis.verified"),
                new XYSeriesCollection(series),
                PlotOrientation.VERTICAL,
                false,
                false,
                false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, INK);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        double lo = Math.floor(min / 5) * 5;
        double hi = Math.ceil(max / 5) * 5;
        // points under this line scored themselves above what was verified
        plot.addAnnotation(new XYLineAnnotation(lo, lo, hi, hi, new BasicStroke(1f), Color.GRAY));
        for (NumberAxis axis : List.of((NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis())) {
            axis.setRange(lo, hi);
            axis.setNumberFormatOverride(numbers);
        }
        return finish("self-vs-verified", title, chart);
    }

    private Chart trend(YearOverYear yoy) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, List<Double>> bloc : yoy.blocMeanByYear().entrySet()) {
            for (int i = 0; i < yoy.years().size(); i++) {
                double mean = bloc.getValue().get(i);
                data.addValue(
                        Double.isNaN(mean) ? null : round(mean),
                        bloc.getKey(),
                        Integer.toString(yoy.years().get(i)));
            }
        }
        String title = labels.get("chart.trend");
        JFreeChart chart = ChartFactory.createLineChart(
                title,
                labels.get("axis.year"),
                labels.get("axis.points"),
                data,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        for (int i = 0; i < data.getRowCount(); i++) {
            float[] dash = DASHES[i % DASHES.length];
            renderer.setSeriesPaint(i, LINES[i % LINES.length]);
            renderer.setSeriesStroke(
                    i,
                    dash == null
                            ? new BasicStroke(1.6f)
                            : new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
        }
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(numbers);
        return finish("trend", title, chart);
    }

    private String tierTitle(String tierId) {
        Tier tier = rules.tiers().get(rules.tierIndex(tierId));
        return labels.text(tier.title());
    }

    private void labelItems(BarRenderer renderer) {
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", numbers));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(fonts.awt(ReportFonts.Face.REGULAR, 9f));
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
    }

    private static void integerAxis(CategoryPlot plot) {
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private Chart finish(String name, String title, JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("union-review");
        theme.setExtraLargeFont(fonts.awt(ReportFonts.Face.BOLD, 13f));
        theme.setLargeFont(fonts.awt(ReportFonts.Face.BOLD, 10.5f));
        theme.setRegularFont(fonts.awt(ReportFonts.Face.REGULAR, 10f));
        theme.setSmallFont(fonts.awt(ReportFonts.Face.REGULAR, 9f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDDDDDD));
        theme.setRangeGridlinePaint(new Color(0xDDDDDD));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        // the theme would repaint and restroke series; keep the tier colours and line dashes set above
        Map<Integer, Paint> keep = new HashMap<>();
        Map<Integer, Stroke> strokes = new HashMap<>();
        if (chart.getPlot() instanceof CategoryPlot plot) {
            for (int i = 0; i < plot.getDataset().getRowCount(); i++) {
                Paint p = plot.getRenderer().getSeriesPaint(i);
                if (p != null) {
                    keep.put(i, p);
                }
                Stroke s = plot.getRenderer().getSeriesStroke(i);
                if (s != null) {
                    strokes.put(i, s);
                }
            }
            BarRenderer custom = plot.getRenderer() instanceof BarRenderer b ? b : null;
            theme.apply(chart);
            keep.forEach((i, p) -> plot.getRenderer().setSeriesPaint(i, p));
            strokes.forEach((i, s) -> plot.getRenderer().setSeriesStroke(i, s));
            if (custom != null) {
                custom.setDefaultItemLabelFont(fonts.awt(ReportFonts.Face.REGULAR, 9f));
            }
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
            CategoryAxis axis = plot.getDomainAxis();
            axis.setMaximumCategoryLabelLines(3);
            if (plot.getOrientation() == PlotOrientation.VERTICAL
                    && plot.getDataset().getColumnCount() > 8) {
                axis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
            }
        } else {
            Paint p = ((XYPlot) chart.getPlot()).getRenderer().getSeriesPaint(0);
            theme.apply(chart);
            ((XYPlot) chart.getPlot()).getRenderer().setSeriesPaint(0, p);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
        }
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (rules.kind() == null) {
            return new Chart(name, title, chart);
        }
        // a year ruled by kind has each chart once per kind: under the kind's title, in a file named for it
        String kind = labels.text(rules.kind().title());
        chart.addSubtitle(new TextTitle(kind, fonts.awt(ReportFonts.Face.ITALIC, 10.5f)));
        return new Chart(rules.kind().id() + "-" + name, title + " – " + kind, chart);
    }

    /** The chart as PNG bytes (deterministic: same chart, same bytes). */
    public static byte[] png(JFreeChart chart) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g2.scale(SCALE, SCALE);
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        g2.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    public static String svg(JFreeChart chart) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix("ur"); // the default prefix is time-based; fixed keeps the SVG reproducible
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return g2.getSVGDocument();
    }

    /** Writes name.png and name.svg into {@code dir}. */
    public static void write(Chart chart, Path dir) throws IOException {
        byte[] png = png(chart.chart());
        AtomicFiles.write(dir.resolve(chart.name() + ".png"), out -> out.write(png));
        String svg = svg(chart.chart());
        AtomicFiles.write(dir.resolve(chart.name() + ".svg"), out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
