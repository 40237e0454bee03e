/**
 * What the command line and the console both do to a year's runs: run the job under the year's lock
 * in its own Spring context, find the year's rule set, publish a run, and replay one from its archive.
 */
package vn.unionreview.runs;
