package vn.unionreview.batch;

import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import vn.unionreview.form.FormFile;
import vn.unionreview.form.FormReader;
import vn.unionreview.form.FormValidator;
import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.InputFile;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;
import vn.unionreview.text.Message;

/**
 * The forms step's processor: reads one file, validates the form in it and scores it when accepted; an unreadable file
 * becomes a file item saying why. Stateless, so the step runs it on several files at once.
 */
class FormValidationProcessor implements ItemProcessor<InputFile, IngestRecord> {

    private final FormReader reader;
    private final FormValidator validator;
    private final SubmissionScoring scoring;

    FormValidationProcessor(FormReader reader, FormValidator validator, SubmissionScoring scoring) {
        this.reader = reader;
        this.validator = validator;
        this.scoring = scoring;
    }

    @Override
    public IngestRecord process(InputFile input) {
        FormFile file = reader.readFile(input);
        if (file.form() == null) {
            return IngestRecord.fileItem(
                    file.file(),
                    "",
                    IngestRecord.Source.FORM,
                    List.of(Problem.ofFile(
                            Severity.REJECTED, file.file(), Message.of("form.skipped", "why", file.unreadable()))));
        }
        return scoring.score(validator.validate(file.form()));
    }
}
