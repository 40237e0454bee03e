package vn.unionreview.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import com.lowagie.text.pdf.BaseFont;

/**
 * The report's typeface: Liberation Serif (metric-compatible with Times New Roman, every Vietnamese
 * letter, SIL OFL) bundled in the jar, or Times New Roman from a configured folder. The same bytes
 * feed the PDF and the charts, so nothing depends on the fonts a machine happens to have.
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

    private ReportFonts(boolean subset) {
        this.subset = subset;
    }

    /**
     * The same faces embedded as subsets (only the glyphs used), for short documents written by the
     * hundred (letters to branches), whose subset tags the writer makes deterministic.
     */
    public ReportFonts subsetting() {
        ReportFonts fonts = new ReportFonts(true);
        fonts.files.putAll(files);
        return fonts;
    }

    /** The TrueType file of {@code face}, for a program other than OpenPDF (the signatures' appearance). */
    public byte[] ttf(Face face) {
        return files.get(face).clone();
    }

    /** The bundled Liberation Serif, or Times New Roman from {@code fontDir} when given. */
    public static ReportFonts load(Path fontDir) {
        ReportFonts fonts = new ReportFonts(false);
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

    /**
     * The PDF font, embedded whole (OpenPDF names a subset with a random tag, and the report must be
     * byte-identical from run to run), or as a subset for {@link #subsetting()}.
     */
    public synchronized BaseFont pdf(Face face) {
        return pdf.computeIfAbsent(face, f -> {
            try {
                // not from OpenPDF's process-wide cache: that would hand the letters' subsetting fonts and the
                // report's whole fonts the one BaseFont object, whose subset flag is then whichever was set last
                BaseFont font = BaseFont.createFont(f.bundled, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, files.get(f), null);
                font.setSubset(subset);
                if (subset) {
                    // subsets go into letters written by the thousand at national size, where deflating them at the
                    // default level was most of the letters' cost (JFR, 2,205 letters); the fastest level costs little size
                    font.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
                }
                return font;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (com.lowagie.text.DocumentException e) {
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
        }).deriveFont(size);
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
