package vn.unionreview.sample;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.unionreview.files.AtomicFiles;
import vn.unionreview.files.Csv;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.Decimals;

/**
 * The sample year: a province-sized public-servant union (63 branches in 6 blocs, about 9,700 members) with the faults
 * a first run meets in real life. Deterministic for a seed.
 *
 * <p>Written: {@code <year>/registry.csv}; {@code <year>/tables/bang-tong-hop.csv} (UTF-8 with BOM, as Excel exports
 * it) for the party and state-management blocs; {@code <year>/tables/khoi-giao-duc.xlsx} for the education bloc, which
 * collects centrally; and one form per branch under {@code <year>/forms/} for the health, public-service and district
 * blocs, as branches send them: xlsx, and Excel 97-2003 from the district offices. Faults placed on purpose, each with
 * a known outcome:
 *
 * <ul>
 *   <li>a decimal comma ("8,5") — read as 8.5 and reported as a correction;
 *   <li>a score above its maximum, a score off the 0.5 step, a word in a score cell — row rejected;
 *   <li>a row for a code not in the registry — rejected; a registry branch with no row — not submitted;
 *   <li>one branch in both files — both rows rejected as a duplicate submission;
 *   <li>a blank criterion — "not scored", counted 0, reported; lower-case codes and stray spaces;
 *   <li>a work stoppage at an excellent branch, unpaid dues, a low membership rate — caps fire;
 *   <li>four excellent hospitals where the quota allows three — one moved down a tier;
 *   <li>two schools with identical results at the top of their bloc — an award tie for the council.
 *   <li>forms: "8,5 điểm" and a number stored as text with non-breaking spaces (read, reported); a form with rows
 *       inserted and its sheet renamed (read); a name and yes/no answers typed in TCVN3 and in VNI (converted,
 *       reported); a formula saved without its value (form rejected); a password-protected form, a damaged one and a
 *       PDF scan (files not read); one branch sending its form twice (both rejected unless newer-form-wins is
 *       configured); a form for a branch not in the registry.
 * </ul>
 */
public final class SampleGenerator {

    static final String[] CRITERIA = {"A1", "A2", "A3", "B1", "B2", "C1", "C2", "C3", "D1", "D2", "E1", "E2", "F1", "F2"
    };
    static final BigDecimal[] MAX = {
        bd(10), bd(10), bd(10), bd(10), bd(10), bd(10), bd(10), bd(10), bd(10), bd(10), bd(3), bd(2), bd(5), bd(5)
    };
    static final String[] FACTS = {
        "members_total", "members_union", "work_stoppage", "finance_violation", "executive_disciplined", "dues_remitted"
    };

