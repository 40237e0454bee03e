package vn.unionreview.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

import vn.unionreview.files.AtomicFiles;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.run.RunFile;

/**
 * The province's letters to the units whose results its council returned (công văn trả lại kết quả thẩm định), one PDF
 * a unit under {@code returns/}: whose decision was appraised, the council's meeting and its reason in its own words,
 * that the unit's branches are not in the province's year until it publishes again, and by when. Vietnamese only, like
 * the letters to branches; the same run gives the same bytes.
 */
public final class ReturnLetterWriter {

    /**
     * A unit whose result is returned, as the run's units.csv lists it, with the council's reason.
     *
     * @param decisionDate the unit's decision's date, ISO
     */
    public record Returned(
            String code, String name, String bundle, String decision, String decisionDate, String reason) {

        /** The letter's file name under {@code returns/}. */
        public String fileName() {
            return code + ".pdf";
        }
    }

    private final RuleSet rules;
    private final ReportSettings settings;
    private final FeedbackSettings feedback;
    private final Labels labels = new Labels("vi");
    private final OfficialLayout layout;
    private final LocalDate date;
    private final String runName;

    /** @param rules the year's rule set, or in a year ruled by kind the first kind's: it names the year and issuer */
    public ReturnLetterWriter(
            RuleSet rules,
            ReportSettings settings,
            FeedbackSettings feedback,
            ReportFonts fonts,
            LocalDate date,
            String runName) {
        this.rules = rules;
        this.settings = settings;
        this.feedback = feedback;
        this.date = date;
        this.runName = runName;
        String issuingBody = OfficialLayout.issuingBody(settings, labels, rules);
        this.layout = new OfficialLayout(settings, labels, fonts.subsetting(), issuingBody);
    }

    /**
     * Writes a letter to each returned unit; a letter left from an earlier attempt of the run is replaced.
     *
     * @param meetingNumber the council's minutes
     */
    public void write(Path runDir, List<Returned> returned, String meetingNumber, LocalDate meetingDate)
            throws IOException {
        Path dir = RunFile.RETURNS.in(runDir);
        Files.createDirectories(dir);
        for (Returned unit : returned) {
            byte[] pdf = pdf(unit, meetingNumber, meetingDate);
            AtomicFiles.write(dir.resolve(unit.fileName()), out -> out.write(pdf));
        }
    }

    byte[] pdf(Returned unit, String meetingNumber, LocalDate meetingDate) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = OfficialLayout.a4();
        String subject = labels.get("return.subject", rules.year());
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(layout.pageNumbers());
            layout.fixMetadata(doc, writer, subject, "union-review", runName + "/returns/" + unit.code());
            doc.open();
            OfficialLayout.fixDates(writer, date);
            layout.header(doc, feedback.documentNumber(), date, subject);
            Paragraph to = OfficialLayout.centered(
                    labels.get("return.to", unit.name()), layout.font(ReportFonts.Face.REGULAR, 14));
            to.setSpacingBefore(18);
            to.setSpacingAfter(10);
            doc.add(to);
            doc.add(layout.body(labels.get(
                    "return.opening",
                    rules.year(),
                    layout.issuingBody(),
                    unit.name(),
                    unit.decision(),
                    labels.date(unit.decisionDate()),
                    unit.bundle())));
            doc.add(layout.body(labels.get("return.decided", meetingNumber, labels.date(meetingDate.toString()))));
            Paragraph reason = layout.body(unit.reason());
            reason.setIndentationLeft(10 * OfficialLayout.MM);
            reason.setFirstLineIndent(0);
            doc.add(reason);
            doc.add(layout.body(labels.get("return.notTaken", layout.issuingBody(), rules.year())));
            layout.signature(
                    doc,
                    List.of(labels.get("letter.recipient")),
                    layout.body(labels.get(
                            "return.publishAgainBy",
                            labels.date(feedback.deadlineAfter(date).toString()))));
            doc.close();
        } catch (DocumentException e) {
            throw new IOException(
                    "the letter returning " + unit.code() + "'s result could not be laid out: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
