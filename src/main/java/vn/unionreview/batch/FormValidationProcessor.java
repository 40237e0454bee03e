package vn.unionreview.batch;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import vn.unionreview.form.FormFile;
import vn.unionreview.form.FormValidator;
import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;

/** The forms step's processor: a readable form is validated; an unreadable file becomes a file item saying why. */
class FormValidationProcessor implements ItemProcessor<FormFile, IngestRecord> {

    private final FormValidator validator;

    FormValidationProcessor(FormValidator validator) {
        this.validator = validator;
    }

    @Override
    public IngestRecord process(FormFile file) {
        if (file.form() == null) {
            return IngestRecord.fileItem(file.file(), "", IngestRecord.Source.FORM,
                    java.util.List.of(Problem.ofFile(Severity.REJECTED, file.file(), file.unreadable() + ": file skipped")));
        }
        return validator.validate(file.form());
    }
}
