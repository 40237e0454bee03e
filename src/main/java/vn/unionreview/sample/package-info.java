/**
 * The reproducible sample year (with the faults and signals a first run must show) and synthetic provinces of any size
 * for benchmarks.
 */
package vn.unionreview.sample;
