/**
 * What a run is and where it lives. This package: its kind (validation or final), its folder (complete or not, and
 * every file a run writes: {@link vn.unionreview.run.RunFile}), the year's lock and the run's own log. Its
 * sub-packages, each over this one and none over another's dependants:
 *
 * <ul>
 *   <li>{@code run.workfiles}: the files a run keeps in its folder while it goes on (registry, rows with their scores,
 *       files, problems, duplicate copies set aside, results), read by the steps that follow;
 *   <li>{@code run.tables}: its tables in the database (results, problems, council decisions, counts), for SQL users
 *       and the history, and their repair after a killed process;
 *   <li>{@code run.history}: the runs of a year as the job repository recorded them;
 *   <li>{@code run.launch}: starting, resuming and reporting a run of the job ({@link vn.unionreview.batch}).
 * </ul>
 */
package vn.unionreview.run;
