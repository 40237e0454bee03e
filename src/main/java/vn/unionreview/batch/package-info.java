/**
 * The Spring Batch wiring of the year-end job: its steps (registry, ingest, forms, duplicates, score,
 * export, manifest), the run tables it keeps in the database, and how a run is launched, resumed and
 * reported. The domain work is done by the packages it calls.
 */
package vn.unionreview.batch;
