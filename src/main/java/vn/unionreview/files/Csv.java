package vn.unionreview.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * CSV as the project writes it: UTF-8 with a byte-order mark (so Excel shows Vietnamese correctly), a header row, CRLF
 * line ends (RFC 4180). Text a spreadsheet would take for a formula is prefixed with an apostrophe.
 */
public final class Csv {

    private Csv() {}

    public static void write(Path file, List<String> header, Iterable<List<String>> rows) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = CSVFormat.RFC4180
                    .builder()
                    .setHeader(header.toArray(String[]::new))
                    .get()
                    .print(writer);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(Csv::safe).toList());
            }
            printer.flush();
        });
    }

    /** Reads a CSV this project wrote (BOM, header row) into records keyed by their first column. */
    public static Map<String, CSVRecord> readByFirstColumn(Path file) throws IOException {
        Map<String, CSVRecord> records = new LinkedHashMap<>();
        try (CSVParser parser = open(file)) {
            for (CSVRecord r : parser) {
                records.put(r.get(0), r);
            }
        }
        return records;
    }

    /**
     * The rows of a CSV this project wrote, each as a map by header, those {@code keep} accepts, at most {@code limit}:
     * read as a stream, so a national file costs what is kept.
     */
    public static List<Map<String, String>> readRows(Path file, Predicate<Map<String, String>> keep, int limit)
            throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = open(file)) {
            for (CSVRecord record : parser) {
                Map<String, String> row = record.toMap();
                if (keep.test(row)) {
                    if (rows.size() >= limit) {
                        break;
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Every row of a CSV this project wrote, as a map by header, one at a time: nothing is kept. */
    public static void forEachRow(Path file, Consumer<Map<String, String>> action) throws IOException {
        forEachRow(Files.newInputStream(file), action);
    }

    /** Every row of a CSV this project wrote, read from {@code in} (an archive's entry), as a map by header. */
    public static void forEachRow(InputStream in, Consumer<Map<String, String>> action) throws IOException {
        try (CSVParser parser = open(in)) {
            for (CSVRecord record : parser) {
                action.accept(record.toMap());
            }
        }
    }

    private static CSVParser open(Path file) throws IOException {
        return open(Files.newInputStream(file));
    }

    private static CSVParser open(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(
                BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8);
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader);
    }

    private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    /** Guards against CSV formula injection: a cell starting with = + - @ from input text is kept as text. */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        // a signed number is a number, not a formula; most cells are neither, and cost no pattern match
        return startsLikeFormula(value) && !SIGNED_NUMBER.matcher(value).matches() ? "'" + value : value;
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
