package vn.unionreview.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.unionreview.ingest.DuplicatePolicy;
import vn.unionreview.ingest.InputLimits;

/**
 * How input is judged, from {@code union-review.input.*}: {@code duplicates} is reject-all (the default) or
 * newer-form-wins. It changes results, so it is a parameter of the run and is written to the manifest; {@code verify}
 * replays with the manifest's value. {@code limits} bound what one file may cost (see {@link InputLimits}); each one
 * left out keeps its default.
 */
@ConfigurationProperties("union-review.input")
public record InputSettings(String duplicates, Limits limits) {

    /** The limits as configured; any left out is the default. */
    public record Limits(
            Long fileBytes,
            Long xlsBytes,
            Integer tableRows,
            Integer columns,
            Integer rowCharacters,
            Integer formRows,
            Integer formCells,
            Integer formSheets,
            Integer zipRatio,
            Long zipPartBytes,
            Long sharedTextBytes) {}

    public InputLimits inputLimits() {
        InputLimits d = InputLimits.DEFAULTS;
        if (limits == null) {
            return d;
        }
        Limits l = limits;
        return new InputLimits(
                or(l.fileBytes(), d.fileBytes()),
                or(l.xlsBytes(), d.xlsBytes()),
                or(l.tableRows(), d.tableRows()),
                or(l.columns(), d.columns()),
                or(l.rowCharacters(), d.rowCharacters()),
                or(l.formRows(), d.formRows()),
                or(l.formCells(), d.formCells()),
                or(l.formSheets(), d.formSheets()),
                or(l.zipRatio(), d.zipRatio()),
                or(l.zipPartBytes(), d.zipPartBytes()),
                or(l.sharedTextBytes(), d.sharedTextBytes()));
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }

    public DuplicatePolicy duplicatePolicy() {
        return DuplicatePolicy.of(duplicates);
    }
}
