package vn.unionreview.form;

import java.util.List;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import vn.unionreview.ingest.InputFile;
import vn.unionreview.ingest.UnreadableFileException;

/**
 * Reads the forms folder one file at a time. A file that is not a readable form is an item too
 * (with the reason), so it is reported and the job goes on. Restartable by item count, like the
 * table reader: a restart reads forward past the files already written.
 */
public class FormFileReader extends AbstractItemCountingItemStreamItemReader<FormFile> {

    private final FormReader reader;
    private final List<InputFile> files;
    private int next;

    public FormFileReader(FormReader reader, List<InputFile> files) {
        this.reader = reader;
        this.files = List.copyOf(files);
        setName("formFiles");
    }

    @Override
    protected void doOpen() {
        next = 0;
    }

    @Override
    protected FormFile doRead() {
        if (next >= files.size()) {
            return null;
        }
        InputFile file = files.get(next++);
        try {
            return new FormFile(file.name(), reader.read(file.path(), file.name()), null);
        } catch (UnreadableFileException e) {
            return new FormFile(file.name(), null, e.getMessage());
        } catch (RuntimeException e) {
            // a damaged file can fail deep inside the parser in ways no check foresees: it must not stop the job
            return new FormFile(file.name(), null, "the file is damaged (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    /** Skipping forward on a restart need not parse the files already done. */
    @Override
    protected void jumpToItem(int itemIndex) {
        next = itemIndex;
    }

    @Override
    protected void doClose() {
        next = files.size();
    }
}
