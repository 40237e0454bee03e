package vn.unionreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.BitSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfLiteral;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfWriter;

/** The bundled face may be embedded (licence and OS/2 flags) and has a glyph for every Vietnamese letter. */
class ReportFontsTest {

    static final String VIETNAMESE =
            "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
                    + "AÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬBCDĐEÈẺẼÉẸÊỀỂỄẾỆGHIÌỈĨÍỊKLMNOÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢPQRSTUÙỦŨÚỤƯỪỬỮỨỰVXYỲỶỸÝỴ"
                    + "0123456789 .,;:!?-–…%()\"'/";

    @ParameterizedTest
    @EnumSource(ReportFonts.Face.class)
    void everyFaceCoversVietnameseAndMayBeEmbedded(ReportFonts.Face face) throws Exception {
        ReportFonts fonts = ReportFonts.load(null);
        Font font = fonts.awt(face, 12f);
        assertThat(font.getFamily()).isEqualTo("Liberation Serif");
        assertThat(font.canDisplayUpTo(VIETNAMESE))
                .as("first letter without a glyph")
                .isEqualTo(-1);
        byte[] ttf = ReportFonts.bundled(face.bundled);
        // OS/2 fsType: 0 = installable embedding; bits 1 (restricted) or 9 (bitmap only) would forbid the PDF
        int fsType = os2FsType(ttf);
        assertThat(fsType & 0x0202).isZero();
        assertThat(fonts.pdf(face).getPostscriptFontName()).startsWith("LiberationSerif");
    }

    @Test
    void theLicenceShipsWithTheFont() throws Exception {
        try (var in = ReportFonts.class.getResourceAsStream("/fonts/LICENSE-Liberation.txt")) {
            String licence = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(licence).contains("SIL OPEN FONT LICENSE Version 1.1").contains("Liberation");
        }
    }

    @Test
    void subsetsAreNamedAfterTheirFontSoTheSameDocumentIsTheSameFile() throws Exception {
        ReportFonts fonts = ReportFonts.load(null);
        byte[] first = document(fonts.subsetting(), "Công đoàn cơ sở");
        assertThat(document(fonts.subsetting(), "Công đoàn cơ sở")).isEqualTo(first);
        assertThat(SubsetTag.of("LiberationSerif"))
                .matches("[A-Z]{6}")
                .isNotEqualTo(SubsetTag.of("LiberationSerif-Bold"));
        assertThat(new String(first, StandardCharsets.ISO_8859_1))
                .contains("/" + SubsetTag.of("LiberationSerif") + "+LiberationSerif/");
    }

    @Test
    void facesCutToARepertoireDrawItAndSayWhatTheyLack() throws Exception {
        ReportFonts whole = ReportFonts.load(null);
        BitSet repertoire = new BitSet();
        VIETNAMESE.codePoints().forEach(repertoire::set);
        ReportFonts cut = whole.cutTo(repertoire);
        assertThat(cut.draws(VIETNAMESE)).isTrue();
        assertThat(cut.draws("Trường Ж"))
                .as("Cyrillic: the whole font draws it, the cut one does not")
                .isFalse();
        assertThat(cut.draws("Trường 中")).as("a character neither draws").isTrue();
        assertThat(whole.subsetting().draws("Ж")).isTrue();
        for (ReportFonts.Face face : ReportFonts.Face.values()) {
            assertThat(cut.pdf(face).charExists('ữ')).isTrue();
            assertThat(cut.pdf(face).charExists('Ж')).isFalse();
            assertThat(whole.pdf(face).charExists('Ж')).isTrue();
        }
        byte[] pdf = document(cut, VIETNAMESE);
        assertThat(document(cut, VIETNAMESE)).isEqualTo(pdf);
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s", "")).isEqualTo(VIETNAMESE.replace(" ", ""));
        }
        // the font programs go in whole, each stored, not deflated: a letter costs no deflating of fonts
        assertThat(pdf.length).isGreaterThan(document(whole.subsetting(), VIETNAMESE).length);
    }

    private static byte[] document(ReportFonts fonts, String text) throws Exception {
        var out = new ByteArrayOutputStream();
        var doc = new Document();
        var writer = PdfWriter.getInstance(doc, out);
        writer.getInfo().put(PdfName.FILEID, new PdfLiteral("[<00><00>]"));
        doc.open();
        OfficialLayout.fixDates(writer, LocalDate.of(2026, 1, 5));
        doc.add(new Paragraph(text, new com.lowagie.text.Font(fonts.pdf(ReportFonts.Face.REGULAR), 12)));
        doc.close();
        return out.toByteArray();
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
