package vn.unionreview.batch;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.run.workfiles.RowSpill;
import vn.unionreview.run.workfiles.RunWork;

/**
 * Step 2's writer: every row read, accepted or rejected, and every problem found, to the run's work files; each chunk
 * is in them before its transaction commits. No position is kept: the step starts over when run again
 * ({@link StartOver}).
 */
class IngestWriter implements ItemStreamWriter<IngestRecord> {

    private final RunWork work;
    private final IngestRecord.Source source;
    private RowSpill spill;

    IngestWriter(RunWork work, IngestRecord.Source source) {
        this.work = work;
        this.source = source;
    }

    @Override
    public void open(ExecutionContext context) {
        spill = work.spill(source);
    }

    @Override
    public void write(Chunk<? extends IngestRecord> chunk) {
        spill.write(chunk.getItems());
    }

    @Override
    public void close() {
        if (spill != null) {
            spill.close();
            spill = null;
        }
    }
}