    /** Bloc name, then unit names, then the usual staff size range of such units. */
    private static final Object[][] BLOCS = {
        {
            "Khối Đảng, đoàn thể",
            30,
            90,
            new String[] {
                "Văn phòng Tỉnh ủy",
                "Ban Tổ chức Tỉnh ủy",
                "Ban Tuyên giáo và Dân vận Tỉnh ủy",
                "Ủy ban Kiểm tra Tỉnh ủy",
                "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                "Tỉnh đoàn",
                "Hội Liên hiệp Phụ nữ tỉnh",
                "Hội Nông dân tỉnh",
                "Hội Cựu chiến binh tỉnh"
            }
        },
        {
            "Khối Quản lý nhà nước",
            60,
            220,
            new String[] {
                "Văn phòng Ủy ban nhân dân tỉnh",
                "Sở Tài chính",
                "Sở Nội vụ",
                "Sở Tư pháp",
                "Sở Xây dựng",
                "Sở Công Thương",
                "Sở Nông nghiệp và Môi trường",
                "Sở Khoa học và Công nghệ",
                "Sở Văn hóa, Thể thao và Du lịch",
                "Sở Dân tộc và Tôn giáo",
                "Thanh tra tỉnh",
                "Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
                "Sở Ngoại vụ",
                "Sở Giáo dục và Đào tạo"
            }
        },
        {
            "Khối Giáo dục - Đào tạo",
            80,
            160,
            new String[] {
                "Trường THPT chuyên Lê Quý Đôn",
                "Trường THPT Nguyễn Trãi",
                "Trường THPT Trần Hưng Đạo",
                "Trường THPT Lý Thường Kiệt",
                "Trường THPT Nguyễn Du",
                "Trường THPT Phan Bội Châu",
                "Trường THPT Hoàng Hoa Thám",
                "Trường Cao đẳng Sư phạm",
                "Trường Cao đẳng Y tế",
                "Trường Cao đẳng Kỹ thuật Công nghiệp",
                "Trung tâm Giáo dục thường xuyên tỉnh",
                "Trường Phổ thông Dân tộc nội trú tỉnh"
            }
        },
        {
            "Khối Y tế",
            180,
            760,
            new String[] {
                "Bệnh viện Đa khoa tỉnh",
                "Bệnh viện Sản - Nhi",
                "Bệnh viện Y học cổ truyền",
                "Bệnh viện Phục hồi chức năng",
                "Bệnh viện Lao và Bệnh phổi",
                "Bệnh viện Tâm thần",
                "Bệnh viện Mắt",
                "Trung tâm Kiểm soát bệnh tật tỉnh",
                "Trung tâm Giám định y khoa",
                "Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm"
            }
        },
        {
            "Khối Sự nghiệp",
            30,
            180,
            new String[] {
                "Đài Phát thanh và Truyền hình tỉnh",
                "Báo tỉnh",
                "Thư viện tỉnh",
                "Bảo tàng tỉnh",
                "Trung tâm Văn hóa - Điện ảnh tỉnh",
                "Ban Quản lý các khu công nghiệp",
                "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch",
                "Quỹ Đầu tư phát triển tỉnh",
                "Trung tâm Dịch vụ việc làm"
            }
        },
        {
            "Khối Huyện, thị xã, thành phố",
            40,
            120,
            new String[] {
                "Cơ quan Ủy ban nhân dân huyện Đông Sơn",
                "Cơ quan Ủy ban nhân dân huyện Tây Hòa",
                "Cơ quan Ủy ban nhân dân huyện Bắc Bình",
                "Cơ quan Ủy ban nhân dân huyện Nam Đàn",
                "Cơ quan Ủy ban nhân dân thị xã Hồng Lĩnh",
                "Cơ quan Ủy ban nhân dân thành phố Đồng Hới",
                "Cơ quan Huyện ủy Đông Sơn",
                "Cơ quan Huyện ủy Tây Hòa",
                "Cơ quan Thành ủy Đồng Hới"
            }
        },
    };

    private final long seed;

    public SampleGenerator(long seed) {
        this.seed = seed;
    }

    /** One branch of the sample: registry data, self and verified scores (null: none), facts as cell text. */
    record SampleBranch(
            String code, String name, String bloc, String[] self, String[] verified, Map<String, String> facts) {}

    public Path writeYear(Path inputDir, int year, RuleSet rules) throws IOException {
        Path dir = inputDir.resolve(Integer.toString(year));
        Path tables = dir.resolve("tables");
        Files.createDirectories(tables);
        List<SampleBranch> branches = branches();

        List<List<String>> registry = new ArrayList<>();
        branches.forEach(b -> registry.add(List.of(b.code(), b.name(), b.bloc())));
        Csv.write(dir.resolve("registry.csv"), List.of("code", "name", "bloc"), registry);

        List<String> header = header();
        List<List<String>> csvRows = new ArrayList<>();
        List<List<String>> xlsxRows = new ArrayList<>();
        List<SampleBranch> byForm = new ArrayList<>();
        for (SampleBranch b : branches) {
            if (b.code().equals("CDCS-063")) {
                continue; // the registry branch that never sent anything
            }
            if (FORM_BLOCS.contains(b.bloc())) {
                byForm.add(b);
            } else {
                (b.bloc().startsWith("Khối Giáo dục") ? xlsxRows : csvRows).add(row(b));
            }
        }
        applyFaults(csvRows, xlsxRows);
        Csv.write(tables.resolve("bang-tong-hop.csv"), header, csvRows);
        writeXlsx(tables.resolve("khoi-giao-duc.xlsx"), header, xlsxRows);
        new SampleForms(rules, year, dir.resolve("forms")).write(byForm);
        return dir;
    }

