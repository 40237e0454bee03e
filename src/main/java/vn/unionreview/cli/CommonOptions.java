package vn.unionreview.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The options most commands share, declared once (picocli mixins): the year, and the input and output folders. */
final class CommonOptions {

    private CommonOptions() {}

    /** {@code --year}: the evaluation year, required. */
    static final class Year {
        @Option(names = "--year", required = true, paramLabel = "YEAR", description = "the evaluation year, e.g. 2025")
        int value;
    }

    /** {@code --input}: the folder holding a folder per year. */
    static final class InputFolder {
        @Option(
                names = "--input",
                defaultValue = "input",
                paramLabel = "DIR",
                description = "input folder holding <year>/ (default: ${DEFAULT-VALUE})")
        Path value;
    }

    /** {@code --output}: the folder the runs are written into, a folder per year. */
    static final class OutputFolder {
        @Option(
                names = "--output",
                defaultValue = "output",
                paramLabel = "DIR",
                description = "output folder, holding a folder per year (default: ${DEFAULT-VALUE})")
        Path value;
    }
}
