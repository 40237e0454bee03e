/**
 * The Spring Batch wiring of the year-end job: its steps (registry, ingest, forms, duplicates, score,
 * export, manifest), each a small reader, processor, writer or tasklet. The run tables it keeps are in
 * {@link vn.unionreview.batch.store}; how a run is launched, resumed and reported, in
 * {@link vn.unionreview.batch.launch}. The domain work is done by the packages it calls.
 */
package vn.unionreview.batch;
