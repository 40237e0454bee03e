package vn.unionreview.files;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as the project writes it: UTF-8 with a byte-order mark (so Excel shows Vietnamese correctly),
 * a header row, CRLF line ends (RFC 4180). Text a spreadsheet would take for a formula is prefixed
 * with an apostrophe.
 */
public final class Csv {

    private Csv() {
    }

    public static void write(Path file, List<String> header, Iterable<List<String>> rows) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(writer);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(Csv::safe).toList());
            }
            printer.flush();
        });
    }

    /** Reads a CSV this project wrote (BOM, header row) into records keyed by their first column. */
    public static java.util.Map<String, org.apache.commons.csv.CSVRecord> readByFirstColumn(Path file) throws IOException {
        java.util.Map<String, org.apache.commons.csv.CSVRecord> records = new java.util.LinkedHashMap<>();
        try (java.io.Reader reader = new java.io.InputStreamReader(org.apache.commons.io.input.BOMInputStream.builder()
                .setInputStream(java.nio.file.Files.newInputStream(file)).get(), StandardCharsets.UTF_8)) {
            for (org.apache.commons.csv.CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                records.put(r.get(0), r);
            }
        }
        return records;
    }

    /** Guards against CSV formula injection: a cell starting with = + - @ from input text is kept as text. */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean numeric = value.matches("[+-]?\\d+(\\.\\d+)?");
        return startsLikeFormula(value) && !numeric ? "'" + value : value;
    }

    /** Whether a spreadsheet would read this text as a formula: it begins with =, +, - or @. */
    public static boolean startsLikeFormula(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@';
    }
}
