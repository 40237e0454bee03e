package vn.unionreview.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;

/**
 * The report's typeface: Liberation Serif (metric-compatible with Times New Roman, every Vietnamese letter, SIL OFL)
 * bundled in the jar, or Times New Roman from a configured folder. The same bytes feed the PDF and the charts, so
 * nothing depends on the fonts a machine happens to have.
 */
public final class ReportFonts {

    public enum Face {
        REGULAR("LiberationSerif-Regular.ttf", "times.ttf"),
        BOLD("LiberationSerif-Bold.ttf", "timesbd.ttf"),
        ITALIC("LiberationSerif-Italic.ttf", "timesi.ttf"),
        BOLD_ITALIC("LiberationSerif-BoldItalic.ttf", "timesbi.ttf");

        final String bundled;
        final String times;

        Face(String bundled, String times) {
            this.bundled = bundled;
            this.times = times;
        }
    }

    private final Map<Face, byte[]> files = new EnumMap<>(Face.class);
    private final Map<Face, BaseFont> pdf = new EnumMap<>(Face.class);
    private final Map<Face, Font> awt = new EnumMap<>(Face.class);
    private final boolean subset;
    /** How the subsets' font programs are deflated; unused for whole fonts, which OpenPDF deflates at its default. */
    private final int compression;
    /**
     * For faces {@link #cutTo cut} to a repertoire: the characters the whole faces draw that the cut ones do not; else
     * null.
     */
    private final BitSet cutAway;

    private ReportFonts(boolean subset, int compression, BitSet cutAway) {
        this.subset = subset;
        this.compression = compression;
        this.cutAway = cutAway;
    }

    /**
     * The same faces embedded as subsets (only the glyphs used), for short documents (the decision, a letter whose text
     * the {@link #cutTo cut} faces do not draw), each subset named with a {@link SubsetTag}.
     */
    public ReportFonts subsetting() {
        // the fastest deflate level: a letter to a branch is one of thousands at national size
        ReportFonts fonts = new ReportFonts(true, Deflater.BEST_SPEED, null);
        fonts.files.putAll(files);
        return fonts;
    }

    /**
     * The faces cut down, once, to the glyphs of the characters in {@code repertoire} (FontBox's subsetter), then
     * subset per document as {@link #subsetting()} does, their font programs embedded uncompressed. For the letters,
     * written by the thousand: a subset of a font of some 400 glyphs is quick to make and small (about 17 KB a face),
     * where a subset of the whole font carries the widths and places of all its 2,600 glyphs (35 KB a face) and had to
     * be deflated, which was most of a letter's cost (JFR). A text with a character the whole faces draw and the cut
     * ones do not is for {@link #subsetting()}: see {@link #draws}.
     */
    public ReportFonts cutTo(BitSet repertoire) {
        BitSet drawn = new BitSet();
        Map<Face, byte[]> cut = new EnumMap<>(Face.class);
        for (Face face : Face.values()) {
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(files.get(face)))) {
                CmapLookup characters = font.getUnicodeCmapLookup();
                TTFSubsetter subsetter = new TTFSubsetter(font);
                for (int c = repertoire.nextSetBit(0); c >= 0; c = repertoire.nextSetBit(c + 1)) {
                    subsetter.add(c);
                }
                for (int glyph = 1; glyph < font.getNumberOfGlyphs(); glyph++) {
                    List<Integer> drawing = characters.getCharCodes(glyph);
                    if (drawing != null) {
                        drawing.forEach(drawn::set);
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                subsetter.writeToStream(out);
                cut.put(face, out.toByteArray());
            } catch (IOException e) {
                throw new IllegalStateException("font " + face + " cannot be cut to the letters' characters", e);
            }
        }
        drawn.andNot(repertoire);
        ReportFonts fonts = new ReportFonts(true, Deflater.NO_COMPRESSION, drawn);
        fonts.files.putAll(cut);
        return fonts;
    }

    /**
     * Whether these faces draw every character of {@code text} that the whole faces draw; always, for faces not cut.
     */
    public boolean draws(String text) {
        return cutAway == null || text.codePoints().noneMatch(cutAway::get);
    }

    /** The TrueType file of {@code face}, for a program other than OpenPDF (the signatures' appearance). */
    public byte[] ttf(Face face) {
        return files.get(face).clone();
    }

    /** The bundled Liberation Serif, or Times New Roman from {@code fontDir} when given. */
    public static ReportFonts load(Path fontDir) {
        ReportFonts fonts = new ReportFonts(false, Deflater.DEFAULT_COMPRESSION, null);
        for (Face face : Face.values()) {
            fonts.files.put(face, fontDir == null ? bundled(face.bundled) : read(fontDir.resolve(face.times)));
        }
        return fonts;
    }

    public static byte[] bundled(String name) {
        try (InputStream in = ReportFonts.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("configured report font " + file + " cannot be read", e);
        }
    }

    /** The PDF font: embedded whole for the report, as a subset for {@link #subsetting()} and {@link #cutTo}. */
    public synchronized BaseFont pdf(Face face) {
        return pdf.computeIfAbsent(face, f -> {
            try {
                // not from OpenPDF's process-wide cache: that would hand the letters' subsetting fonts and the
                // report's whole fonts the one BaseFont object, whose subset flag is then whichever was set last
                BaseFont font = BaseFont.createFont(
                        f.bundled, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, files.get(f), null);
                font.setSubset(subset);
                if (subset) {
                    font.setCompressionLevel(compression);
                    font.setSecureRandom(new SubsetTag(font.getPostscriptFontName()));
                }
                return font;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DocumentException e) {
                throw new IllegalStateException("font " + f + " cannot be embedded", e);
            }
        });
    }

    public synchronized Font awt(Face face, float size) {
        return awt.computeIfAbsent(face, f -> {
                    try {
                        return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(files.get(f)));
                    } catch (FontFormatException | IOException e) {
                        throw new IllegalStateException("font " + f + " is not a TrueType font", e);
                    }
                })
                .deriveFont(size);
    }

    /** Which of the report's faces an AWT font is (by its font name); anything else is drawn in the regular face. */
    public Face faceOf(Font font) {
        for (Face face : Face.values()) {
            if (awt(face, 1).getFontName().equals(font.getFontName())) {
                return face;
            }
        }
        return Face.REGULAR;
    }
}
