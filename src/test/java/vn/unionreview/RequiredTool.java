package vn.unionreview;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A test that needs a real tool no one here wrote (PostgreSQL, LibreOffice, Chromium): where the tool is missing it is
 * skipped, saying so, except under {@code CI=true}, where it fails. {@code .ci/run} installs every such tool, so a
 * green CI means these tests ran.
 */
public final class RequiredTool {

    private RequiredTool() {}

    /** Goes on when {@code available}; otherwise skips the test, or fails it under CI. */
    public static void require(boolean available, String missing) {
        if (available) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(missing + ": under CI=true this test must run, not skip (.ci/run installs what it needs)");
        }
        Assumptions.abort(missing + ": skipped (outside CI a test may skip when its tool is missing)");
    }
}
