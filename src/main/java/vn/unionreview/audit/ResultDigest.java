package vn.unionreview.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import vn.unionreview.Digests;
import vn.unionreview.result.ResultRow;
import vn.unionreview.scoring.Decimals;

/**
 * The result digest: SHA-256 over a canonical text of the per-branch results, independent of how any output file is
 * formatted. One line per branch in code order, fields separated by '|': code, bloc, base, bonus, penalty, total, tier
 * before caps, tier, rank in bloc, overall rank, awards, award tie, inflation, caps, and in a year ruled by kind the
 * kind, and for a branch from a unit's bundle the unit; decimals plain without trailing zeros ("87.5", "90").
 */
public final class ResultDigest {

    public static final List<String> FIELDS = List.of(
            "code",
            "bloc",
            "base",
            "bonus",
            "penalty",
            "total",
            "tier_before_caps",
            "tier",
            "rank_bloc",
            "rank_all",
            "award",
            "award_tie",
            "inflation",
            "caps");

    private ResultDigest() {}

    public static List<String> canonicalLines(List<ResultRow> results) {
        return results.stream()
                .sorted(Comparator.comparing(ResultRow::code))
                .map(ResultDigest::line)
                .toList();
    }

    static String line(ResultRow r) {
        return String.join(
                        "|",
                        r.code(),
                        r.bloc(),
                        Decimals.plain(r.base()),
                        Decimals.plain(r.bonus()),
                        Decimals.plain(r.penalty()),
                        Decimals.plain(r.total()),
                        r.tierBeforeCaps(),
                        r.tier(),
                        Integer.toString(r.rankBloc()),
                        Integer.toString(r.rankAll()),
                        r.award(),
                        Boolean.toString(r.awardTie()),
                        Decimals.plain(r.inflation()),
                        r.caps())
                // a year with one rule set has no kind and a branch the run rated itself no unit: such a line stays
                // what it always was
                + (r.kind().isEmpty() && !r.fromUnit() ? "" : "|" + r.kind())
                + (r.fromUnit() ? "|" + r.unit() : "");
    }

    public static String of(List<ResultRow> results) {
        MessageDigest digest = Digests.sha256();
        for (String line : canonicalLines(results)) {
            digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
