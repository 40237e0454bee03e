/**
 * Writing files the same way every time: atomically (a crash never leaves half a file), CSV as Excel reads it (UTF-8
 * with a BOM, formula-like text quoted), and zip archives with fixed stamps so that the same content gives the same
 * bytes.
 */
package vn.unionreview.files;
