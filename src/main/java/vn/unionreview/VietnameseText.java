package vn.unionreview;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Vietnamese ordering of names: a collator, so "Đ" sorts after "D" and tone marks after the bare letter. */
public final class VietnameseText {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private VietnameseText() {}

    /**
     * A comparator for one sort (not thread-safe): each string's collation key is computed once, as sorting 150,000
     * results by bloc would otherwise collate the same few hundred bloc names millions of times.
     */
    public static Comparator<String> order() {
        Collator collator = Collator.getInstance(VIETNAMESE);
        collator.setStrength(Collator.TERTIARY);
        Map<String, CollationKey> keys = new HashMap<>();
        return (a, b) -> keys.computeIfAbsent(a, collator::getCollationKey)
                .compareTo(keys.computeIfAbsent(b, collator::getCollationKey));
    }
}