    /** The blocs whose branches send their own forms. */
    static final Set<String> FORM_BLOCS = Set.of("Khối Y tế", "Khối Sự nghiệp", "Khối Huyện, thị xã, thành phố");

    /** A synthetic province of {@code branches} branches; see {@link SyntheticProvince}. */
    public Path writeSynthetic(Path inputDir, int year, int branches) throws IOException {
        return new SyntheticProvince(seed, branches).write(inputDir, year);
    }

    /**
     * A synthetic province as a consolidated table ("csv", "xlsx") or one form per branch ("forms", made from
     * {@code rules}).
     */
    public Path writeSynthetic(Path inputDir, int year, int branches, String layout, RuleSet rules) throws IOException {
        SyntheticProvince.Layout l = SyntheticProvince.Layout.valueOf(layout.toUpperCase(Locale.ROOT));
        return new SyntheticProvince(seed, branches).write(inputDir, year, l, rules);
    }

    List<SampleBranch> branches() {
        Random random = new Random(seed);
        List<SampleBranch> out = new ArrayList<>();
        int n = 0;
        for (Object[] bloc : BLOCS) {
            String blocName = (String) bloc[0];
            int min = (Integer) bloc[1];
            int max = (Integer) bloc[2];
            for (String unit : (String[]) bloc[3]) {
                n++;
                String code = String.format("CDCS-%03d", n);
                double quality = 0.62 + random.nextDouble() * 0.33;
                String[] self = new String[CRITERIA.length];
                String[] verified = new String[CRITERIA.length];
                for (int i = 0; i < 10; i++) {
                    self[i] = plain(half(
                            MAX[i].doubleValue() * Math.min(1, quality + random.nextGaussian() * 0.06), MAX[i]));
                }
                self[10] = random.nextInt(4) == 0 ? plain(half(random.nextDouble() * 3, MAX[10])) : "0";
                self[11] = random.nextInt(5) == 0 ? "1" : "0";
                self[12] = random.nextInt(8) == 0 ? "2" : "0";
                self[13] = random.nextInt(10) == 0 ? "1" : "0";
                if (random.nextInt(5) < 2) { // the province checked this form and lowered a few scores
                    for (int k = 0; k < 2; k++) {
                        int i = random.nextInt(10);
                        BigDecimal lowered = new BigDecimal(self[i])
                                .subtract(bd(random.nextInt(3) + 1).divide(bd(2)))
                                .max(BigDecimal.ZERO);
                        verified[i] = plain(lowered);
                    }
                }
                int staff = min + random.nextInt(max - min + 1);
                int members = (int) Math.round(staff * (0.86 + random.nextDouble() * 0.14));
                Map<String, String> facts = new LinkedHashMap<>();
                facts.put("members_total", Integer.toString(staff));
                facts.put("members_union", Integer.toString(Math.min(staff, members)));
                facts.put("work_stoppage", "không");
                facts.put("finance_violation", "không");
                facts.put("executive_disciplined", "không");
                facts.put("dues_remitted", "có");
                out.add(new SampleBranch(code, "Công đoàn " + unit, blocName, self, verified, facts));
            }
        }
        engineer(out);
        return out;
    }

