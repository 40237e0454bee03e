package vn.unionreview.batch;

import java.util.List;

import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;

import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.InputFile;
import vn.unionreview.ingest.TableRow;
import vn.unionreview.text.Message;

/**
 * What the job was doing last: its step, and the file and row it was reading or writing. When a run fails (the disk,
 * the database, a fault of ours), the console names this place; run.log has the rest. Each year's runs go one at a time
 * in their own context, so one instance serves them all.
 */
@Component
public class RunActivity implements StepExecutionListener, ItemReadListener<Object>, ItemWriteListener<Object> {

    // the items themselves: where they are is worked out only when a run fails, not for every row read
    private volatile String step = "";
    private volatile Object lastRead;
    private volatile Object firstWriting;
    private volatile Object lastWriting;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution.getStepName();
        lastRead = null;
        firstWriting = null;
    }

    @Override
    public void afterRead(Object item) {
        lastRead = item;
        firstWriting = null;
    }

    @Override
    public void beforeWrite(Chunk<?> items) {
        List<?> list = items.getItems();
        lastWriting = list.isEmpty() ? null : list.get(list.size() - 1);
        firstWriting = list.isEmpty() ? null : list.get(0);
    }

    @Override
    public void afterWrite(Chunk<?> items) {
        firstWriting = null;
    }

    /** "step ingest, writing tables/a.csv row 2 to tables/a.csv row 501", or as much of it as is known. */
    public Message describe() {
        Message step = Message.of("step.name", "step", this.step);
        Object first = firstWriting;
        Object read = lastRead;
        return first != null
                ? Message.of("run.at_writing", "step", step, "first", where(first), "last", where(lastWriting))
                : read != null
                        ? Message.of("run.at_reading", "step", step, "item", where(read))
                        : Message.of("run.at_step", "step", step);
    }

    /** A file's name, or a message naming the file and the row. */
    private static Object where(Object item) {
        if (item instanceof TableRow row) {
            return row.row() != null
                    ? Message.of(
                            "run.file_row",
                            "file",
                            row.layout().file(),
                            "row",
                            row.row().number())
                    : row.layout().file();
        }
        if (item instanceof IngestRecord record) {
            return record.row() > 0 && record.source() == IngestRecord.Source.TABLE
                    ? Message.of("run.file_row", "file", record.file(), "row", record.row())
                    : record.file();
        }
        if (item instanceof InputFile file) {
            return file.displayName();
        }
        return String.valueOf(item);
    }
}
