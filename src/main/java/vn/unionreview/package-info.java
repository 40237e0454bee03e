/**
 * union-review: the yearly evaluation of grassroots trade-union branches (công đoàn cơ sở) of a public-servant union,
 * as a batch pipeline. This package holds the application and the few helpers every other package may use (digests, the
 * software version, Vietnamese text); it depends on none of them.
 */
package vn.unionreview;
