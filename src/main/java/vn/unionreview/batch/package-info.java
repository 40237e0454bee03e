/**
 * The Spring Batch wiring of the year-end job: its steps (registry, ingest, forms, duplicates, score, export,
 * manifest), each a small reader, processor, writer or tasklet, and the job's parameters. What a run keeps is in
 * {@link vn.unionreview.run.workfiles} and {@link vn.unionreview.run.tables}; how a run is launched and resumed, in
 * {@link vn.unionreview.run.launch}. The domain work is done by the packages it calls.
 */
package vn.unionreview.batch;
