package vn.unionreview.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import vn.unionreview.Seeded;
import vn.unionreview.rules.Eligibility;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSetLoader;
import vn.unionreview.scoring.Rating.Status;

/** Who is rated: 1294's 12 months, or 6 after a reorganisation, counted in calendar months to the rule set's date. */
class RatingTest {

    private static final Eligibility RULE = new Eligibility(LocalDate.of(2026, 12, 31), 12, 6);

    private static Rating.Verdict verdict(String established, String reorganised, String dissolved) {
        return verdict(established, reorganised, dissolved, RULE);
    }

    private static Rating.Verdict verdict(String established, String reorganised, String dissolved, Eligibility rule) {
        return Rating.of(new BranchHistory(date(established), date(reorganised), date(dissolved), List.of()), rule);
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    @Test
    void inAYearRuledByKindABranchIsRatedOnlyOnItsKindsRulesAndAsTheySay() {
        RuleBook kinds = RuleSetLoader.loadBook(Path.of("config/rules/2026"));
        BranchHistory tooNew = new BranchHistory(LocalDate.of(2026, 8, 31), null, null, List.of());
        assertThat(Rating.of(new Branch("A", "a", "b", "", BranchHistory.NONE), kinds)
                        .status())
                .isEqualTo(Status.NO_KIND);
        assertThat(Rating.of(new Branch("A", "a", "b", "ngan-hang", BranchHistory.NONE), kinds)
                        .status())
                .isEqualTo(Status.KIND_WITHOUT_RULES);
        assertThat(Rating.of(new Branch("A", "a", "b", "doanh-nghiep", BranchHistory.NONE), kinds)
                        .status())
                .isEqualTo(Status.RATED);
        // the kind's eligibility decides, as_of its year's 31 December
        assertThat(Rating.of(new Branch("A", "a", "b", "doanh-nghiep", tooNew), kinds)
                        .ratedFrom())
                .isEqualTo(LocalDate.of(2027, 8, 31));
        // a year with one rule set reads no kind
        RuleBook one = RuleSetLoader.loadBook(Path.of("config/rules/2025.yaml"));
        assertThat(Rating.of(new Branch("A", "a", "b", "", tooNew), one).rated())
                .isTrue();
    }

    @Test
    void withoutTheRuleEveryBranchIsRatedAsBefore() {
        assertThat(verdict("2026-11-01", null, "2026-06-15", null).rated()).isTrue();
        assertThat(Rating.of(BranchHistory.NONE, RULE).rated()).isTrue();
    }

    @Test
    void exactlyTwelveMonthsIsEnoughAndOneDayLessIsNot() {
        assertThat(verdict("2025-12-31", null, null).status()).isEqualTo(Status.RATED);
        Rating.Verdict aDayShort = verdict("2026-01-01", null, null);
        assertThat(aDayShort.status()).isEqualTo(Status.TOO_NEW);
        assertThat(aDayShort.ratedFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void aMonthIsACalendarMonthAndEndsAtTheEndOfAShorterMonth() {
        // 31 August + 1 month is 30 September; 31 January + 1 month is 29 February in a leap year, 28 otherwise
        Eligibility oneMonth = new Eligibility(LocalDate.of(2026, 9, 30), 1, 1);
        assertThat(verdict("2026-08-31", null, null, oneMonth).rated()).isTrue();
        assertThat(verdict("2028-01-31", null, null, new Eligibility(LocalDate.of(2028, 2, 29), 1, 1))
                        .rated())
                .isTrue();
        assertThat(verdict("2028-01-31", null, null, new Eligibility(LocalDate.of(2028, 2, 28), 1, 1))
                        .ratedFrom())
                .isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(verdict("2027-01-31", null, null, new Eligibility(LocalDate.of(2027, 2, 28), 1, 1))
                        .rated())
                .isTrue();
        // founded on 29 February: a year later is 28 February
        assertThat(verdict("2024-02-29", null, null, new Eligibility(LocalDate.of(2025, 2, 28), 12, 6))
                        .rated())
                .isTrue();
    }

    @Test
    void sixMonthsAfterASplitMergerOrConsolidationIsEnough() {
        assertThat(verdict("2026-06-30", "2026-06-30", null).status()).isEqualTo(Status.RATED);
        Rating.Verdict tooSoon = verdict("2026-07-01", "2026-07-01", null);
        assertThat(tooSoon.status()).isEqualTo(Status.TOO_NEW_SINCE_REORGANISATION);
        assertThat(tooSoon.ratedFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
        // a branch founded long ago and reorganised recently is rated on its age
        assertThat(verdict("2010-01-01", "2026-11-01", null).rated()).isTrue();
        // no founding date: nothing says it is too new
        assertThat(verdict(null, "2026-11-01", null).rated()).isTrue();
    }

    @Test
    void aBranchDissolvedByTheDateIsOutOfTheYearOneDissolvedLaterIsRated() {
        assertThat(verdict("2010-01-01", null, "2026-06-15").status()).isEqualTo(Status.DISSOLVED);
        assertThat(verdict("2010-01-01", null, "2026-12-31").status()).isEqualTo(Status.DISSOLVED);
        assertThat(verdict("2010-01-01", null, "2027-01-01").rated()).isTrue();
        assertThat(verdict("2026-11-01", null, "2026-12-01").status())
                .as("dissolved comes before too new")
                .isEqualTo(Status.DISSOLVED);
    }

    /** Calendar months added by hand: the same month count forward, the day cut to the month's length. */
    private static LocalDate plusMonths(LocalDate from, int months) {
        int index = from.getYear() * 12 + from.getMonthValue() - 1 + months;
        int year = index / 12;
        int month = index % 12 + 1;
        int length = switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return LocalDate.of(year, month, Math.min(from.getDayOfMonth(), length));
    }

    @Test
    void theVerdictIsTheRuleAsWrittenForAnyDates() {
        Seeded.forAll(
                2000,
                (Random r) -> new Object[] {
                    LocalDate.of(2020, 1, 1).plusDays(r.nextInt(2600)),
                    r.nextBoolean() ? LocalDate.of(2020, 1, 1).plusDays(r.nextInt(2600)) : null,
                    LocalDate.of(2022, 1, 1).plusDays(r.nextInt(2200)),
                    r.nextInt(25),
                    r.nextInt(13)
                },
                v -> {
                    LocalDate established = (LocalDate) v[0];
                    LocalDate reorganised = (LocalDate) v[1];
                    LocalDate asOf = (LocalDate) v[2];
                    int months = (int) v[3];
                    int after = (int) v[4];
                    Rating.Verdict verdict = Rating.of(
                            new BranchHistory(established, reorganised, null, List.of()),
                            new Eligibility(asOf, months, after));
                    boolean byAge = !plusMonths(established, months).isAfter(asOf);
                    boolean byReorganisation = reorganised != null
                            && !plusMonths(reorganised, after).isAfter(asOf);
                    assertThat(verdict.rated()).isEqualTo(byAge || byReorganisation);
                    if (!verdict.rated()) {
                        assertThat(verdict.ratedFrom()).isAfter(asOf);
                    }
                });
    }
}
