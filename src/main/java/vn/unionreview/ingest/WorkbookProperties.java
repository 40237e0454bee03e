package vn.unionreview.ingest;

import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;

/**
 * What a workbook says about itself: when it was last saved, who created it, who saved it last and when it was created.
 * Any of them may be absent (null). The names are as the file gives them, made printable and cut to
 * {@link Bounds#NAME}: a form's properties are input like any cell.
 */
public record WorkbookProperties(Instant saved, String creator, String lastModifiedBy, Instant created) {

    public static final WorkbookProperties NONE = new WorkbookProperties(null, null, null, null);

    public WorkbookProperties {
        creator = name(creator);
        lastModifiedBy = name(lastModifiedBy);
    }

    private static String name(String given) {
        if (given == null) {
            return null;
        }
        String cleaned = Texts.clean(Texts.printable(given, Bounds.NAME));
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** A name property as the file gives it; one that cannot be read is taken as not given: it never costs the form. */
    static String orNull(Supplier<String> property) {
        try {
            return property.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
