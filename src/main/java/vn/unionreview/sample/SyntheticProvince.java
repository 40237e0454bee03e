package vn.unionreview.sample;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.unionreview.files.AtomicFiles;
import vn.unionreview.files.Csv;
import vn.unionreview.form.FormTemplate;
import vn.unionreview.report.ReproducibleStreamingWorkbook;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.Decimals;

/**
 * A sample of any size, for load and restart tests and benchmarks: N branches in about N/300 blocs (hundreds at
 * national size), with self and some verified scores and a small share of faulty rows (about 1 in 200), as one
 * consolidated CSV, one consolidated xlsx, or one form per branch. Written as it is generated, so memory does not grow
 * with N.
 */
final class SyntheticProvince {

    /** How the branches' numbers reach the province. */
    enum Layout {
        CSV,
        XLSX,
        FORMS
    }

    private static final String[] UNITS = {
        "Trường Tiểu học",
        "Trường THCS",
        "Trường THPT",
        "Trạm Y tế xã",
        "Trung tâm Y tế huyện",
        "Bệnh viện Đa khoa khu vực",
        "Phòng Giáo dục và Đào tạo",
        "Ủy ban nhân dân xã",
        "Chi cục Thuế khu vực",
        "Kho bạc Nhà nước"
    };
    private static final String[] PLACES = {
        "Hòa Bình",
        "Đông Hưng",
        "Tân Phú",
        "Quảng Điền",
        "Yên Thế",
        "Bình Lục",
        "Thạch Hà",
        "Đức Thọ",
        "Hương Khê",
        "Cẩm Xuyên",
        "Nghi Lộc",
        "Lệ Thủy",
        "Phù Mỹ",
        "Krông Pắc",
        "Châu Thành"
    };

    private final long seed;
    private final int branches;

    SyntheticProvince(long seed, int branches) {
        this.seed = seed;
        this.branches = branches;
    }

    Path write(Path inputDir, int year) throws IOException {
        return write(inputDir, year, Layout.CSV, null);
    }

    /** @param rules the rule set the forms are made from (only for {@link Layout#FORMS}) */
    Path write(Path inputDir, int year, Layout layout, RuleSet rules) throws IOException {
        Path dir = inputDir.resolve(Integer.toString(year));
        int blocs = Math.max(2, branches / 300);
        Files.createDirectories(dir);
        Csv.write(dir.resolve("registry.csv"), List.of("code", "name", "bloc"), () -> rows(blocs, true));
        List<String> header = new ArrayList<>(List.of("code"));
        header.addAll(List.of(SampleGenerator.CRITERIA));
        for (String c : SampleGenerator.CRITERIA) {
            header.add(c + ".verified");
        }
        header.addAll(List.of(SampleGenerator.FACTS));
        switch (layout) {
            case CSV -> {
                Files.createDirectories(dir.resolve("tables"));
                Csv.write(dir.resolve("tables").resolve("bang-tong-hop.csv"), header, () -> rows(blocs, false));
            }
            case XLSX -> writeXlsx(dir.resolve("tables").resolve("bang-tong-hop.xlsx"), header, rows(blocs, false));
            case FORMS -> writeForms(dir.resolve("forms"), rules, year, rows(blocs, false), rows(blocs, true));
        }
        return dir;
    }

