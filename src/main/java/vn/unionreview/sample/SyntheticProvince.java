package vn.unionreview.sample;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import vn.unionreview.report.Csv;

/**
 * A sample of any size, for load and restart tests and benchmarks: N branches in about N/300 blocs
 * (hundreds at national size), a consolidated CSV with self and some verified scores, and a small
 * share of faulty rows (about 1 in 200). Written as it is generated, so memory does not grow with N.
 */
final class SyntheticProvince {

    private static final String[] UNITS = {"Trường Tiểu học", "Trường THCS", "Trường THPT", "Trạm Y tế xã", "Trung tâm Y tế huyện",
            "Bệnh viện Đa khoa khu vực", "Phòng Giáo dục và Đào tạo", "Ủy ban nhân dân xã", "Chi cục Thuế khu vực", "Kho bạc Nhà nước"};
    private static final String[] PLACES = {"Hòa Bình", "Đông Hưng", "Tân Phú", "Quảng Điền", "Yên Thế", "Bình Lục", "Thạch Hà",
            "Đức Thọ", "Hương Khê", "Cẩm Xuyên", "Nghi Lộc", "Lệ Thủy", "Phù Mỹ", "Krông Pắc", "Châu Thành"};

    private final long seed;
    private final int branches;

    SyntheticProvince(long seed, int branches) {
        this.seed = seed;
        this.branches = branches;
    }

    Path write(Path inputDir, int year) throws IOException {
        Path dir = inputDir.resolve(Integer.toString(year));
        Files.createDirectories(dir.resolve("tables"));
        int blocs = Math.max(2, branches / 300);
        Csv.write(dir.resolve("registry.csv"), List.of("code", "name", "bloc"), () -> rows(blocs, true));
        List<String> header = new ArrayList<>(List.of("code"));
        header.addAll(List.of(SampleGenerator.CRITERIA));
        for (String c : SampleGenerator.CRITERIA) {
            header.add(c + ".verified");
        }
        header.addAll(List.of(SampleGenerator.FACTS));
        Csv.write(dir.resolve("tables").resolve("bang-tong-hop.csv"), header, () -> rows(blocs, false));
        return dir;
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
                String name = "Công đoàn " + UNITS[random.nextInt(UNITS.length)] + " " + PLACES[random.nextInt(PLACES.length)] + " " + n;
                double quality = 0.55 + random.nextDouble() * 0.42;
                List<String> scores = new ArrayList<>();
                List<String> verified = new ArrayList<>();
                for (int i = 0; i < SampleGenerator.CRITERIA.length; i++) {
                    double max = SampleGenerator.MAX[i].doubleValue();
                    double v = i < 10 ? max * Math.min(1, quality + random.nextGaussian() * 0.07) : (random.nextInt(6) == 0 ? random.nextDouble() * max : 0);
                    BigDecimal half = BigDecimal.valueOf(Math.round(Math.max(0, v) * 2)).divide(BigDecimal.valueOf(2));
                    scores.add(vn.unionreview.scoring.Decimals.plain(half.min(SampleGenerator.MAX[i])));
                    verified.add(i < 10 && random.nextInt(8) == 0 ? vn.unionreview.scoring.Decimals.plain(half.subtract(BigDecimal.ONE).max(BigDecimal.ZERO)) : "");
                }
                int staff = 15 + random.nextInt(200);
                int members = Math.min(staff, (int) Math.round(staff * (0.8 + random.nextDouble() * 0.2)));
                boolean stoppage = random.nextInt(400) == 0;
                int fault = random.nextInt(200);
                if (registry) {
                    return List.of(code, name, String.format("Khối %03d", bloc + 1));
                }
                if (fault == 0) {
                    scores.set(0, "12");          // above the maximum
                } else if (fault == 1) {
                    scores.set(3, "tốt");         // a word in a score cell
                } else if (fault == 2) {
                    scores.set(5, scores.get(5).replace('.', ','));  // decimal comma, corrected
                }
                List<String> row = new ArrayList<>(List.of(code));
                row.addAll(scores);
                row.addAll(verified);
                row.addAll(List.of(Integer.toString(staff), Integer.toString(members), stoppage ? "có" : "không", "không", "không", "có"));
                return row;
            }
        };
    }
}
