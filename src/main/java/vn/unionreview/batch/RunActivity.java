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

/**
 * What the job was doing last: its step, and the file and row it was reading or writing. When a run
 * fails (the disk, the database, a fault of ours), the console names this place; run.log has the rest.
 * Runs go one at a time in a process, so one instance serves them all.
 */
@Component
public class RunActivity implements StepExecutionListener, ItemReadListener<Object>, ItemWriteListener<Object> {

    private volatile String step = "";
    private volatile String lastRead;
    private volatile String writing;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution.getStepName();
        lastRead = null;
        writing = null;
    }

    @Override
    public void afterRead(Object item) {
        lastRead = where(item);
        writing = null;
    }

    @Override
    public void beforeWrite(Chunk<?> items) {
        List<?> list = items.getItems();
        writing = list.isEmpty() ? null : list.size() == 1 ? where(list.get(0))
                : where(list.get(0)) + " to " + where(list.get(list.size() - 1));
    }

    @Override
    public void afterWrite(Chunk<?> items) {
        writing = null;
    }

    /** "step ingest, writing tables/a.csv row 2 to tables/a.csv row 501", or as much of it as is known. */
    public String describe() {
        String at = writing != null ? ", writing " + writing : lastRead != null ? ", after reading " + lastRead : "";
        return "step " + step + at;
    }

    private static String where(Object item) {
        if (item instanceof TableRow row) {
            return row.layout().file() + (row.row() != null ? " row " + row.row().number() : "");
        }
        if (item instanceof IngestRecord record) {
            return record.file() + (record.row() > 0 && record.source() == IngestRecord.Source.TABLE ? " row " + record.row() : "");
        }
        if (item instanceof InputFile file) {
            return file.displayName();
        }
        return String.valueOf(item);
    }
}
