package vn.unionreview.form;

import java.util.List;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import vn.unionreview.ingest.InputFile;

/**
 * The forms folder, one file at a time in name order. Opening and parsing a file is the processor's
 * work, so that several forms are parsed at once. Restartable by item count, like the table reader:
 * a restart skips the files already written.
 */
public class FormFileReader extends AbstractItemCountingItemStreamItemReader<InputFile> {

    private final List<InputFile> files;
    private int next;

    public FormFileReader(List<InputFile> files) {
        this.files = List.copyOf(files);
        setName("formFiles");
    }

    @Override
    protected void doOpen() {
        next = 0;
    }

    @Override
    protected InputFile doRead() {
        return next < files.size() ? files.get(next++) : null;
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        next = itemIndex;
    }

    @Override
    protected void doClose() {
        next = files.size();
    }
}
