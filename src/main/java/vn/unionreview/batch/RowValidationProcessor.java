package vn.unionreview.batch;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.RowValidator;
import vn.unionreview.ingest.TableRow;

/** Step 2's processor: validates each table row against the rules and the registry. */
class RowValidationProcessor implements ItemProcessor<TableRow, IngestRecord> {

    private final RowValidator validator;

    RowValidationProcessor(RowValidator validator) {
        this.validator = validator;
    }

    @Override
    public IngestRecord process(TableRow row) {
        return validator.validate(row);
    }
}
