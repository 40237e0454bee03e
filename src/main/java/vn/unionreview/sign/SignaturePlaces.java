package vn.unionreview.sign;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Where the decision's signatures go, found in the decision as printed: the competent person's between the title ("CHỦ
 * TỊCH") and the signer's name in the signature block, the agency's seal over the left third of it (drawn as pictures),
 * or, when the signatures are boxes of text that would hide each other, the agency's beside the person's; and the
 * agency's line on the annex at the top right of its first page. PDF coordinates: points from the bottom left.
 */
record SignaturePlaces(int signaturePage, PDRectangle person, PDRectangle seal, int annexPage, PDRectangle annexLine) {

    /** The space a visible signature takes by default, as the decree's summaries describe it: about 4 × 2 cm. */
    static final float WIDTH = 120;

    static final float HEIGHT = 56;
    /** Boxes of text: the person's wider (name, title, time), the agency's beside it. */
    static final float TEXT_WIDTH = 150;

    static final float SEAL_TEXT_WIDTH = 100;

    /**
     * @param title the signer's title line, e.g. "CHỦ TỊCH"
     * @param name the signer's name, printed under the space left for the signature
     * @param annexHead the first words of the annex, e.g. "DANH SÁCH"
     */
    static SignaturePlaces find(
            PDDocument pdf, String title, String name, String annexHead, boolean pictures, float width, float height)
            throws IOException {
        Lines lines = new Lines();
        lines.setSortByPosition(true);
        lines.getText(pdf);
        Span titleSpan = null;
        Span nameSpan = null;
        for (List<Word> line : lines.found) {
            Span t = Span.of(line, title);
            if (t != null) {
                titleSpan = t;
                nameSpan = null;
            } else if (titleSpan != null && nameSpan == null) {
                Span n = Span.of(line, name);
                nameSpan = n != null && n.page == titleSpan.page ? n : null;
            }
        }
        if (titleSpan == null || nameSpan == null) {
            throw new IllegalStateException(
                    "the decision's signature block (\"" + title + "\" over \"" + name + "\") was not found");
        }
        int signaturePage = titleSpan.page;
        float pageHeight = pdf.getPage(signaturePage).getMediaBox().getHeight();
        float centreX = (nameSpan.left + nameSpan.right) / 2;
        // between the title's baseline and the name's top, in PDF space (text positions count from the top)
        float top = pageHeight - titleSpan.baseline - 4;
        float bottom = pageHeight - nameSpan.baseline + nameSpan.fontSize + 2;
        float h = Math.min(height, Math.max(24, top - bottom));
        float y = bottom + (top - bottom - h) / 2;
        PDRectangle person;
        PDRectangle seal;
        if (pictures) {
            person = new PDRectangle(centreX - width / 2, y, width, h);
            seal = new PDRectangle(person.getLowerLeftX() - width / 3 * 2, y, width, h);
        } else {
            float left = centreX - (TEXT_WIDTH + SEAL_TEXT_WIDTH) / 2;
            seal = new PDRectangle(left, y, SEAL_TEXT_WIDTH, h);
            person = new PDRectangle(left + SEAL_TEXT_WIDTH + 2, y, TEXT_WIDTH, h);
        }
        int annexPage = lines.found.stream()
                .map(line -> Span.of(line, annexHead))
                .filter(s -> s != null && s.page > signaturePage)
                .mapToInt(s -> s.page)
                .findFirst()
                .orElse(-1);
        PDRectangle annexLine = null;
        if (annexPage >= 0) {
            PDRectangle media = pdf.getPage(annexPage).getMediaBox();
            annexLine = new PDRectangle(media.getWidth() - 56 - 200, media.getHeight() - 40 - 22, 200, 22);
        }
        return new SignaturePlaces(signaturePage, person, seal, annexPage, annexLine);
    }

    /** A printed word with where it is: page (from 0), left and right edges, baseline (from the top), font size. */
    private record Word(String text, int page, float left, float right, float baseline, float fontSize) {}

    /** Consecutive words of one line that read as {@code text}. */
    private record Span(int page, float left, float right, float baseline, float fontSize) {

        static Span of(List<Word> line, String text) {
            String[] wanted = text.strip().split("\\s+");
            for (int i = 0; i + wanted.length <= line.size(); i++) {
                boolean match = true;
                for (int j = 0; j < wanted.length && match; j++) {
                    match = line.get(i + j).text.equals(wanted[j]);
                }
                if (match) {
                    Word first = line.get(i);
                    Word last = line.get(i + wanted.length - 1);
                    return new Span(first.page, first.left, last.right, first.baseline, first.fontSize);
                }
            }
            return null;
        }
    }

    /** PDFBox hands the text over word by word; the words between two line separators make a line. */
    private static final class Lines extends PDFTextStripper {
        private final List<List<Word>> found = new ArrayList<>();
        private List<Word> line = new ArrayList<>();

        @Override
        protected void writeString(String word, List<TextPosition> positions) throws IOException {
            if (!positions.isEmpty()) {
                TextPosition first = positions.get(0);
                TextPosition last = positions.get(positions.size() - 1);
                for (String part : word.strip().split("\\s+")) {
                    line.add(new Word(
                            part,
                            getCurrentPageNo() - 1,
                            first.getXDirAdj(),
                            last.getXDirAdj() + last.getWidthDirAdj(),
                            first.getYDirAdj(),
                            first.getFontSizeInPt()));
                }
            }
            super.writeString(word, positions);
        }

        @Override
        protected void writeLineSeparator() throws IOException {
            if (!line.isEmpty()) {
                found.add(line);
                line = new ArrayList<>();
            }
            super.writeLineSeparator();
        }

        @Override
        protected void writePageEnd() throws IOException {
            writeLineSeparator();
            super.writePageEnd();
        }
    }
}
