package vn.unionreview.web;

import java.nio.file.Path;
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

import vn.unionreview.audit.ActivityLog;
import vn.unionreview.audit.Manifest;
import vn.unionreview.text.Message;
import vn.unionreview.year.Replay;

/**
 * Auditors' replays of runs, in the background: a replay takes as long as the run did (a minute and more at national
 * size), so the run's page says it is going and shows the verdict when it is in. One replay per run at a time; the
 * latest verdict of each run is kept while the console runs, and recorded in the activity log.
 */
@Component
public class ConsoleVerifications implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleVerifications.class);

    /** A replay of one run: who asked, and its result once it is in (null while it goes). */
    public record Verification(String user, Replay.Result result) {

        public boolean running() {
            return result == null;
        }
    }

    private final ActivityLog activity;
    private final Map<String, Verification> latest = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "union-review-console-verify");
        t.setDaemon(true);
        return t;
    });

    ConsoleVerifications(ActivityLog activity) {
        this.activity = activity;
    }

    public Optional<Verification> of(int year, String runId) {
        return Optional.ofNullable(latest.get(year + "/" + runId));
    }

    /** Starts replaying the run unless a replay of it is going already. */
    synchronized void start(int year, String runId, Manifest manifest, Path manifestFile, String user) {
        String key = year + "/" + runId;
        Verification current = latest.get(key);
        if (current != null && current.running()) {
            return;
        }
        latest.put(key, new Verification(user, null));
        workers.execute(() -> {
            Replay.Result result;
            try {
                result = Replay.verify(manifest, manifestFile, () -> {});
            } catch (Exception e) {
                LOG.error("the replay of {} failed", key, e);
                result = new Replay.Result(
                        Replay.Verdict.NOT_REPLAYED,
                        List.of(Message.of("verify.failed", "detail", String.valueOf(e.getMessage()))));
            }
            latest.put(key, new Verification(user, result));
            activity.record(
                    year,
                    user,
                    "verify",
                    runId,
                    null,
                    manifest.resultDigest(),
                    Message.of("activity.verified", "verdict", result.verdict().name())
                            .encode());
        });
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
