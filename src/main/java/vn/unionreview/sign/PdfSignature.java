package vn.unionreview.sign;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * One PAdES signature (baseline B-B: ETSI.CAdES.detached with signing-certificate-v2, the time claimed in the signature
 * dictionary) added to a PDF as an incremental update, so every signature before it stays valid. Its appearance is the
 * signature picture when one is given, else a framed box of text lines (name, role, time).
 */
final class PdfSignature {

    /** Room for the CMS: a certificate chain of a few certificates and an RSA-4096 signature fit well within it. */
    private static final int CMS_ROOM = 32_768;

    /**
     * What the signature shows and where.
     *
     * @param page the page (from 0)
     * @param place where on it, in PDF points from the bottom left
     * @param picture a PNG (with transparency) drawn in the place, or null for a framed box of the lines
     * @param lines the text shown when there is no picture
     * @param font a TrueType font with every Vietnamese glyph
     * @param overPicture text drawn over the picture's lower part (the agency's name and the time over its seal), or
     *     none
     */
    record Appearance(
            int page, PDRectangle place, Path picture, List<String> lines, byte[] font, List<String> overPicture) {

        Appearance(int page, PDRectangle place, Path picture, List<String> lines, byte[] font) {
            this(page, place, picture, lines, font, List.of());
        }
    }

    private PdfSignature() {}

    /** @param timestamps the authority whose token makes the signature B-T, or null for B-B */
    static void sign(
            Path pdf,
            SigningKey key,
            String name,
            String reason,
            String location,
            Calendar time,
            Appearance appearance,
            Timestamps timestamps)
            throws IOException {
        Path signed = pdf.resolveSibling(pdf.getFileName() + ".signing");
        try (PDDocument document = Loader.loadPDF(pdf.toFile());
                OutputStream out = Files.newOutputStream(signed);
                SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(name);
            signature.setReason(reason);
            signature.setLocation(location);
            signature.setSignDate(time);
            options.setPreferredSignatureSize(CMS_ROOM);
            options.setPage(appearance.page());
            options.setVisualSignature(template(document, appearance));
            document.addSignature(
                    signature, content -> Cms.signDetached(key, content, Cms.Time.IN_PDF, timestamps), options);
            document.saveIncremental(out);
        }
        Files.move(signed, pdf, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A one-page document holding only the signature field and its appearance, which PDFBox copies into the signed one.
     */
    private static InputStream template(PDDocument signing, Appearance appearance) throws IOException {
        try (PDDocument template = new PDDocument()) {
            PDPage page = new PDPage(signing.getPage(appearance.page()).getMediaBox());
            template.addPage(page);
            PDAcroForm form = new PDAcroForm(template);
            template.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            PDRectangle place = appearance.place();
            widget.setRectangle(place);
            widget.setPage(page);
            page.getAnnotations().add(widget);

            PDFormXObject xobject = new PDFormXObject(new PDStream(template));
            xobject.setResources(new PDResources());
            xobject.setFormType(1);
            xobject.setBBox(new PDRectangle(place.getWidth(), place.getHeight()));
            PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
            dictionary.getCOSObject().setDirect(true);
            PDAppearanceStream stream = new PDAppearanceStream(xobject.getCOSObject());
            dictionary.setNormalAppearance(stream);
            widget.setAppearance(dictionary);
            try (PDPageContentStream content = new PDPageContentStream(template, stream)) {
                if (appearance.picture() != null) {
                    PDImageXObject picture =
                            PDImageXObject.createFromFile(appearance.picture().toString(), template);
                    float scale =
                            Math.min(place.getWidth() / picture.getWidth(), place.getHeight() / picture.getHeight());
                    float w = picture.getWidth() * scale;
                    float h = picture.getHeight() * scale;
                    content.drawImage(picture, (place.getWidth() - w) / 2, (place.getHeight() - h) / 2, w, h);
                    if (!appearance.overPicture().isEmpty()) {
                        text(
                                template,
                                content,
                                place,
                                appearance.overPicture(),
                                appearance.font(),
                                6.5f,
                                2 + appearance.overPicture().size() * 6.5f * 1.2f);
                    }
                } else {
                    framedText(template, content, place, appearance);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            template.save(bytes);
            return new ByteArrayInputStream(bytes.toByteArray());
        }
    }

    private static List<String> wrap(PDType0Font font, List<String> lines, float size, float width) throws IOException {
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            StringBuilder current = new StringBuilder();
            for (String word : line.split(" ")) {
                String tried = current.isEmpty() ? word : current + " " + word;
                if (!current.isEmpty() && font.getStringWidth(tried) / 1000 * size > width) {
                    wrapped.add(current.toString());
                    current.setLength(0);
                    current.append(word);
                } else {
                    current.setLength(0);
                    current.append(tried);
                }
            }
            wrapped.add(current.toString());
        }
        return wrapped;
    }

    private static void framedText(
            PDDocument template, PDPageContentStream content, PDRectangle place, Appearance appearance)
            throws IOException {
        content.setStrokingColor(0.1f, 0.2f, 0.6f);
        content.setNonStrokingColor(0.1f, 0.2f, 0.6f);
        content.setLineWidth(0.8f);
        content.addRect(0.5f, 0.5f, place.getWidth() - 1, place.getHeight() - 1);
        content.stroke();
        text(template, content, place, appearance.lines(), appearance.font(), 8, place.getHeight());
    }

    /**
     * Lines of text from {@code top} points above the box's bottom down, each wrapped at spaces to the box's width, at
     * the largest size up to {@code maxSize} at which they all fit.
     */
    private static void text(
            PDDocument template,
            PDPageContentStream content,
            PDRectangle place,
            List<String> given,
            byte[] fontFile,
            float maxSize,
            float top)
            throws IOException {
        PDType0Font font = PDType0Font.load(template, new ByteArrayInputStream(fontFile), true);
        float size = maxSize;
        List<String> lines = wrap(font, given, size, place.getWidth() - 6);
        while (size > 4 && lines.size() * size * 1.2f > top - 4) {
            size -= 0.5f;
            lines = wrap(font, given, size, place.getWidth() - 6);
        }
        content.setNonStrokingColor(0.1f, 0.2f, 0.6f);
        float y = top - 2 - size;
        for (String line : lines) {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(3, y);
            content.showText(line);
            content.endText();
            y -= size * 1.2f;
        }
    }
}
