package vn.unionreview.cli;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.unionreview.run.RunKind;

/**
 * What {@code serve} does, from {@code union-review.schedule.*} in config/application.yml.
 *
 * @param runs runs at set times: a name for the log, a cron expression (seconds minutes hours day-of-month month
 *     day-of-week, e.g. "0 0 2 * 12 *" = 02:00 every day of December) the year, and the kind of run (validation, the
 *     default, or final)
 * @param watch years whose input folder is watched: a change triggers a validation run
 * @param quietSeconds how long the input folder must stay unchanged before that run starts
 */
@ConfigurationProperties("union-review.schedule")
public record ScheduleSettings(List<ScheduledRun> runs, List<Integer> watch, Integer quietSeconds) {

    public ScheduleSettings {
        runs = runs == null ? List.of() : List.copyOf(runs);
        watch = watch == null ? List.of() : List.copyOf(watch);
        quietSeconds = quietSeconds == null ? 30 : quietSeconds;
    }

    public record ScheduledRun(String name, String cron, int year, RunKind kind) {

        public ScheduledRun {
            kind = kind == null ? RunKind.VALIDATION : kind;
        }
    }
}
