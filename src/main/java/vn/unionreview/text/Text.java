package vn.unionreview.text;

/** A bilingual label: Vietnamese first, English for English reports. */
public record Text(String vi, String en) {

    public String in(String lang) {
        return "en".equals(lang) ? en : vi;
    }
}
