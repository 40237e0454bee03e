package vn.unionreview.ingest;

/** A whole input file could not be read: not a spreadsheet, corrupt, encrypted, or unreadable. */
public class UnreadableFileException extends RuntimeException {

    private final String file;

    public UnreadableFileException(String file, String reason) {
        super(reason);
        this.file = file;
    }

    public UnreadableFileException(String file, String reason, Throwable cause) {
        super(reason, cause);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
