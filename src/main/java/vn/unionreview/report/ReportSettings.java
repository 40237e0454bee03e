package vn.unionreview.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.unionreview.text.Text;

/**
 * How the leaders' report is headed and signed, from {@code union-review.report.*} in config/application.yml: issuer
 * names, document number, place, date, signer, recipients. None of it lives in code. The issuing body falls back to the
 * rule set's {@code issuer}.
 *
 * @param languages report languages: "vi" (report.pdf, results.xlsx), "en" (report-en.pdf, results-en.xlsx)
 * @param date the date printed on the report; when absent, the day the run was started
 * @param archive the archive note ending the recipients list: "- Lưu: VT, …"
 * @param appendixRows the most branches listed per bloc in the report's ranking appendices (default 30); the full
 *     ranking is always in results.xlsx and results.csv
 * @param awardRows the longest award list printed name by name (default 200); a longer one, at national size, is
 *     printed as counts per bloc, the names being in results.xlsx
 * @param fontDir a folder with Times New Roman (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf) to use instead of the
 *     bundled Liberation Serif
 * @param years a year's own letterhead, where it differs from the rest ({@code years: {2026: {issuing-body: …}}}):
 *     since 2025 a year may be reviewed by another body than the years before it; a run takes its year's
 *     ({@link #forYear})
 */
@ConfigurationProperties("union-review.report")
public record ReportSettings(
        List<String> languages,
        Text parentBody,
        Text issuingBody,
        String documentNumber,
        Text place,
        LocalDate date,
        Signer signer,
        Recipients recipients,
        String archive,
        Path fontDir,
        Integer appendixRows,
        Integer awardRows,
        Map<Integer, Letterhead> years) {

    public ReportSettings {
        languages = languages == null || languages.isEmpty() ? List.of("vi") : List.copyOf(languages);
        documentNumber = documentNumber == null ? "     /BC-CĐVC" : documentNumber;
        place = place == null ? new Text("…", "…") : place;
        signer = signer == null
                ? new Signer(
                        new Text("TM. BAN THƯỜNG VỤ", "FOR THE STANDING COMMITTEE"),
                        new Text("CHỦ TỊCH", "CHAIRPERSON"),
                        "")
                : signer;
        recipients = recipients == null ? new Recipients(List.of(), List.of()) : recipients;
        archive = archive == null ? "VT" : archive;
        appendixRows = appendixRows == null ? 30 : appendixRows;
        awardRows = awardRows == null ? 200 : awardRows;
    }

    public record Signer(Text authority, Text title, String name) {}

    /** What heads and signs a year's documents, where it is not the same as every year's; what is not given is. */
    public record Letterhead(
            Text parentBody,
            Text issuingBody,
            String documentNumber,
            Signer signer,
            Recipients recipients,
            String archive) {}

    /**
     * The settings a run of {@code year} uses: its year's letterhead in place of the rest, and no other year's (so that
     * a run records, and counts in its id, only what heads its own documents).
     */
    public ReportSettings forYear(int year) {
        Letterhead own = years == null ? null : years.get(year);
        if (own == null) {
            return years == null
                    ? this
                    : withYears(parentBody, issuingBody, documentNumber, signer, recipients, archive);
        }
        return withYears(
                own.parentBody() != null ? own.parentBody() : parentBody,
                own.issuingBody() != null ? own.issuingBody() : issuingBody,
                own.documentNumber() != null ? own.documentNumber() : documentNumber,
                own.signer() != null ? own.signer() : signer,
                own.recipients() != null ? own.recipients() : recipients,
                own.archive() != null ? own.archive() : archive);
    }

    private ReportSettings withYears(
            Text parentBody,
            Text issuingBody,
            String documentNumber,
            Signer signer,
            Recipients recipients,
            String archive) {
        return new ReportSettings(
                languages,
                parentBody,
                issuingBody,
                documentNumber,
                place,
                date,
                signer,
                recipients,
                archive,
                fontDir,
                appendixRows,
                awardRows,
                null);
    }

    public record Recipients(List<String> vi, List<String> en) {

        public Recipients {
            vi = vi == null ? List.of() : List.copyOf(vi);
            en = en == null ? List.of() : List.copyOf(en);
        }

        public List<String> in(String lang) {
            return "en".equals(lang) && !en.isEmpty() ? en : vi;
        }
    }
}
