/**
 * The command line (picocli): run, verify, history, show, publish, serve, rules check, template, sample and parse. Each
 * command reads its options, calls the job or a service, and maps the outcome to a message and an exit code.
 */
package vn.unionreview.cli;
