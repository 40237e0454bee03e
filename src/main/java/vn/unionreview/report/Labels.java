package vn.unionreview.report;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.IntStream;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import vn.unionreview.VietnameseText;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.text.Text;

/**
 * The words and number formats of the reports in one language: Vietnamese ("vi", the default) or English ("en"), from
 * i18n/reports_*.properties. Vietnamese numbers use a decimal comma and a dot between thousands (9.412; 12,5%).
 */
public final class Labels {

    private final String lang;
    private final ResourceBundle bundle;
    private final ULocale locale;
    private final DecimalFormatSymbols symbols;

    public Labels(String lang) {
        this.lang = lang;
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : VietnameseText.VIETNAMESE;
        this.bundle = ResourceBundle.getBundle(
                "i18n/reports",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.symbols = DecimalFormatSymbols.getInstance("en".equals(lang) ? Locale.ENGLISH : Locale.GERMANY);
        this.locale = new ULocale("en".equals(lang) ? "en" : "vi");
    }

    public String lang() {
        return lang;
    }

    /**
     * Every character of this language's texts (and of their patterns' syntax): what fonts cut to the texts must draw.
     */
    public IntStream characters() {
        return bundle.keySet().stream().map(bundle::getString).flatMapToInt(String::codePoints);
    }

    /**
     * The text for {@code key}: an ICU MessageFormat pattern, as every catalogue of the program, its arguments in
     * order. Where a count decides the words (English plurals: "1 branch was", "3 branches were") the pattern formats
     * the number itself ({@code {0,plural,…}}, {@code {0,number,integer}}); a number the pattern only places
     * ({@code {0}}) is written as it is, like a year, never grouped.
     */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        Object[] placed = args.clone();
        for (int i = 0; i < placed.length; i++) {
            if (placed[i] instanceof Number && !pattern.contains("{" + i + ",")) {
                placed[i] = String.valueOf(placed[i]);
            }
        }
        return new MessageFormat(pattern, locale).format(placed);
    }

    /** A number with {@code decimals} decimals at most (trailing zeros dropped) in this language's style. */
    public String number(double value, int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals), symbols);
        return format.format(value);
    }

    /** A number with exactly {@code decimals} decimals ("75,10" beside "77,12"): one format down a column of means. */
    public String fixed(double value, int decimals) {
        return new DecimalFormat("#,##0." + "0".repeat(decimals), symbols).format(value);
    }

    public String number(BigDecimal value) {
        return number(value.doubleValue(), 2);
    }

    /**
     * A count for a sentence: grouped as numbers are in Vietnamese text ("24.997"), and left a number in English, whose
     * sentences choose their words by it ("1 more branch", "24,997 more branches").
     */
    public Object count(long n) {
        return "en".equals(lang) ? (Object) n : number(n, 0);
    }

    /** A share as a percentage with one decimal, always: "11,1%" and "37,0%" alike in one table. */
    public String percent(double share) {
        return new DecimalFormat("#,##0.0", symbols).format(share * 100) + "%";
    }

    public String text(Text text) {
        return text == null ? "" : text.in(lang);
    }

    /**
     * The names of the awards whose ids a result holds ("CO;BK" → "Cờ thi đua xuất sắc, Bằng khen"): leaders read
     * names.
     */
    public String awards(RuleSet rules, String ids) {
        return names(
                ids,
                id -> rules.awards().stream()
                        .filter(a -> a.id().equals(id))
                        .map(a -> text(a.title()))
                        .findFirst());
    }

    /**
     * What each cap a result records stands for, by its reason in the rule set ("work_stoppage" → "Có ngừng việc tập
     * thể").
     */
    public String caps(RuleSet rules, String ids) {
        return names(
                ids,
                id -> rules.caps().stream()
                        .filter(c -> c.id().equals(id))
                        .map(c -> text(c.reason()))
                        .findFirst());
    }

    /**
     * Why a branch stands below the tier its total earned, where it is listed: the caps by their reasons and the tier
     * they moved it from, and the bloc's quota; "" when nothing moved it.
     *
     * @param tier its final tier
     * @param demoted whether a quota moved it down one tier after the caps
     * @param decided whether a council decision set its tier: then the decision, with its reason, says why
     */
    public String moved(
            RuleSet rules, String tier, String tierBeforeCaps, String caps, boolean demoted, boolean decided) {
        List<String> why = new ArrayList<>();
        if (decided) {
            return "";
        }
        int afterCaps = rules.tierIndex(tier) - (demoted ? 1 : 0);
        if (!caps.isEmpty() && afterCaps > rules.tierIndex(tierBeforeCaps)) {
            why.add(get("note.capped", tier(rules, tierBeforeCaps), caps(rules, caps)));
        }
        if (demoted) {
            why.add(get("note.demoted", text(rules.tiers().get(afterCaps).title())));
        }
        return String.join("; ", why);
    }

    /** A tier's name. */
    public String tier(RuleSet rules, String id) {
        return text(rules.tiers().get(rules.tierIndex(id)).title());
    }

    private static String names(String ids, Function<String, Optional<String>> name) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        return String.join(
                "; ",
                Arrays.stream(ids.split(";"))
                        .map(id -> name.apply(id).orElse(id))
                        .toList());
    }

    /** "…, ngày 05 tháng 01 năm 2026" / "…, 05 January 2026". */
    public String placeAndDate(String place, LocalDate date) {
        if ("en".equals(lang)) {
            return place + ", " + date.format(DateTimeFormatter.ofPattern("dd MMMM yyyy", Locale.ENGLISH));
        }
        return String.format(
                Locale.ROOT,
                "%s, ngày %02d tháng %02d năm %d",
                place,
                date.getDayOfMonth(),
                date.getMonthValue(),
                date.getYear());
    }

    /** An ISO date ("2026-12-12") as a document writes it: "12/12/2026"; "" stays "". */
    public String date(String iso) {
        return iso.isEmpty() ? "" : LocalDate.parse(iso).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    /** Roman numerals for appendix numbers (Phụ lục I, II, …). */
    public static String roman(int n) {
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            for (; n >= values[i]; n -= values[i]) {
                s.append(symbols[i]);
            }
        }
        return s.toString();
    }
}