    /** The cases a first run must show, placed on known branches. */
    private static void engineer(List<SampleBranch> branches) {
        // Khối Y tế (CDCS-036..045): four excellent hospitals, the quota (floor 0.3 × 10 = 3) keeps three
        excellent(branches.get(35), "10", "10", "9.5", "10", "9.5", "10", "10", "9.5", "10", "10", "2", "1");
        excellent(branches.get(36), "10", "9.5", "9.5", "10", "9.5", "10", "9.5", "9.5", "10", "9.5", "1", "1");
        excellent(branches.get(37), "9.5", "9.5", "9.5", "9.5", "9.5", "9.5", "9.5", "9.5", "9.5", "9.5", "1", "0");
        excellent(branches.get(38), "9.5", "9", "9", "9.5", "9", "9.5", "9", "9", "9.5", "9", "0.5", "0");
        // Khối Giáo dục (CDCS-024..035): two schools tie at the top: same scores, same members
        for (int i : new int[] {23, 24}) {
            excellent(branches.get(i), "10", "9.5", "10", "9.5", "10", "10", "9.5", "9.5", "10", "10", "1.5", "1");
            branches.get(i).facts().put("members_total", "96");
            branches.get(i).facts().put("members_union", "92");
        }
        // caps: a work stoppage at an excellent unit; dues not remitted; a low membership rate
        excellent(branches.get(1), "10", "10", "9.5", "10", "10", "9.5", "10", "10", "9.5", "10", "1", "1");
        branches.get(1).facts().put("work_stoppage", "có");
        branches.get(12).facts().put("dues_remitted", "không");
        branches.get(48).facts().put("members_union", Integer.toString((int)
                (Integer.parseInt(branches.get(48).facts().get("members_total")) * 0.6)));
        branches.get(5).facts().put("executive_disciplined", "x");
        // integrity signals for the council (scores as sent; the signals change no result):
        // the two tied schools above share every self score (identical_scores); a ministry gives itself every
        // maximum (all_maximum) after a middling year before (jump_from_last_year, see writeEarlierYear);
        // one department copies another's form and changes half a point (near_identical_scores); one is
        // lowered far more than any other by verification (inflation_outlier); a school declares more union
        // members than staff (fact_conflict); two forms saved by one person (same_form_author, SampleForms)
        excellent(branches.get(ALL_MAXIMUM), "10", "10", "10", "10", "10", "10", "10", "10", "10", "10", "0", "0");
        SampleBranch copied = branches.get(19);
        SampleBranch copy = branches.get(21);
        System.arraycopy(copied.self(), 0, copy.self(), 0, copied.self().length);
        copy.self()[0] = plain(new BigDecimal(copy.self()[0])
                .add(
                        new BigDecimal(copy.self()[0]).compareTo(BigDecimal.TEN) < 0
                                ? new BigDecimal("0.5")
                                : new BigDecimal("-0.5")));
        SampleBranch inflated = branches.get(13);
        for (int i = 0; i < 5; i++) {
            inflated.verified()[i] = plain(new BigDecimal(inflated.self()[i])
                    .subtract(new BigDecimal("2.5"))
                    .max(BigDecimal.ZERO));
        }
        SampleBranch school = branches.get(30);
        school.facts()
                .put(
                        "members_union",
                        Integer.toString(Integer.parseInt(school.facts().get("members_total")) + 4));
    }

    /** The branch that gives itself every maximum, after a middling year before. */
    private static final int ALL_MAXIMUM = 18;

    /**
     * The year before as the province kept it: one consolidated table of every branch, each a little below this year,
     * and the all-maximum branch far below (its jump is a signal). Run it first, and the year's run compares with it.
     */
    public Path writeEarlierYear(Path inputDir, int year) throws IOException {
        Path dir = inputDir.resolve(Integer.toString(year));
        Files.createDirectories(dir.resolve("tables"));
        List<SampleBranch> branches = branches();
        Csv.write(
                dir.resolve("registry.csv"),
                List.of("code", "name", "bloc"),
                branches.stream()
                        .map(b -> List.of(b.code(), b.name(), b.bloc()))
                        .toList());
        Random earlier = new Random(year);
        List<List<String>> rows = new ArrayList<>();
        for (SampleBranch b : branches) {
            String[] self = b.self().clone();
            for (int i = 0; i < 10; i++) {
                BigDecimal lower = b.code().equals(branches.get(ALL_MAXIMUM).code())
                        ? new BigDecimal("3")
                        : new BigDecimal(earlier.nextInt(3)).divide(bd(2));
                self[i] = plain(new BigDecimal(self[i]).subtract(lower).max(BigDecimal.ZERO));
            }
            rows.add(row(new SampleBranch(b.code(), b.name(), b.bloc(), self, new String[self.length], b.facts())));
        }
        Csv.write(dir.resolve("tables").resolve("bang-tong-hop.csv"), header(), rows);
        return dir;
    }

