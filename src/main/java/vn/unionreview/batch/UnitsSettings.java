package vn.unionreview.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a province takes the result bundles of the units beneath it, from {@code union-review.units.*}.
 *
 * @param unsignedAccepted whether a bundle without a signature is taken (off unless set): a province that has not yet
 *     given its units keys may take their bundles as they come, each still checked file by file
 */
@ConfigurationProperties("union-review.units")
public record UnitsSettings(Boolean unsignedAccepted) {

    public static final UnitsSettings DEFAULTS = new UnitsSettings(null);

    public boolean acceptsUnsigned() {
        return Boolean.TRUE.equals(unsignedAccepted);
    }
}
