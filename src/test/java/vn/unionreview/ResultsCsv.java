package vn.unionreview;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

import vn.unionreview.files.Csv;

/** Reads an output CSV back as a user's tool would: BOM-aware, header row, records by first column. */
public final class ResultsCsv {

    private ResultsCsv() {}

    public static List<CSVRecord> records(Path file) throws IOException {
        try (Reader reader = new InputStreamReader(
                BOMInputStream.builder()
                        .setInputStream(Files.newInputStream(file))
                        .get(),
                StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        }
    }

    public static Map<String, CSVRecord> byCode(Path file) throws IOException {
        return Csv.readByFirstColumn(file);
    }
}
