package vn.unionreview.report;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import vn.unionreview.Digests;

/**
 * OpenPDF names a font subset with six capitals drawn from the font's {@link SecureRandom} ("HGWPVW+LiberationSerif");
 * given this one, it draws the same six every time, derived from the font's name, so that the same document is the same
 * file.
 */
final class SubsetTag extends SecureRandom {

    private static final long serialVersionUID = 1L;
    private static final int LENGTH = 6;

    private final String tag;
    private int next;

    SubsetTag(String fontName) {
        this.tag = of(fontName);
    }

    /** Six capitals from the SHA-256 of the font's name. */
    static String of(String fontName) {
        String hex = Digests.sha256(fontName.getBytes(StandardCharsets.US_ASCII));
        StringBuilder tag = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            tag.append((char) ('A' + Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) % 26));
        }
        return tag.toString();
    }

    /** The tag's next capital, as OpenPDF turns a draw into one: {@code 'A' + (int) (26 * draw)}. */
    @Override
    public synchronized double nextDouble() {
        char capital = tag.charAt(next);
        next = (next + 1) % LENGTH;
        return (capital - 'A' + 0.5) / 26;
    }
}
