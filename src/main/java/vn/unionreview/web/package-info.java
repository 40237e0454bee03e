/**
 * The office console that {@code serve} starts: server-rendered pages (Thymeleaf) to see every year, upload its input,
 * start runs and watch them, read a run's results, letters and decisions, download its files, verify and publish;
 * sign-in with roles (Spring Security) when it is reachable from other computers. Every action goes through the same
 * job and services as the command line, and is recorded by name in the year's activity log.
 */
package vn.unionreview.web;
