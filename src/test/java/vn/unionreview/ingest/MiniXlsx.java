package vn.unionreview.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes xlsx packages part by part, for tests that need a workbook no spreadsheet program would save: a DOCTYPE, a
 * macro part, a link to another workbook, a declared size past Excel's, a sheet XML that expands a thousand times. Text
 * cells are inline strings, so a sheet is one part.
 */
public final class MiniXlsx {

    private final List<String[]> sheets = new ArrayList<>(); // name, sheet XML
    private final Map<String, byte[]> extraParts = new LinkedHashMap<>();
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private String sharedStrings;

    /** A sheet from rows of cell texts; numbers-looking texts are written as numbers. */
    public MiniXlsx sheet(String name, List<List<String>> rows) {
        return sheetXml(name, sheetXml(null, rows, ""));
    }

    public MiniXlsx sheetXml(String name, String xml) {
        sheets.add(new String[] {name, xml});
        return this;
    }

    public MiniXlsx part(String name, byte[] content, String contentType) {
        extraParts.put(name, content);
        if (contentType != null) {
            overrides.put("/" + name, contentType);
        }
        return this;
    }

    public MiniXlsx sharedStrings(String... strings) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + strings.length
                + "\" uniqueCount=\""
                + strings.length + "\">");
        for (String string : strings) {
            s.append("<si><t>").append(escape(string)).append("</t></si>");
        }
        sharedStrings = s.append("</sst>").toString();
        return this;
    }

    /**
     * The XML of a sheet. {@code dimension} may be null; {@code beforeRows} is put inside sheetData before the first
     * row (e.g. a run of whitespace).
     */
    public static String sheetXml(String dimension, List<List<String>> rows, String beforeRows) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        if (dimension != null) {
            s.append("<dimension ref=\"").append(dimension).append("\"/>");
        }
        s.append("<sheetData>").append(beforeRows);
        for (int r = 0; r < rows.size(); r++) {
            s.append("<row r=\"").append(r + 1).append("\">");
            List<String> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                String v = cells.get(c);
                if (v == null || v.isEmpty()) {
                    continue;
                }
                String ref = SheetCell.ref(c, r + 1);
                if (v.matches("-?\\d+(\\.\\d+)?")) {
                    s.append("<c r=\"").append(ref).append("\"><v>").append(v).append("</v></c>");
                } else {
                    s.append("<c r=\"")
                            .append(ref)
                            .append("\" t=\"inlineStr\"><is><t>")
                            .append(escape(v))
                            .append("</t></is></c>");
                }
            }
            s.append("</row>");
        }
        return s.append("</sheetData></worksheet>").toString();
    }

    public void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            StringBuilder types = new StringBuilder(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\""
                            + "http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
            for (int i = 1; i <= sheets.size(); i++) {
                types.append("<Override PartName=\"/xl/worksheets/sheet")
                        .append(i)
                        .append(
                                ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            }
            if (sharedStrings != null) {
                types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\""
                        + "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
            }
            overrides.forEach((name, type) -> types.append("<Override PartName=\"")
                    .append(name)
                    .append("\" ContentType=\"")
                    .append(type)
                    .append("\"/>"));
            put(zip, "[Content_Types].xml", types.append("</Types>").toString());
            put(
                    zip,
                    "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                            + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                            + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                            + "</Relationships>");
            StringBuilder workbook = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\""
                    + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
            StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/relationships\">");
            for (int i = 1; i <= sheets.size(); i++) {
                workbook.append("<sheet name=\"")
                        .append(escape(sheets.get(i - 1)[0]))
                        .append("\" sheetId=\"")
                        .append(i)
                        .append("\" r:id=\"rId")
                        .append(i)
                        .append("\"/>");
                rels.append("<Relationship Id=\"rId")
                        .append(i)
                        .append(
                                "\" Type=\""
                                        + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                        .append(i)
                        .append(".xml\"/>");
            }
            if (sharedStrings != null) {
                rels.append(
                        "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                                + "sharedStrings\" Target=\"sharedStrings.xml\"/>");
            }
            put(zip, "xl/workbook.xml", workbook.append("</sheets></workbook>").toString());
            put(
                    zip,
                    "xl/_rels/workbook.xml.rels",
                    rels.append("</Relationships>").toString());
            for (int i = 1; i <= sheets.size(); i++) {
                put(zip, "xl/worksheets/sheet" + i + ".xml", sheets.get(i - 1)[1]);
            }
            if (sharedStrings != null) {
                put(zip, "xl/sharedStrings.xml", sharedStrings);
            }
            for (Map.Entry<String, byte[]> part : extraParts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
    }

    /** Copies an existing xlsx with one more part (and its content type), e.g. a VBA project into a real form. */
    public static void addPart(Path from, Path to, String name, byte[] content, String contentType) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("[Content_Types].xml")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replace(
                                    "</Types>",
                                    "<Override PartName=\"/" + name + "\" ContentType=\"" + contentType
                                            + "\"/></Types>")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.write(bytes);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        }
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
