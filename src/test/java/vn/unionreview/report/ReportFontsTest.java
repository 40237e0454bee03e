package vn.unionreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bundled face may be embedded (licence and OS/2 flags) and has a glyph for every Vietnamese letter. */
class ReportFontsTest {

    static final String VIETNAMESE = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
            + "AÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬBCDĐEÈẺẼÉẸÊỀỂỄẾỆGHIÌỈĨÍỊKLMNOÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢPQRSTUÙỦŨÚỤƯỪỬỮỨỰVXYỲỶỸÝỴ"
            + "0123456789 .,;:!?-–…%()\"'/";

    @ParameterizedTest
    @EnumSource(ReportFonts.Face.class)
    void everyFaceCoversVietnameseAndMayBeEmbedded(ReportFonts.Face face) throws Exception {
        ReportFonts fonts = ReportFonts.load(null);
        Font font = fonts.awt(face, 12f);
        assertThat(font.getFamily()).isEqualTo("Liberation Serif");
        assertThat(font.canDisplayUpTo(VIETNAMESE)).as("first letter without a glyph").isEqualTo(-1);
        byte[] ttf = ReportFonts.bundled(face.bundled);
        // OS/2 fsType: 0 = installable embedding; bits 1 (restricted) or 9 (bitmap only) would forbid the PDF
        int fsType = os2FsType(ttf);
        assertThat(fsType & 0x0202).isZero();
        assertThat(fonts.pdf(face).getPostscriptFontName()).startsWith("LiberationSerif");
    }

    @org.junit.jupiter.api.Test
    void theLicenceShipsWithTheFont() throws Exception {
        try (var in = ReportFonts.class.getResourceAsStream("/fonts/LICENSE-Liberation.txt")) {
            String licence = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(licence).contains("SIL OPEN FONT LICENSE Version 1.1").contains("Liberation");
        }
    }

    private static int os2FsType(byte[] ttf) {
        ByteBuffer b = ByteBuffer.wrap(ttf);
        int tables = b.getShort(4) & 0xFFFF;
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            String tag = new String(ttf, record, 4, StandardCharsets.US_ASCII);
            if (tag.equals("OS/2")) {
                int offset = b.getInt(record + 8);
                return b.getShort(offset + 8) & 0xFFFF;
            }
        }
        throw new AssertionError("no OS/2 table");
    }
}
