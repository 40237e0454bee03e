package vn.unionreview;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/** Vietnamese ordering of names: a collator, so "Đ" sorts after "D" and tone marks after the bare letter. */
public final class VietnameseText {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private VietnameseText() {
    }

    public static Comparator<String> order() {
        Collator collator = Collator.getInstance(VIETNAMESE);
        collator.setStrength(Collator.TERTIARY);
        return collator::compare;
    }
}
