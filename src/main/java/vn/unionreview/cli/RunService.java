package vn.unionreview.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.unionreview.UnionReviewApplication;
import vn.unionreview.audit.RunLock;
import vn.unionreview.batch.RunOutcome;
import vn.unionreview.batch.RunRequest;
import vn.unionreview.batch.YearEndLauncher;

/**
 * How every command that touches a year's runs gets at them: the year's lock (for runs), then a
 * Spring context on the year's database under the output folder, closed afterwards.
 */
final class RunService {

    private RunService() {
    }

    /** Runs (or resumes, or reports) under the year's lock; throws RunLock.RunBusyException if another run holds it. */
    static RunOutcome run(RunRequest request, PrintWriter console) throws Exception {
        try (RunLock lock = RunLock.acquire(request.outputDir(), request.year())) {
            return withContext(request.outputDir(), request.year(), console,
                    context -> call(() -> context.getBean(YearEndLauncher.class).launch(request)));
        }
    }

    /** Opens the year's job repository and run tables, applies {@code work}, closes them. */
    static <T> T withContext(Path outputDir, int year, PrintWriter console, Function<ConfigurableApplicationContext, T> work) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(UnionReviewApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("union-review.output-dir=" + outputDir.toAbsolutePath().normalize(), "union-review.year=" + year)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("console", console))
                .run()) {
            return work.apply(context);
        }
    }

    private static <T> T call(java.util.concurrent.Callable<T> callable) {
        try {
            return callable.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
