package vn.unionreview.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.CronExpression;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.unionreview.ingest.InputException;
import vn.unionreview.ingest.InputSet;
import vn.unionreview.rules.RuleSetException;
import vn.unionreview.rules.RuleSetLoader;
import vn.unionreview.run.RunKind;
import vn.unionreview.run.RunLock;
import vn.unionreview.run.launch.RunOutcome;
import vn.unionreview.run.launch.RunRequest;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Message;
import vn.unionreview.text.MessageException;
import vn.unionreview.text.Speech;
import vn.unionreview.web.ConsoleApplication;
import vn.unionreview.web.ConsoleSettings;
import vn.unionreview.year.RunService;
import vn.unionreview.year.YearRules;

/**
 * {@code serve}: a small foreground service. Serves the office console (web pages, {@link ConsoleApplication}), runs
 * the year-end job at the times set in config/application.yml, and a validation run when a watched year's input folder
 * changes (after it has been quiet for a while). One scheduled run at a time; each run's summary is logged. SIGTERM
 * stops a run in progress at a chunk boundary (its folder stays marked INCOMPLETE) and then the service.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        header = "Serve the office console and run the schedule, in the foreground.",
        description = {
            "Run in the foreground as a service: the office console in the browser (--http), scheduled runs (cron)",
            "and validation runs when input files change, from union-review.schedule in config/application.yml.",
            "Stop with SIGTERM or Ctrl-C."
        })
class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.InputFolder input;

    @Mixin
    CommonOptions.OutputFolder output;

    @Option(
            names = "--http",
            paramLabel = "HOST:PORT",
            defaultValue = "127.0.0.1:8080",
            description =
                    "where the console listens (default: ${DEFAULT-VALUE}, this computer only; any other address needs"
                            + " union-review.web.users)")
    String http;

    @Option(names = "--no-http", description = "no console: scheduled and watched runs only")
    boolean noHttp;

    private PrintWriter out;
    private Catalogue words;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "union-review-timer"));
    /** Runs are queued on one thread: never two at once from this service. */
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "union-review-run"));

    private final Map<Integer, ScheduledFuture<?>> pendingValidation = new ConcurrentHashMap<>();
    /** Years with a run waiting in the queue: a further trigger joins it instead of queueing another. */
    private final Set<Integer> queued = ConcurrentHashMap.newKeySet();

    private final CountDownLatch stopped = new CountDownLatch(1);
    private ConfigurableApplicationContext console;
    private volatile boolean stopping;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ScheduleSettings.class)
    static class Settings {}

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        words = CommandLanguage.configured();
        ScheduleSettings settings;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run()) {
            settings = context.getBean(ScheduleSettings.class);
        }
        if (noHttp && settings.runs().isEmpty() && settings.watch().isEmpty()) {
            Speech.printing(spec.commandLine().getErr(), words).say("serve.nothing");
            return UnionReviewCli.USAGE;
        }
        if (!noHttp) {
            ConsoleApplication.Binding binding;
            try {
                binding = ConsoleApplication.Binding.parse(http);
            } catch (ConsoleApplication.RefusedException e) {
                Speech.printing(spec.commandLine().getErr(), words).say("serve.bad_http", "detail", e.problem());
                return UnionReviewCli.USAGE;
            }
            try {
                console = ConsoleApplication.start(binding, input.value, output.value);
            } catch (RuntimeException e) {
                // Spring wraps a refusal (a ConsoleApplication.RefusedException, which has no cause) in its own
                // exceptions
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                Speech.printing(spec.commandLine().getErr(), words)
                        .say(
                                "serve.console_cannot_start",
                                "detail",
                                root instanceof MessageException refusal
                                        ? refusal.problem()
                                        : HistoryCommand.rootMessage(e));
                return UnionReviewCli.USAGE;
            }
            String port = console.getEnvironment().getProperty("local.server.port", Integer.toString(binding.port()));
            log(Message.of(
                    "serve.console_on",
                    "address",
                    "http://" + (binding.host().contains(":") ? "[" + binding.host() + "]" : binding.host()) + ":"
                            + port + "/",
                    "local",
                    binding.loopback()
                                    && console.getBean(ConsoleSettings.class)
                                            .users()
                                            .isEmpty()
                            ? "yes"
                            : "no"));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "union-review-serve-stop"));
        for (ScheduleSettings.ScheduledRun run : settings.runs()) {
            CronExpression cron = CronExpression.parse(run.cron());
            scheduleNext(run, cron);
            log(Message.of(
                    "serve.scheduled",
                    "name",
                    run.name(),
                    "year",
                    String.valueOf(run.year()),
                    "cron",
                    run.cron(),
                    "next",
                    String.valueOf(cron.next(LocalDateTime.now()))));
        }
        if (!settings.watch().isEmpty()) {
            watch(settings);
        }
        log(Message.of("serve.serving"));
        stopped.await();
        return UnionReviewCli.OK;
    }

    private void scheduleNext(ScheduleSettings.ScheduledRun run, CronExpression cron) {
        LocalDateTime next = cron.next(LocalDateTime.now());
        if (next == null || stopping) {
            return;
        }
        timer.schedule(
                () -> {
                    enqueue(
                            run.year(),
                            Message.of("serve.why_scheduled", "name", run.name()),
                            new RunRequest.Origin(
                                    run.kind(),
                                    Message.of("origin.schedule", "name", run.name())
                                            .encode()));
                    scheduleNext(run, cron);
                },
                Math.max(0, LocalDateTime.now().until(next, ChronoUnit.MILLIS)),
                TimeUnit.MILLISECONDS);
    }

    private void watch(ScheduleSettings settings) throws IOException {
        WatchService watcher = FileSystems.getDefault().newWatchService();
        Map<WatchKey, Integer> years = new ConcurrentHashMap<>();
        for (int year : settings.watch()) {
            Path yearDir = input.value.resolve(Integer.toString(year));
            for (Path dir : new Path[] {yearDir, yearDir.resolve("tables"), yearDir.resolve("forms")}) {
                if (Files.isDirectory(dir)) {
                    years.put(
                            dir.register(
                                    watcher,
                                    StandardWatchEventKinds.ENTRY_CREATE,
                                    StandardWatchEventKinds.ENTRY_MODIFY,
                                    StandardWatchEventKinds.ENTRY_DELETE),
                            year);
                }
            }
            log(Message.of("serve.watching", "folder", yearDir.toString()));
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        while (!stopping) {
                            WatchKey key = watcher.take();
                            key.pollEvents();
                            key.reset();
                            Integer year = years.get(key);
                            if (year != null) {
                                // wait for the folder to be quiet: a copy of many files is one change, not many
                                ScheduledFuture<?> previous = pendingValidation.put(
                                        year,
                                        timer.schedule(
                                                () -> enqueue(
                                                        year,
                                                        Message.of("serve.why_changed"),
                                                        new RunRequest.Origin(
                                                                RunKind.VALIDATION,
                                                                Message.of("origin.watcher")
                                                                        .encode())),
                                                settings.quietSeconds(),
                                                TimeUnit.SECONDS));
                                if (previous != null) {
                                    previous.cancel(false);
                                }
                            }
                        }
                    } catch (InterruptedException | ClosedWatchServiceException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "union-review-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void enqueue(int year, Message why, RunRequest.Origin origin) {
        if (queued.add(year)) {
            worker.execute(() -> runYear(year, why, origin));
        } else {
            log(Message.of("serve.joins", "why", why, "year", String.valueOf(year)));
        }
    }

    private void runYear(int year, Message why, RunRequest.Origin origin) {
        queued.remove(year); // a change from now on queues the next run
        if (stopping) {
            return;
        }
        try {
            var rules = RuleSetLoader.loadBook(YearRules.path(null, year));
            InputSet inputs = InputSet.discover(input.value, year);
            RunOutcome outcome = RunService.run(
                    RunRequest.of(year, rules, input.value, inputs, output.value, origin)
                            .build(),
                    Speech.NOBODY);
            log(Message.of(
                    "serve.ran",
                    "why",
                    why,
                    "year",
                    String.valueOf(year),
                    "status",
                    Message.of("run.status", "status", outcome.status().name()),
                    "failure",
                    outcome.failure() == null ? "" : Message.of("serve.failure", "detail", outcome.failure()),
                    "counts",
                    outcome.summary(rules),
                    "folder",
                    outcome.runDir() == null ? "" : outcome.runDir().toString()));
        } catch (RunLock.RunBusyException e) {
            log(Message.of("serve.skipped", "why", why, "year", String.valueOf(year), "detail", e.problem()));
        } catch (RuleSetException | InputException e) {
            log(Message.of("serve.could_not_run", "why", why, "year", String.valueOf(year), "detail", e.problem()));
        } catch (Exception e) {
            log(Message.of(
                    "serve.could_not_run",
                    "why",
                    why,
                    "year",
                    String.valueOf(year),
                    "detail",
                    HistoryCommand.rootMessage(e)));
        }
    }

    private void shutdown() {
        stopping = true;
        log(Message.of("serve.stopping"));
        timer.shutdownNow();
        worker.shutdown();
        try {
            worker.awaitTermination(RunService.STOP_GRACE_SECONDS + 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (console != null) {
            console.close();
        }
        log(Message.of("serve.stopped"));
        stopped.countDown();
    }

    private synchronized void log(Message message) {
        out.printf("[%s] %s%n", LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), words.render(message));
        out.flush();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
