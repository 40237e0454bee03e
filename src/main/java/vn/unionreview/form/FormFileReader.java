package vn.unionreview.form;

import java.util.List;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import vn.unionreview.ingest.InputFile;

/**
 * The forms folder, one file at a time in name order. Opening and parsing a file is the processor's
 * work, so that several forms are parsed at once. Keeps no checkpoint, like the table reader: a
 * restarted forms step starts over (see batch.StartOver).
 */
public class FormFileReader extends AbstractItemCountingItemStreamItemReader<InputFile> {

    private final List<InputFile> files;
    private int next;

    public FormFileReader(List<InputFile> files) {
        this.files = List.copyOf(files);
        setName("formFiles");
        setSaveState(false);
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
    protected void doClose() {
        next = files.size();
    }
}
