package vn.unionreview.report;

import java.util.Comparator;

import vn.unionreview.VietnameseText;
import vn.unionreview.result.ResultRow;

/**
 * The order of every results listing: kind of branch (in a year ruled by kind, in kind id order, as the rule sets are),
 * bloc (Vietnamese collation), rank in bloc, then branch code.
 */
public final class ResultOrder {

    private ResultOrder() {}

    public static Comparator<ResultRow> byKindBlocRank() {
        return Comparator.comparing(ResultRow::kind)
                .thenComparing(ResultRow::bloc, VietnameseText.order())
                .thenComparingInt(ResultRow::rankBloc)
                .thenComparing(ResultRow::code);
    }
}