    private static void excellent(SampleBranch b, String... scores) {
        for (int i = 0; i < scores.length; i++) {
            b.self()[i] = scores[i];
            b.verified()[i] = null;
        }
        b.self()[12] = "0";
        b.self()[13] = "0";
    }

    private static List<String> header() {
        List<String> header = new ArrayList<>(List.of("code", "name"));
        header.addAll(List.of(CRITERIA));
        for (String c : CRITERIA) {
            header.add(c + ".verified");
        }
        header.addAll(List.of(FACTS));
        header.add("ghi_chu");
        return header;
    }

    private static List<String> row(SampleBranch b) {
        List<String> row = new ArrayList<>(List.of(b.code(), b.name()));
        row.addAll(List.of(b.self()));
        for (String v : b.verified()) {
            row.add(v == null ? "" : v);
        }
        for (String f : FACTS) {
            row.add(b.facts().get(f));
        }
        row.add("");
        return row;
    }

    /** Column index of a criterion's self-score cell in {@link #header()}. */
    private static int col(String criterion) {
        return 2 + List.of(CRITERIA).indexOf(criterion);
    }

    private static void applyFaults(List<List<String>> csv, List<List<String>> xlsx) {
        set(csv, "CDCS-003", col("B1"), "8,5"); // decimal comma: corrected, accepted
        set(csv, "CDCS-007", col("A2"), "12"); // above the maximum 10: rejected
        set(csv, "CDCS-016", col("C3"), "7.3"); // off the 0.5 step: rejected
        set(csv, "CDCS-021", 0, " cdcs-021 "); // lower case and stray spaces: cleaned
        set(csv, "CDCS-010", 2 + 2 * CRITERIA.length + FACTS.length, "đã kiểm tra lại số liệu");
        List<String> stranger = new ArrayList<>(csv.get(0)); // a branch not in the registry
        stranger.set(0, "CDCS-099");
        stranger.set(1, "Công đoàn Trung tâm Lưu trữ lịch sử");
        csv.add(stranger);
        List<String> again = new ArrayList<>(xlsx.get(5)); // one school also in the consolidated CSV
        csv.add(again);
    }

    private static void set(List<List<String>> rows, String code, int column, String value) {
        rows.stream()
                .filter(r -> r.get(0).equals(code))
                .findFirst()
                .orElseThrow()
                .set(column, value);
    }

    private static void writeXlsx(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("Khối Giáo dục");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            int r = 1;
            for (List<String> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i);
                    if (v.isEmpty()) {
                        continue;
                    }
                    if (v.matches("\\d+(\\.\\d+)?") && i >= 2) {
                        row.createCell(i).setCellValue(Double.parseDouble(v)); // a number cell, as Excel stores it
                    } else {
                        row.createCell(i).setCellValue(v);
                    }
                }
            }
            wb.getProperties().getCoreProperties().setCreated(Optional.of(new Date(0)));
            AtomicFiles.write(file, wb::write);
        }
    }

    private static BigDecimal half(double value, BigDecimal max) {
        BigDecimal halves = BigDecimal.valueOf(Math.max(0, value) * 2).setScale(0, RoundingMode.HALF_UP);
        return halves.divide(bd(2)).min(max);
    }

    private static String plain(BigDecimal v) {
        return Decimals.plain(v);
    }

    private static BigDecimal bd(int v) {
        return BigDecimal.valueOf(v);
    }
}
