package vn.unionreview.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.unionreview.ingest.InputException;
import vn.unionreview.ingest.InputSet;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSetException;
import vn.unionreview.run.RunKind;
import vn.unionreview.run.RunLock;
import vn.unionreview.run.launch.RunOutcome;
import vn.unionreview.run.launch.RunRequest;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Message;
import vn.unionreview.year.RunService;
import vn.unionreview.year.YearRules;

/**
 * Runs started from the console: the same year-end job as {@code run}, through the same {@link RunService} and the
 * year's lock, one per year at a time (a second one is refused, from here or from a command line). Each run's console
 * lines are kept and streamed to the pages watching it.
 */
@Component
public class ConsoleRuns implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRuns.class);

    /** A run cannot start: the message says why. */
    static final class RefusedException extends RuntimeException {
        private final transient Message reason;

        RefusedException(Message reason) {
            super(reason.english());
            this.reason = reason;
        }

        /** Why, for the page's language. */
        Message reason() {
            return reason;
        }
    }

    /** One run's progress: who started it, its lines so far, and, when it has ended, its folder or what stopped it. */
    public static final class Progress {
        private final int year;
        private final RunKind kind;
        private final String user;
        private final List<Message> lines = new ArrayList<>();
        /** Each page watching, with the words of its reader's language. */
        private final Map<SseEmitter, Catalogue> watchers = new ConcurrentHashMap<>();

        private volatile boolean finished;
        private volatile String runId;
        private volatile String status = "RUNNING";

        Progress(int year, RunKind kind, String user) {
            this.year = year;
            this.kind = kind;
            this.user = user;
        }

        public int year() {
            return year;
        }

        public RunKind kind() {
            return kind;
        }

        public String user() {
            return user;
        }

        /** The lines so far, in the reader's language. */
        public synchronized List<String> lines(Catalogue words) {
            return lines.stream().map(words::render).toList();
        }

        public boolean finished() {
            return finished;
        }

        public String runId() {
            return runId;
        }

        public String status() {
            return status;
        }

        synchronized void line(Message line) {
            lines.add(line);
            watchers.forEach((watcher, words) ->
                    send(watcher, SseEmitter.event().name("line").data(words.render(line))));
        }

        synchronized void finish(String status, String runId) {
            this.status = status;
            this.runId = runId;
            this.finished = true;
            watchers.keySet()
                    .forEach(watcher -> send(
                            watcher,
                            SseEmitter.event().name("done").data(status + " " + (runId == null ? "" : runId))));
            watchers.keySet().forEach(SseEmitter::complete);
            watchers.clear();
        }

        /**
         * A page starts watching: it gets every line so far, then each new one, then "done", in its reader's language.
         */
        synchronized SseEmitter watch(Catalogue words) {
            SseEmitter emitter = new SseEmitter(0L);
            try {
                for (Message line : lines) {
                    emitter.send(SseEmitter.event().name("line").data(words.render(line)));
                }
                if (finished) {
                    emitter.send(SseEmitter.event().name("done").data(status + " " + (runId == null ? "" : runId)));
                    emitter.complete();
                    return emitter;
                }
            } catch (IOException gone) {
                return emitter;
            }
            emitter.onCompletion(() -> watchers.remove(emitter));
            emitter.onTimeout(() -> watchers.remove(emitter));
            emitter.onError(e -> watchers.remove(emitter));
            watchers.put(emitter, words);
            return emitter;
        }

        private void send(SseEmitter watcher, SseEmitter.SseEventBuilder event) {
            try {
                watcher.send(event);
            } catch (IOException | IllegalStateException gone) {
                watchers.remove(watcher);
            }
        }
    }

    private final ConsoleSettings settings;
    private final Map<Integer, Progress> latest = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "union-review-console-run");
        t.setDaemon(true);
        return t;
    });

    ConsoleRuns(ConsoleSettings settings) {
        this.settings = settings;
    }

    /** The year's run in progress, or the last one this console started. */
    Optional<Progress> latest(int year) {
        return Optional.ofNullable(latest.get(year));
    }

    /** Whether a run of the year is in progress: one this console started, or one started anywhere else. */
    public boolean running(int year) {
        return latest(year).map(p -> !p.finished()).orElse(false)
                || elsewhere(year).isPresent();
    }

    /**
     * A run of the year this console did not start (the command line, the schedule, another console), if one is in
     * progress.
     */
    public Optional<Message> elsewhere(int year) {
        return RunLock.holder(settings.outputDir(), year);
    }

    /**
     * Starts a run of {@code year} in the background.
     *
     * @throws RefusedException when the year's rules or input cannot be used, or a run of the year is in progress here
     */
    synchronized Progress start(int year, RunKind kind, String user) {
        if (running(year)) {
            throw new RefusedException(Message.of("run.in_progress", "year", String.valueOf(year)));
        }
        RuleBook rules;
        InputSet inputs;
        try {
            rules = YearRules.load(null, year);
            inputs = InputSet.discover(settings.inputDir(), year);
        } catch (InputException e) {
            throw new RefusedException(Message.of("run.cannot_start", "detail", e.problem()));
        } catch (RuleSetException | YearRules.Unusable e) {
            throw new RefusedException(Message.of("run.cannot_start", "detail", e.problem()));
        }
        Progress progress = new Progress(year, kind, user);
        latest.put(year, progress);
        progress.line(RunService.starting(year, rules, inputs));
        workers.execute(() -> run(
                progress,
                RunRequest.of(
                                year,
                                rules,
                                settings.inputDir(),
                                inputs,
                                settings.outputDir(),
                                new RunRequest.Origin(kind, user))
                        .build()));
        return progress;
    }

    private void run(Progress progress, RunRequest request) {
        String status;
        String runId = null;
        try {
            RunOutcome outcome = RunService.run(request, progress::line);
            status = outcome.status().name();
            runId = outcome.runDir() == null
                    ? null
                    : outcome.runDir().getFileName().toString();
            if (outcome.failure() != null) {
                progress.line(outcome.failure());
            }
            outcome.summary(request.rules()).forEach(progress::line);
        } catch (RunLock.RunBusyException e) {
            status = "BUSY";
            progress.line(e.problem());
        } catch (Exception e) {
            LOG.error("console run of {} failed", request.year(), e);
            status = "FAILED";
            progress.line(Message.of("run.failed_with", "detail", String.valueOf(e.getMessage())));
        }
        progress.finish(status, runId);
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
