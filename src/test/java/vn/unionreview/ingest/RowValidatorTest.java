package vn.unionreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.unionreview.Fixtures;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.FactValue;

class RowValidatorTest {

    private static final String ALL = "A1,A2,A3,B1,B2,C1,C2,C3,D1,D2,E1,E2,F1,F2";
    private final RuleSet rules = Fixtures.rules2025();
    private final RowValidator validator = new RowValidator(rules, Set.of("CDCS-001", "CDCS-002"));

    private static SheetRow row(int number, String csv) {
        List<SheetCell> cells = new ArrayList<>();
        String[] values = csv.split(",", -1);
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isEmpty()) {
                cells.add(new SheetCell(i, SheetCell.ref(i, number), values[i], CellKind.UNTYPED));
            }
        }
        return new SheetRow("t.csv", "", number, cells);
    }

    private TableLayout layout(String header) {
        return TableLayout.of(rules, row(1, header), List.of());
    }

    @Test
    void acceptsAValidRowWithVerifiedScoresAndFacts() {
        TableLayout layout =
                layout("code," + ALL + ",A1.verified,members_total,members_union,work_stoppage,dues_remitted");
        IngestRecord r = validator.validate(
                new TableRow(layout, row(2, " cdcs-001 ,9,9,9,9,9,9,9,9,9,9,1,0,0,0,7.5,100,90,không,có")));
        assertThat(r.accepted()).isTrue();
        assertThat(r.code()).isEqualTo("CDCS-001");
        assertThat(r.submission().self().get("A1")).isEqualByComparingTo("9");
        assertThat(r.submission().verified().get("A1")).isEqualByComparingTo("7.5");
        assertThat(r.submission().facts())
                .containsEntry("work_stoppage", FactValue.of(false))
                .containsEntry("dues_remitted", FactValue.of(true));
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void columnsMayComeInAnyOrderAndAnyCase() {
        TableLayout layout = layout("f2,F1,E2,E1,D2,D1,C3,C2,C1,B2,B1,A3,A2,a1,CODE");
        IngestRecord r = validator.validate(new TableRow(layout, row(2, "0,0,0,0,1,2,3,4,5,6,7,8,9,10,CDCS-002")));
        assertThat(r.accepted()).isTrue();
        assertThat(r.submission().self().get("A1")).isEqualByComparingTo("10");
        assertThat(r.submission().self().get("D2")).isEqualByComparingTo("1");
    }

    @Test
    void rejectsTheRowWithEveryReasonAndItsCell() {
        TableLayout layout = layout("code," + ALL + ",members_total");
        IngestRecord r =
                validator.validate(new TableRow(layout, row(5, "CDCS-009,11,9,9,9,9,9,9,9,9,9.2,1,0,0,0,abc")));
        assertThat(r.accepted()).isFalse();
        assertThat(r.problems())
                .extracting(p -> p.cell() + " " + p.column() + ": " + p.reason().english())
                .containsExactly(
                        "A5 code: branch CDCS-009 is not in the registry",
                        "B5 A1: score 11 is above the maximum 10 for A1",
                        "K5 D2: score 9.2 is not a multiple of the step 0.5",
                        "P5 members_total: 'abc' is not a number");
        assertThat(r.problems()).allMatch(p -> p.row() == 5 && p.file().equals("t.csv"));
    }

    @Test
    void aMissingCriterionColumnMakesTheFileUnusableAndEachRowSaysWhy() {
        TableLayout layout = layout("code,A1,A2,note");
        assertThat(layout.usable()).isFalse();
        assertThat(layout.fileError().english())
                .isEqualTo("the header (row 1) has no column for A3, B1, B2, C1, C2, C3, D1, D2, E1, E2, F1, F2");
        assertThat(layout.notes()).extracting(p -> p.reason().english()).contains("unknown column 'note' ignored");
        IngestRecord r = validator.validate(new TableRow(layout, row(2, "CDCS-001,1,2")));
        assertThat(r.accepted()).isFalse();
        assertThat(r.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason().english()).startsWith("file not used: the header"));
    }

    @Test
    void aRepeatedColumnIsAnErrorNotAGuess() {
        TableLayout layout = layout("code," + ALL + ",A1");
        assertThat(layout.fileError().english()).isEqualTo("the header (row 1) repeats column A1");
    }

    @Test
    void blankCriteriaAreNotedAndTheRowStillCounts() {
        TableLayout layout = layout("code," + ALL);
        IngestRecord r = validator.validate(new TableRow(layout, row(3, "CDCS-001,9,,9,9,9,9,9,9,9,9,,0,0,0")));
        assertThat(r.accepted()).isTrue();
        assertThat(r.submission().self()).doesNotContainKey("A2");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.NOTE);
            assertThat(p.reason().english()).isEqualTo("not scored (blank, counted as 0): A2, E1");
        });
    }
}
