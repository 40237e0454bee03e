/**
 * The unions beneath a province: each unit's published year, as the result bundle its {@code publish} wrote, checked
 * offline before the province takes it — signed by the unit's key, every file as the bundle names it, a final run of
 * the year. Pure Java: no Spring, no database.
 */
package vn.unionreview.units;
