package vn.unionreview.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.unionreview.ingest.DuplicatePolicy;

/**
 * How input is judged, from {@code union-review.input.*}: {@code duplicates} is reject-all (the
 * default) or newer-form-wins. It changes results, so it is a parameter of the run and is written
 * to the manifest; {@code verify} replays with the manifest's value.
 */
@ConfigurationProperties("union-review.input")
public record InputSettings(String duplicates) {

    public DuplicatePolicy duplicatePolicy() {
        return DuplicatePolicy.of(duplicates);
    }
}
