package vn.unionreview.year;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import vn.unionreview.SoftwareVersion;
import vn.unionreview.UnionReviewApplication;
import vn.unionreview.batch.YearEndJobConfig;
import vn.unionreview.ingest.InputSet;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.run.RunLock;
import vn.unionreview.run.launch.RunOutcome;
import vn.unionreview.run.launch.RunRequest;
import vn.unionreview.run.launch.YearEndLauncher;
import vn.unionreview.text.Message;
import vn.unionreview.text.Speech;

/**
 * How every command that touches a year's runs gets at them: the year's lock (for runs), then a Spring context on the
 * year's database under the output folder, closed afterwards.
 */
public final class RunService {

    private RunService() {}

    /** A run's first line: the program, the year, which rules, how many files and where. */
    public static Message starting(int year, RuleBook rules, InputSet inputs) {
        return Message.of(
                "run.starting",
                "version",
                SoftwareVersion.current(),
                "year",
                String.valueOf(year),
                "rules",
                rules.path().toString(),
                "sha",
                rules.sha256().substring(0, 12),
                "files",
                inputs.all().size(),
                "folder",
                inputs.yearDir().toString());
    }

    /** Seconds a stop request waits for the running step to reach a chunk boundary. */
    public static final int STOP_GRACE_SECONDS = 120;

    /**
     * Runs (or resumes, or reports) under the year's lock; throws RunLock.RunBusyException if another run holds it. A
     * SIGTERM meanwhile stops the job at the next chunk boundary: the run ends STOPPED, its folder still marked
     * INCOMPLETE, and `run --resume` finishes it.
     */
    public static RunOutcome run(RunRequest request, Speech progress) throws Exception {
        return run(request, progress, (context, outcome) -> outcome);
    }

    /** As {@link #run(RunRequest, Speech)}, then {@code then} is given the run's context (still open) and outcome. */
    public static <T> T run(
            RunRequest request, Speech progress, BiFunction<ConfigurableApplicationContext, RunOutcome, T> then)
            throws Exception {
        try (RunLock lock = RunLock.acquire(
                request.outputDir(),
                request.year(),
                Message.of(
                        "run.holder",
                        "kind",
                        request.origin().kind().key(),
                        "by",
                        Message.decode(request.origin().startedBy()),
                        "time",
                        LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString()))) {
            return withContext(request.outputDir(), request.year(), progress, context -> {
                CountDownLatch finished = new CountDownLatch(1);
                Thread stopper = new Thread(() -> stopGracefully(context, finished), "union-review-stop");
                Runtime.getRuntime().addShutdownHook(stopper);
                try {
                    return then.apply(
                            context,
                            call(() -> context.getBean(YearEndLauncher.class).launch(request)));
                } finally {
                    finished.countDown();
                    try {
                        Runtime.getRuntime().removeShutdownHook(stopper);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook is running: it has seen the latch
                    }
                }
            });
        }
    }

    private static void stopGracefully(ConfigurableApplicationContext context, CountDownLatch finished) {
        try {
            JobOperator operator = context.getBean(JobOperator.class);
            for (Long id : operator.getRunningExecutions(YearEndJobConfig.JOB)) {
                operator.stop(id);
            }
            finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            // shutting down: nothing more to do; the INCOMPLETE marker tells the truth
        }
    }

    /**
     * Whether the year can have runs to read: its embedded database exists, or a database is configured (PostgreSQL).
     * Reading commands ask first, so that looking does not create an empty database.
     */
    public static boolean hasRepository(Path outputDir, int year) {
        return Files.isDirectory(outputDir.resolve(".db").resolve(Integer.toString(year)))
                || System.getProperty("spring.datasource.url") != null
                || System.getenv("SPRING_DATASOURCE_URL") != null;
    }

    /**
     * Opens the year's job repository and run tables, applies {@code work}, closes them; a job run in it reports its
     * steps to {@code progress}.
     */
    public static <T> T withContext(
            Path outputDir, int year, Speech progress, Function<ConfigurableApplicationContext, T> work) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(UnionReviewApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .registerShutdownHook(false) // the run's own hook stops the job first; the context closes after
                // beans are made when first used: a command that only reads the history, or a run, needs a part of them
                // (the sample year's run: 2.8 s -> 2.55 s through bin/union-review)
                .lazyInitialization(true)
                .properties(
                        "union-review.output-dir=" + outputDir.toAbsolutePath().normalize(),
                        "union-review.year=" + year)
                .initializers(
                        ctx -> ctx.getBeanFactory().registerSingleton("progress", progress),
                        ctx -> EmbeddedDatabase.prepare(ctx.getEnvironment()));
        // Logging is logback.xml's alone: Spring Boot's logging system silences the whole process while a context
        // starts
        // and reconfigures it after, which would take lines from, and the log appenders of, runs of other years going
        // at once.
        builder.application()
                .setListeners(builder.application().getListeners().stream()
                        .filter(listener -> !(listener instanceof LoggingApplicationListener))
                        .toList());
        try (ConfigurableApplicationContext context = builder.run()) {
            return work.apply(context);
        }
    }

    private static <T> T call(Callable<T> callable) {
        try {
            return callable.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
