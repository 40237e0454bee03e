package vn.unionreview.audit;

import java.nio.file.Path;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * While a run goes, everything logged (the libraries' warnings and the full detail of any failure,
 * stack traces included) goes to {@value #FILE} in its folder, and none of it to the console: staff
 * read the progress lines and the summary there, and a problem in input is reported in the outputs.
 * run.log is a log, not a result: it is not in the manifest, and its times differ from run to run.
 */
public final class RunLog implements AutoCloseable {

    public static final String FILE = "run.log";

    private static volatile boolean attached;

    private final FileAppender<ILoggingEvent> appender;

    private RunLog(FileAppender<ILoggingEvent> appender) {
        this.appender = appender;
    }

    /** Sends all logging to {@code dir/run.log} (appended to, when a run is resumed) until closed. */
    public static RunLog attach(Path dir) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{40} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(FILE);
        appender.setFile(dir.resolve(FILE).toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        attached = true;
        return new RunLog(appender);
    }

    @Override
    public void close() {
        attached = false;
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }

    /**
     * The console's filter (logback.xml): nothing while a run log is attached, and never a library's line
     * (POI reports a damaged file it was handed as an ERROR; the file's reason is in the outputs). A
     * failure of the program itself reaches the console as the command's own message.
     */
    public static final class ConsoleFilter extends Filter<ILoggingEvent> {
        @Override
        public FilterReply decide(ILoggingEvent event) {
            return attached || !event.getLoggerName().startsWith("vn.unionreview") ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }
}
