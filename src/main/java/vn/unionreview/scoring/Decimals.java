package vn.unionreview.scoring;

import java.math.BigDecimal;

/** How exact decimals are shown: plain, without trailing zeros ("90", "87.5"). */
public final class Decimals {

    private Decimals() {}

    public static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
