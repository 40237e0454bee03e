package vn.unionreview.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.Optional;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

import vn.unionreview.files.ZipNormalizer;

/**
 * A streamed workbook (SXSSF) whose zip entries and creation date all carry {@link ZipNormalizer#FIXED_TIME} instead of
 * the wall clock, so the same content gives the same bytes without re-zipping a file of hundreds of megabytes
 * afterwards. Temporary sheet files stay uncompressed and entries use fast compression: at national size each deflate
 * of the sheets costs seconds, and the xlsx is written once and kept.
 */
public final class ReproducibleStreamingWorkbook extends SXSSFWorkbook {

    public ReproducibleStreamingWorkbook(int rowsInMemory) {
        super(rowsInMemory);
        // no Zip64 extra fields, as Excel itself writes: a sheet stays far below 4 GB (Excel stops at 1,048,576 rows)
        setZip64Mode(Zip64Mode.Never);
        // POI stamps docProps/core.xml "created" with the clock; a writer that has a date of its own sets it after
        getXSSFWorkbook()
                .getProperties()
                .getCoreProperties()
                .setCreated(Optional.of(new Date(ZipNormalizer.FIXED_TIME)));
    }

    /** Sheets are written by {@link LeanSheetDataWriter}: POI's own bytes at a fraction of the cost. */
    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new LeanSheetDataWriter();
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out) {
            @Override
            public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
                entry.setTime(ZipNormalizer.FIXED_TIME);
                super.putArchiveEntry(entry);
            }
        };
        zip.setLevel(Deflater.BEST_SPEED);
        zip.setUseZip64(zip64Mode);
        return zip;
    }
}
