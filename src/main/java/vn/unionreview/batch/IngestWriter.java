package vn.unionreview.batch;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.run.workfiles.RowWriter;
import vn.unionreview.run.workfiles.WorkFiles;

/**
 * The ingest and forms steps' writer: every row read, accepted or rejected, and every problem found, to the run's work
 * files; each chunk is in them before its transaction commits. No position is kept: the step starts over when run again
 * ({@link StartOver}).
 */
class IngestWriter implements ItemStreamWriter<IngestRecord> {

    private final WorkFiles work;
    private final IngestRecord.Source source;
    private RowWriter rows;

    IngestWriter(WorkFiles work, IngestRecord.Source source) {
        this.work = work;
        this.source = source;
    }

    @Override
    public void open(ExecutionContext context) {
        rows = work.rowWriter(source);
    }

    @Override
    public void write(Chunk<? extends IngestRecord> chunk) {
        rows.write(chunk.getItems());
    }

    @Override
    public void close() {
        if (rows != null) {
            rows.close();
            rows = null;
        }
    }
}
