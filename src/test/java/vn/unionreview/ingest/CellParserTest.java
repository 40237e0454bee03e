package vn.unionreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.unionreview.rules.Criterion;
import vn.unionreview.rules.CriterionKind;
import vn.unionreview.text.Text;

class CellParserTest {

    private final CellParser parser = new CellParser(new BigDecimal("0.5"));
    private final Criterion a1 = new Criterion("A1", new Text("x", "x"), BigDecimal.TEN, CriterionKind.GROUP, "A");

    private static SheetCell cell(String text) {
        return new SheetCell(0, "A2", text, CellKind.UNTYPED);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"8.5|8.5", "'  9 '|9", "10|10", "0|0", "\u00A07.5\u00A0|7.5"})
    void acceptsValidScores(String text, String expected) {
        ParsedValue<BigDecimal> v = parser.score(cell(text), a1);
        assertThat(v.error()).isNull();
        assertThat(v.value()).isEqualByComparingTo(expected);
        assertThat(v.correction()).isNull();
    }

    @Test
    void readsADecimalCommaAndSaysSo() {
        ParsedValue<BigDecimal> v = parser.score(cell("8,5"), a1);
        assertThat(v.value()).isEqualByComparingTo("8.5");
        assertThat(v.correction().english()).isEqualTo("decimal comma: '8,5' read as 8.5");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "12|score 12 is above the maximum 10 for A1",
                "-1|score -1 is negative",
                "7.3|score 7.3 is not a multiple of the step 0.5",
                "tốt|'tốt' is not a number",
                "1,000.5|'1,000.5' is not a number",
                "8.5.1|'8.5.1' is not a number"
            })
    void rejectsInvalidScoresWithAReason(String text, String reason) {
        ParsedValue<BigDecimal> v = parser.score(cell(text), a1);
        assertThat(v.isValid()).isFalse();
        assertThat(v.error().english()).isEqualTo(reason);
    }

    @Test
    void blankIsNotScoredRatherThanZero() {
        assertThat(parser.score(cell("  "), a1)).isEqualTo(ParsedValue.ok(null));
        assertThat(parser.score(null, a1)).isEqualTo(ParsedValue.ok(null));
    }

    @Test
    void formulasWithoutAValueAndErrorsAreInvalid() {
        assertThat(parser.score(new SheetCell(0, "B2", "", CellKind.FORMULA_WITHOUT_VALUE), a1)
                        .error()
                        .english())
                .startsWith("formula with no saved value");
        assertThat(parser.score(new SheetCell(0, "B2", "#DIV/0!", CellKind.ERROR), a1)
                        .error()
                        .english())
                .isEqualTo("formula error #DIV/0!");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "có|true",
                "Có|true",
                "CÓ|true",
                "x|true",
                "X|true",
                "1|true",
                "true|true",
                "TRUE|true",
                "không|false",
                "Không|false",
                "0|false",
                "false|false",
                "''|false"
            })
    void readsYesNoTheWaysOfficesWriteIt(String text, boolean expected) {
        assertThat(parser.yesNo(cell(text)).value()).isEqualTo(expected);
    }

    @Test
    void yesNoDecomposedUnicodeIsNormalisedFirst() {
        String decomposed = Normalizer.normalize("không", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("không");
        assertThat(parser.yesNo(cell(decomposed)).value()).isFalse();
        assertThat(parser.yesNo(cell("có lẽ")).error().english()).contains("is not yes/no");
        assertThat(parser.yesNo(null).value()).as("blank is no").isFalse();
    }

    @Test
    void wholeNumbersRefuseFractionsAndNegatives() {
        assertThat(parser.wholeNumber(cell("120")).value()).isEqualByComparingTo("120");
        assertThat(parser.wholeNumber(cell("120.0")).value()).isEqualByComparingTo("120");
        assertThat(parser.wholeNumber(cell("1.250")).error().english()).isEqualTo("'1.250' is not a whole number");
        assertThat(parser.wholeNumber(cell("-3")).error().english()).isEqualTo("'-3' is negative");
    }
}
