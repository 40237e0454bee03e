package vn.unionreview.report;

import java.util.Comparator;

import vn.unionreview.VietnameseText;
import vn.unionreview.result.ResultRow;

/** The order of every results listing: bloc (Vietnamese collation), rank in bloc, then branch code. */
public final class ResultOrder {

    private ResultOrder() {}

    public static Comparator<ResultRow> byBlocThenRank() {
        return Comparator.comparing(ResultRow::bloc, VietnameseText.order())
                .thenComparingInt(ResultRow::rankBloc)
                .thenComparing(ResultRow::code);
    }
}