    /** A consolidated xlsx streamed with SXSSF: numbers as number cells, as Excel keeps them. */
    private static void writeXlsx(Path file, List<String> header, Iterator<List<String>> rows) throws IOException {
        try (SXSSFWorkbook wb = new ReproducibleStreamingWorkbook(200)) {
            Sheet sheet = wb.createSheet("Bảng tổng hợp");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            int r = 1;
            while (rows.hasNext()) {
                Row row = sheet.createRow(r++);
                List<String> values = rows.next();
                for (int i = 0; i < values.size(); i++) {
                    Object value = cellValue(values.get(i), i > 0);
                    if (value instanceof BigDecimal d) {
                        row.createCell(i).setCellValue(d.doubleValue());
                    } else if (!value.toString().isEmpty()) {
                        row.createCell(i).setCellValue(value.toString());
                    }
                }
            }
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, wb::write);
            wb.dispose();
        }
    }

    /**
     * One form per branch, as the template writes it and a branch fills it in, under the branch's name in the registry
     * (a province's forms mostly agree with it; a differing name is a note in the branch's letter).
     */
    private static void writeForms(
            Path dir, RuleSet rules, int year, Iterator<List<String>> rows, Iterator<List<String>> registry)
            throws IOException {
        Files.createDirectories(dir);
        FormTemplate template = new FormTemplate(rules, year);
        int n = SampleGenerator.CRITERIA.length;
        while (rows.hasNext()) {
            List<String> row = rows.next();
            Map<String, Object> self = new LinkedHashMap<>();
            Map<String, Object> verified = new LinkedHashMap<>();
            Map<String, Object> facts = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                self.put(SampleGenerator.CRITERIA[i], cellValue(row.get(1 + i), true));
                if (!row.get(1 + n + i).isEmpty()) {
                    verified.put(SampleGenerator.CRITERIA[i], cellValue(row.get(1 + n + i), true));
                }
            }
            for (int i = 0; i < SampleGenerator.FACTS.length; i++) {
                facts.put(SampleGenerator.FACTS[i], SampleForms.factCell(row.get(1 + 2 * n + i)));
            }
            String code = row.get(0);
            template.write(
                    dir.resolve(code + ".xlsx"),
                    new FormTemplate.Prefill(code, registry.next().get(1), self, verified, facts),
                    null);
        }
    }

    /** A number where the text is one (as a spreadsheet stores it), else the text as typed. */
    private static Object cellValue(String text, boolean numeric) {
        return numeric && text.matches("\\d+(\\.\\d+)?") ? new BigDecimal(text) : text;
    }

    /** Registry rows or table rows, generated lazily from the same seed so both agree. */
    private Iterator<List<String>> rows(int blocs, boolean registry) {
        Random random = new Random(seed);
        return new Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                return n < branches;
            }

            @Override
            public List<String> next() {
                n++;
                String code = String.format("CDCS-%06d", n);
                int bloc = random.nextInt(blocs);
                String name = "Công đoàn " + UNITS[random.nextInt(UNITS.length)] + " "
                        + PLACES[random.nextInt(PLACES.length)] + " " + n;
                double quality = 0.55 + random.nextDouble() * 0.42;
                List<String> scores = new ArrayList<>();
                List<String> verified = new ArrayList<>();
                for (int i = 0; i < SampleGenerator.CRITERIA.length; i++) {
                    double max = SampleGenerator.MAX[i].doubleValue();
                    double v = i < 10
                            ? max * Math.min(1, quality + random.nextGaussian() * 0.07)
                            : (random.nextInt(6) == 0 ? random.nextDouble() * max : 0);
                    BigDecimal half =
                            BigDecimal.valueOf(Math.round(Math.max(0, v) * 2)).divide(BigDecimal.valueOf(2));
                    scores.add(Decimals.plain(half.min(SampleGenerator.MAX[i])));
                    verified.add(
                            i < 10 && random.nextInt(8) == 0
                                    ? Decimals.plain(
                                            half.subtract(BigDecimal.ONE).max(BigDecimal.ZERO))
                                    : "");
                }
                int staff = 15 + random.nextInt(200);
                int members = Math.min(staff, (int) Math.round(staff * (0.8 + random.nextDouble() * 0.2)));
                boolean stoppage = random.nextInt(400) == 0;
                int fault = random.nextInt(200);
                if (registry) {
                    return List.of(code, name, String.format("Khối %03d", bloc + 1));
                }
                if (fault == 0) {
                    scores.set(0, "12"); // above the maximum
                } else if (fault == 1) {
                    scores.set(3, "tốt"); // a word in a score cell
                } else if (fault == 2) {
                    scores.set(5, scores.get(5).replace('.', ',')); // decimal comma, corrected
                }
                List<String> row = new ArrayList<>(List.of(code));
                row.addAll(scores);
                row.addAll(verified);
                row.addAll(List.of(
                        Integer.toString(staff),
                        Integer.toString(members),
                        stoppage ? "có" : "không",
                        "không",
                        "không",
                        "có"));
                return row;
            }
        };
    }
}
