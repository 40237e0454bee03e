package vn.unionreview.batch;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.RowValidator;
import vn.unionreview.ingest.TableRow;

/**
 * The ingest step's processor: validates each table row against the rules and the registry, and scores it when
 * accepted.
 */
class RowValidationProcessor implements ItemProcessor<TableRow, IngestRecord> {

    private final RowValidator validator;
    private final SubmissionScoring scoring;

    RowValidationProcessor(RowValidator validator, SubmissionScoring scoring) {
        this.validator = validator;
        this.scoring = scoring;
    }

    @Override
    public IngestRecord process(TableRow row) {
        return scoring.score(validator.validate(row));
    }
}
