package vn.unionreview.run.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The CSV lines PostgreSQL's COPY reads: NULL and the empty string told apart, quotes and line ends kept. */
class BulkInsertTest {

    @Test
    void aRowIsOneCsvLineAsCopyReadsIt() {
        StringBuilder line = new StringBuilder();
        BulkInsert.csv(line, new Object[] {
            7L,
            "Công đoàn \"Hoa Sen\"",
            "",
            null,
            new BigDecimal("1E+1"),
            new BigDecimal("8.50"),
            true,
            42,
            "dòng 1\ndòng 2, ô C3"
        });
        assertThat(line)
                .hasToString("7,\"Công đoàn \"\"Hoa Sen\"\"\",\"\",,10,8.50,true,42,\"dòng 1\ndòng 2, ô C3\"\n");
    }
}
