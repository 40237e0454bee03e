package vn.unionreview.form;

import java.text.Normalizer;
import java.util.Locale;

import vn.unionreview.ingest.Texts;

/**
 * The self-assessment form's labels and columns, shared by the writer and the reader. The reader finds everything by
 * these labels and by the criterion and fact ids in the "Mã" column, never by fixed addresses, so a form with an
 * inserted row or a renamed sheet is still read.
 */
public final class FormLayout {

    public static final String SHEET = "Phiếu tự chấm điểm";
    public static final String YEAR = "Năm đánh giá";
    public static final String CODE = "Mã CĐCS";
    public static final String NAME = "Tên CĐCS";
    public static final String ID = "Mã";
    public static final String GROUP = "Nhóm";
    public static final String TITLE = "Tiêu chí";
    public static final String MAX = "Điểm tối đa";
    public static final String SELF = "Tự chấm";
    public static final String VERIFIED = "Thẩm định";
    public static final String NOTE = "Ghi chú";
    public static final String FACT = "Thông tin";
    public static final String VALUE = "Giá trị";
    public static final String YES = "Có";
    public static final String NO = "Không";

    /** Columns as generated; the reader looks them up by header instead. */
    static final int COL_ID = 0;

    static final int COL_GROUP = 1;
    static final int COL_TITLE = 2;
    static final int COL_MAX = 3;
    static final int COL_SELF = 4;
    static final int COL_VERIFIED = 5;
    static final int COL_NOTE = 6;
    /** Where a header field's value goes: right of its label, past the group column. */
    static final int COL_FIELD = 2;

    private FormLayout() {}

    /** How labels are compared: NFC, spaces cleaned, case and a trailing colon ignored. */
    static String key(String text) {
        String clean = Texts.clean(text);
        if (clean.endsWith(":")) {
            clean = clean.substring(0, clean.length() - 1).strip();
        }
        return Normalizer.normalize(clean, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
