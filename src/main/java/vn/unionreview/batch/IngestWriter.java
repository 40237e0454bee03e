package vn.unionreview.batch;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import vn.unionreview.batch.store.RunStore;
import vn.unionreview.ingest.IngestRecord;

/** Step 2's writer: every row read, accepted or rejected, and every problem found, in one transaction per chunk. */
class IngestWriter implements ItemWriter<IngestRecord> {

    private final RunStore store;
    private final long run;

    IngestWriter(RunStore store, long run) {
        this.store = store;
        this.run = run;
    }

    @Override
    public void write(Chunk<? extends IngestRecord> chunk) {
        store.insertRows(run, chunk.getItems());
    }
}
