package vn.unionreview.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.unionreview.rules.Criterion;
import vn.unionreview.text.Message;

/**
 * Parses score and fact cells the way offices type them, without ever guessing: a decimal comma ("8,5") is read as 8.5
 * and reported; anything ambiguous or out of range is invalid with a reason.
 */
public final class CellParser {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(?:([.,])(\\d+))?");
    /** A unit typed after a score: "8,5 điểm", "9đ", "7 diem". */
    private static final Pattern UNIT = Pattern.compile("(?iu)^(.*?\\d)\\s*(điểm|diem|đ)\\.?$");

    private static final Set<String> TRUE = Set.of("true", "1", "có", "co", "x", "yes", "đúng");
    private static final Set<String> FALSE = Set.of("false", "0", "không", "khong", "no", "sai");

    /** Why a cell with more text than a cell can hold is not used. */
    public static final Message OVERSIZED = Message.of("cell.oversized", "limit", String.valueOf(Bounds.CELL));

    /** Digits before the decimal point of any number read: member counts and scores are far smaller. */
    static final int MAX_WHOLE_DIGITS = 15;
    /** Decimals of any number read: steps are halves or quarters, rates a few decimals. */
    static final int MAX_DECIMALS = 9;

    private final BigDecimal step;

    public CellParser(BigDecimal step) {
        this.step = step;
    }

    /** A score for {@code criterion}: a multiple of the step, between 0 and its maximum. Blank is "not scored". */
    public ParsedValue<BigDecimal> score(SheetCell cell, Criterion criterion) {
        ParsedValue<BigDecimal> number = number(cell);
        if (!number.isValid() || number.value() == null) {
            return number;
        }
        BigDecimal v = number.value();
        if (v.signum() < 0) {
            return ParsedValue.invalid(Message.of("score.negative", "score", v));
        }
        if (v.compareTo(criterion.max()) > 0) {
            return ParsedValue.invalid(
                    Message.of("score.above_maximum", "score", v, "max", criterion.max(), "criterion", criterion.id()));
        }
        if (v.remainder(step).signum() != 0) {
            return ParsedValue.invalid(Message.of("score.off_step", "score", v, "step", step));
        }
        return number;
    }

    /** A whole number ≥ 0 (member counts). */
    public ParsedValue<BigDecimal> wholeNumber(SheetCell cell) {
        ParsedValue<BigDecimal> number = number(cell);
        if (!number.isValid() || number.value() == null) {
            return number;
        }
        BigDecimal v = number.value();
        if (v.stripTrailingZeros().scale() > 0) {
            return ParsedValue.invalid(Message.of(
                    "cell.not_whole_number",
                    "value",
                    Texts.printable(cell.text().strip(), 40)));
        }
        if (v.signum() < 0) {
            return ParsedValue.invalid(Message.of(
                    "cell.negative", "value", Texts.printable(cell.text().strip(), 40)));
        }
        return number;
    }

    /** Yes/no: true/false, 1/0, có/không, x, also typed in a TCVN3 or VNI font; a blank cell is "no". */
    public ParsedValue<Boolean> yesNo(SheetCell cell) {
        if (cell == null) {
            return ParsedValue.ok(false);
        }
        ParsedValue<String> text = text(cell);
        if (!text.isValid()) {
            return ParsedValue.invalid(text.error());
        }
        Boolean value = yesNoWord(text.value());
        if (value != null) {
            return ParsedValue.ok(value);
        }
        for (Map.Entry<LegacyVietnamese.Encoding, String> decoded :
                LegacyVietnamese.decodings(text.value()).entrySet()) {
            Boolean legacy = yesNoWord(decoded.getValue());
            if (legacy != null && !decoded.getValue().equals(text.value())) {
                return ParsedValue.corrected(
                        legacy,
                        Message.of(
                                "cell.legacy_font",
                                "font",
                                decoded.getKey().label(),
                                "typed",
                                text.value(),
                                "read",
                                decoded.getValue()));
            }
        }
        return ParsedValue.invalid(Message.of("cell.not_yes_no", "value", Texts.printable(text.value(), 40)));
    }

    private static Boolean yesNoWord(String text) {
        String v = text.toLowerCase(Locale.ROOT);
        if (v.isEmpty() || FALSE.contains(v)) {
            return false;
        }
        return TRUE.contains(v) ? true : null;
    }

    /**
     * Any decimal. What offices type around a number is read and reported: a decimal comma, a unit ("8,5 điểm"), a
     * number stored as text in a spreadsheet. Blank gives a null value.
     */
    public ParsedValue<BigDecimal> number(SheetCell cell) {
        if (cell == null) {
            return ParsedValue.ok(null);
        }
        ParsedValue<String> text = text(cell);
        if (!text.isValid() || text.value().isEmpty()) {
            return text.isValid() ? ParsedValue.ok(null) : ParsedValue.invalid(text.error());
        }
        String typed = text.value();
        Matcher unit = UNIT.matcher(typed);
        String s = unit.matches() ? unit.group(1) : typed;
        Matcher m = DECIMAL.matcher(s);
        if (!m.matches()) {
            return ParsedValue.invalid(Message.of("cell.not_a_number", "value", Texts.printable(typed, 40)));
        }
        String plain = s.replace(',', '.');
        List<Message> done = new ArrayList<>();
        if (unit.matches()) {
            done.add(Message.of("correction.unit_dropped", "unit", unit.group(2)));
        }
        if (",".equals(m.group(1))) {
            done.add(Message.of("correction.decimal_comma"));
        }
        if (cell.kind() == CellKind.TEXT) {
            done.add(Message.of("correction.number_as_text"));
        }
        BigDecimal value = new BigDecimal(plain);
        BigDecimal digits = value.stripTrailingZeros();
        if (digits.precision() - digits.scale() > MAX_WHOLE_DIGITS) {
            return ParsedValue.invalid(Message.of(
                    "cell.too_large", "value", Texts.printable(typed, 40), "digits", String.valueOf(MAX_WHOLE_DIGITS)));
        }
        if (digits.scale() > MAX_DECIMALS) {
            return ParsedValue.invalid(Message.of(
                    "cell.too_many_decimals",
                    "value",
                    Texts.printable(typed, 40),
                    "decimals",
                    String.valueOf(MAX_DECIMALS)));
        }
        value = value.setScale(Math.max(digits.scale(), 0)); // "7.000000" is 7: trailing zeros are not precision
        return done.isEmpty()
                ? ParsedValue.ok(value)
                : ParsedValue.corrected(
                        value, Message.of("cell.read_as", "changes", done, "typed", typed, "read", value));
    }

    private static ParsedValue<String> text(SheetCell cell) {
        return switch (cell.kind()) {
            case FORMULA_WITHOUT_VALUE -> ParsedValue.invalid(Message.of("cell.formula_without_value"));
            case ERROR -> ParsedValue.invalid(Message.of("cell.formula_error", "error", cell.text()));
            case OVERSIZED -> ParsedValue.invalid(OVERSIZED);
            default -> ParsedValue.ok(Texts.clean(cell.text()));
        };
    }
}
