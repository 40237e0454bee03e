package vn.unionreview.ingest;

/** The input folder itself is unusable (missing, no registry): the run cannot start. */
public class InputException extends RuntimeException {

    public InputException(String message) {
        super(message);
    }
}
