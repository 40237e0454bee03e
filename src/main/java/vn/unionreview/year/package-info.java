/**
 * What the command line and the console both do to a year: run the job under the year's lock in its own Spring context,
 * find the year's rule set and its embedded database, publish a run, and replay one from its archive.
 */
package vn.unionreview.year;
