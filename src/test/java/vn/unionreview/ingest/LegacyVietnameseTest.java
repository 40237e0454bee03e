package vn.unionreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real bytes: each legacy string is written here as the font's byte values (what a spreadsheet stores as Latin-1
 * characters when the text was typed with a .VnTime or VNI-Times font).
 */
class LegacyVietnameseTest {

    /** The Latin-1 text of the given bytes, as a spreadsheet cell holds legacy-font text. */
    private static String latin1(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void tcvn3BytesOfAUnionName() {
        // "Công đoàn viên chức tỉnh Hà Tĩnh" typed with .VnTime: ô=0xAB đ=0xAE à=0xB5 ê=0xAA ứ=0xF8 ỉ=0xD8 ĩ=0xDC
        String typed = "C" + latin1(0xAB) + "ng " + latin1(0xAE) + "o" + latin1(0xB5) + "n vi" + latin1(0xAA) + "n ch"
                + latin1(0xF8) + "c t" + latin1(0xD8) + "nh H" + latin1(0xB5) + " T" + latin1(0xDC) + "nh";
        assertThat(typed).isEqualTo("C«ng ®oµn viªn chøc tØnh Hµ TÜnh");
        assertThat(LegacyVietnamese.detect(typed))
                .contains(new LegacyVietnamese.Conversion(
                        "Công đoàn viên chức tỉnh Hà Tĩnh", LegacyVietnamese.Encoding.TCVN3));
    }

    @Test
    void tcvn3CapitalsWithShapeMarks() {
        // Đ=0xA7 Ư=0xA6: the capitals that TCVN3 has (toned capitals come from the .VnTimeH font instead)
        assertThat(LegacyVietnamese.detect(latin1(0xA6) + "u ti" + latin1(0xAA) + "n"))
                .contains(new LegacyVietnamese.Conversion("Ưu tiên", LegacyVietnamese.Encoding.TCVN3));
        assertThat(LegacyVietnamese.detect(latin1(0xA7) + "o" + latin1(0xB5) + "n"))
                .contains(new LegacyVietnamese.Conversion("Đoàn", LegacyVietnamese.Encoding.TCVN3));
    }

    @Test
    void vniBytesOfAUnionName() {
        // VNI-Times: a base letter then a mark byte; â=0xE2 (circumflex), ø=0xF8 (grave), ñ=0xF1 (đ), ö=0xF6 (ư),
        // ù=0xF9 (acute), æ=0xE6 (ỉ), ó=0xF3 (ĩ)
        String typed = "Co" + latin1(0xE2) + "ng " + latin1(0xF1) + "oa" + latin1(0xF8) + "n vie" + latin1(0xE2)
                + "n ch" + latin1(0xF6, 0xF9) + "c t" + latin1(0xE6) + "nh Ha" + latin1(0xF8) + " T" + latin1(0xF3)
                + "nh";
        assertThat(typed).isEqualTo("Coâng ñoaøn vieân chöùc tænh Haø Tónh");
        assertThat(LegacyVietnamese.detect(typed))
                .contains(new LegacyVietnamese.Conversion(
                        "Công đoàn viên chức tỉnh Hà Tĩnh", LegacyVietnamese.Encoding.VNI));
    }

    @Test
    void vniCapitals() {
        assertThat(LegacyVietnamese.detect("COÂNG ÑOAØN"))
                .contains(new LegacyVietnamese.Conversion("CÔNG ĐOÀN", LegacyVietnamese.Encoding.VNI));
        assertThat(LegacyVietnamese.detect("Tröôøng THPT Nguyeãn Traõi"))
                .contains(new LegacyVietnamese.Conversion("Trường THPT Nguyễn Trãi", LegacyVietnamese.Encoding.VNI));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"Công đoàn Sở Tài chính", "Lê Hà", "Bệnh viện Đa khoa tỉnh", "CDCS-001", "Müller & Co"})
    void unicodeAndPlainTextAreLeftAlone(String text) {
        if (text.startsWith("Müller")) {
            // foreign, but TCVN3 would make it "Mỹller": one reading only, so it converts — and the caller reports it
            assertThat(LegacyVietnamese.detect(text))
                    .map(LegacyVietnamese.Conversion::encoding)
                    .contains(LegacyVietnamese.Encoding.TCVN3);
            return;
        }
        assertThat(LegacyVietnamese.detect(text)).isEmpty();
    }

    @Test
    void textMixingALegacyWordWithUnicodeOnlyLettersIsNotGuessedAt() {
        // "nhân" is Unicode here, and TCVN3 would turn its â into õ: a legacy font cannot produce "ơ", so leave it all
        assertThat(LegacyVietnamese.detect("C«ng ®oµn Cơ quan Ủy ban nhân dân")).isEmpty();
    }

    @Test
    void encodingThenDetectingGivesTheTextBack() {
        String name = "Công đoàn Cơ quan Ủy ban nhân dân huyện Bắc Bình";
        for (LegacyVietnamese.Encoding encoding : LegacyVietnamese.Encoding.values()) {
            String legacy = LegacyVietnamese.encode(name, encoding);
            assertThat(legacy.chars()).allMatch(c -> c <= 0xFF);
            // TCVN3 has no toned capitals: offices type "Ủ" with the lower-case code in a capitals font
            String expected = encoding == LegacyVietnamese.Encoding.TCVN3 ? name.replace("Ủ", "ủ") : name;
            assertThat(LegacyVietnamese.detect(legacy)).contains(new LegacyVietnamese.Conversion(expected, encoding));
        }
    }

    @Test
    void everyLowerCaseVietnameseLetterRoundTripsThroughTcvn3Bytes() {
        // the TCVN 5712:1993 VN3 byte of each letter, as glibc's TCVN5712-1 table gives it
        String letters = "ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";
        int[] bytes = {
            0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6, 0xC7,
            0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xDC, 0xDD,
            0xDE, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF, 0xF1,
            0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE
        };
        assertThat(LegacyVietnamese.decodeTcvn3(latin1(bytes))).isEqualTo(letters);
    }
}
