/**
 * Branch self-assessment forms: the template branches fill in, reading a filled form by its labels and ids wherever
 * rows were moved, and validating it exactly as a table row is.
 */
package vn.unionreview.form;
