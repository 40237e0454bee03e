package vn.unionreview.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * While a run goes, everything it logs (the libraries' warnings and the full detail of any failure, stack traces
 * included) goes to run.log in its folder, and none of it to the console: staff read the progress lines and the summary
 * there, and a problem in input is reported in the outputs. run.log is a log, not a result: it is not in the manifest,
 * and its times differ from run to run.
 *
 * <p>Runs of different years, a replay and a scheduled run may go at once in one process, so lines are routed by run:
 * {@link #attach} puts the run's folder in the logging context ({@value #MDC_KEY}) of the thread that runs the job, the
 * job's own threads take it over ({@link #carry}, {@link #threads}), and each run's appender takes the lines of its run
 * alone.
 */
public final class RunLog implements AutoCloseable {

    /** The key of the logging context (MDC) that names the run a line belongs to: its folder. */
    public static final String MDC_KEY = "union-review.run";

    private final FileAppender<ILoggingEvent> appender;
    private final String previous;

    private RunLog(FileAppender<ILoggingEvent> appender, String previous) {
        this.appender = appender;
        this.previous = previous;
    }

    /** Sends what this run logs to {@code dir/run.log} (appended to, when a run is resumed) until closed. */
    public static RunLog attach(Path dir) {
        String run = dir.toAbsolutePath().normalize().toString();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{40} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(RunFile.RUN_LOG.fileName() + " " + run);
        appender.setFile(RunFile.RUN_LOG.in(dir).toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.addFilter(new Filter<>() {
            @Override
            public FilterReply decide(ILoggingEvent event) {
                return run.equals(event.getMDCPropertyMap().get(MDC_KEY)) ? FilterReply.NEUTRAL : FilterReply.DENY;
            }
        });
        appender.start();
        String previous =
                MDC.get(MDC_KEY); // a replay started from within a run's thread gets its own log, then gives it back
        MDC.put(MDC_KEY, run);
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return new RunLog(appender, previous);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, previous);
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }

    /** {@code task}, logging to the run log of the thread that wraps it (a task decorator for the job's executors). */
    public static Runnable carry(Runnable task) {
        return within(MDC.getCopyOfContextMap(), task);
    }

    /** Threads named {@code name} that log to the run log of the thread that makes this factory. */
    public static ThreadFactory threads(String name) {
        Map<String, String> logging = MDC.getCopyOfContextMap();
        return task -> new Thread(within(logging, task), name);
    }

    /** {@code task} run with {@code logging} as its logging context, then the thread's own context back. */
    private static Runnable within(Map<String, String> logging, Runnable task) {
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            setContext(logging);
            try {
                task.run();
            } finally {
                setContext(before);
            }
        };
    }

    private static void setContext(Map<String, String> logging) {
        if (logging == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(logging);
        }
    }

    /**
     * The console's filter (logback.xml): never a line of a run (it is in the run's run.log), and never a library's
     * line (POI reports a damaged file it was handed as an ERROR; the file's reason is in the outputs). A failure of
     * the program itself reaches the console as the command's own message.
     */
    public static final class ConsoleFilter extends Filter<ILoggingEvent> {
        @Override
        public FilterReply decide(ILoggingEvent event) {
            return event.getMDCPropertyMap().containsKey(MDC_KEY)
                            || !event.getLoggerName().startsWith("vn.unionreview")
                    ? FilterReply.DENY
                    : FilterReply.NEUTRAL;
        }
    }
}
