package vn.unionreview.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.unionreview.audit.ActivityLog;
import vn.unionreview.audit.Manifest;
import vn.unionreview.run.RunFile;
import vn.unionreview.run.RunKind;
import vn.unionreview.text.Message;
import vn.unionreview.year.Publisher;

/**
 * A run's page (summary, tiers chart, rejected rows, not submitted, letters, council decisions, files, provenance), its
 * files to download, and what may be done to it: verify (auditors) and publish (staff).
 */
@Controller
class RunController {

    /** Rejected rows shown on the page at most; the whole list is rejected.csv. */
    static final int REJECTED_ROWS = 500;

    private static final Map<String, MediaType> TYPES = Map.of(
            "pdf",
            MediaType.APPLICATION_PDF,
            "png",
            MediaType.IMAGE_PNG,
            "svg",
            MediaType.valueOf("image/svg+xml"),
            "csv",
            MediaType.valueOf("text/csv;charset=UTF-8"),
            "txt",
            MediaType.valueOf("text/plain;charset=UTF-8"),
            "log",
            MediaType.valueOf("text/plain;charset=UTF-8"),
            "json",
            MediaType.APPLICATION_JSON,
            "xlsx",
            MediaType.valueOf("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            "docx",
            MediaType.valueOf("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    /** Shown in the browser; everything else is downloaded. */
    private static final Set<String> INLINE = Set.of("pdf", "png", "svg", "txt", "log");

    private final Years years;
    private final ActivityLog activity;
    private final RunIndex runIndex;
    private final ConsoleVerifications verifications;

    RunController(Years years, ActivityLog activity, ConsoleVerifications verifications, RunIndex runIndex) {
        this.runIndex = runIndex;
        this.years = years;
        this.activity = activity;
        this.verifications = verifications;
    }

    @GetMapping("/years/{year}/runs/{runId}")
    String run(
            @PathVariable int year,
            @PathVariable String runId,
            @RequestParam(required = false) String bloc,
            @RequestParam(required = false) String code,
            Model model)
            throws IOException {
        Years.Run run = find(year, runId);
        Path dir = run.dir();
        RunIndex.Index index = runIndex.of(run);
        Map<String, String> blocOf = index.blocOf();
        String wantedBloc = bloc == null || bloc.isBlank() ? null : bloc;
        String wantedCode = code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
        List<Map<String, String>> rejected = Years.rows(
                RunFile.REJECTED.in(dir),
                r -> (wantedBloc == null || wantedBloc.equals(blocOf.getOrDefault(r.get("code"), "")))
                        && (wantedCode == null
                                || r.getOrDefault("code", "")
                                        .toUpperCase(Locale.ROOT)
                                        .contains(wantedCode)),
                REJECTED_ROWS + 1);
        model.addAttribute("year", year);
        model.addAttribute("run", run);
        model.addAttribute("manifest", run.manifest());
        model.addAttribute(
                "summary",
                Files.isRegularFile(RunFile.SUMMARY.in(dir))
                        ? Files.readAllLines(RunFile.SUMMARY.in(dir), StandardCharsets.UTF_8)
                        : List.of());
        model.addAttribute("blocs", index.blocs());
        model.addAttribute("bloc", wantedBloc);
        model.addAttribute("code", code);
        model.addAttribute("rejected", rejected.stream().limit(REJECTED_ROWS).toList());
        model.addAttribute("rejectedMore", rejected.size() > REJECTED_ROWS);
        model.addAttribute("notSubmitted", index.notSubmitted());
        model.addAttribute("notSubmittedTotal", index.notSubmittedTotal());
        model.addAttribute("letters", index.letters());
        model.addAttribute("lettersTotal", index.lettersTotal());
        model.addAttribute("lettersFolder", RunFile.LETTERS.fileName());
        model.addAttribute("letterIndex", RunFile.LETTER_INDEX.fileName());
        model.addAttribute("shown", RunIndex.SHOWN);
        model.addAttribute(
                "files",
                index.files().stream()
                        .sorted(Comparator.comparing(RunController::listingOrder))
                        .toList());
        model.addAttribute(
                "hasTiersChart", Files.isRegularFile(RunFile.CHARTS.in(dir).resolve("tiers.png")));
        List<ActivityLog.Entry> activityOfYear = activity.entries(year);
        model.addAttribute("inputProvenance", inputProvenance(run, activityOfYear));
        model.addAttribute("provenance", actions(run, activityOfYear));
        model.addAttribute(
                "kind",
                run.manifest() == null ? null : RunKind.of(run.manifest().kind()));
        model.addAttribute("publications", years.publications(year));
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("verification", verifications.of(year, runId).orElse(null));
        return "run";
    }

    @GetMapping("/years/{year}/runs/{runId}/files/{*path}")
    ResponseEntity<FileSystemResource> file(
            @PathVariable int year, @PathVariable String runId, @PathVariable String path) throws IOException {
        Years.Run run = find(year, runId);
        Path file = inside(run.dir(), path.startsWith("/") ? path.substring(1) : path);
        String name = file.getFileName().toString();
        String extension =
                name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        return ResponseEntity.ok()
                .contentType(TYPES.getOrDefault(extension, MediaType.APPLICATION_OCTET_STREAM))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.builder(INLINE.contains(extension) ? "inline" : "attachment")
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(file));
    }

    @PostMapping("/years/{year}/runs/{runId}/verify")
    String verify(@PathVariable int year, @PathVariable String runId, RedirectAttributes redirect) {
        Years.Run run = find(year, runId);
        if (run.manifest() == null) {
            redirect.addFlashAttribute("actionError", "verify.incomplete");
            return "redirect:/years/" + year + "/runs/" + runId;
        }
        verifications.start(year, runId, run.manifest(), RunFile.MANIFEST.in(run.dir()), ConsoleAdvice.currentUser());
        return "redirect:/years/" + year + "/runs/" + runId + "#verify";
    }

    @PostMapping("/years/{year}/runs/{runId}/publish")
    String publish(
            @PathVariable int year,
            @PathVariable String runId,
            @RequestParam String number,
            @RequestParam String date,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect)
            throws IOException {
        find(year, runId);
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("publishError", Message.of("publish.bad_date", "date", date));
            return "redirect:/years/" + year + "/runs/" + runId + "#publish";
        }
        try {
            Publisher.Published published = Publisher.publish(
                    years.output(),
                    year,
                    runId,
                    number.strip(),
                    day,
                    reason == null || reason.isBlank() ? null : reason.strip(),
                    null,
                    null);
            activity.record(
                    year,
                    ConsoleAdvice.currentUser(),
                    "publish",
                    runId,
                    RunFile.DECISION_PDF.fileName(),
                    published.publication().decisionPdfSha256(),
                    published
                            .superseded()
                            .map(s -> Message.of(
                                    "activity.published_superseding",
                                    "number",
                                    published.publication().number(),
                                    "date",
                                    published.publication().date().toString(),
                                    "superseded",
                                    s.run(),
                                    "reason",
                                    reason))
                            .orElse(Message.of(
                                    "activity.published",
                                    "number",
                                    published.publication().number(),
                                    "date",
                                    published.publication().date().toString()))
                            .encode());
            redirect.addFlashAttribute("published", published.publication().number());
        } catch (Publisher.RefusedException e) {
            redirect.addFlashAttribute("publishError", e.reason());
            redirect.addFlashAttribute("supersedable", e.supersedable());
        }
        return "redirect:/years/" + year + "/runs/" + runId + "#publish";
    }

    private Years.Run find(int year, String runId) {
        Years.Run run = years.run(year, runId);
        if (run == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + runId + " of " + year);
        }
        return run;
    }

    /**
     * The file {@code relative} inside the run folder, or 404: never a name that climbs out of it, a hidden file, or a
     * link that leads elsewhere.
     */
    static Path inside(Path runDir, String relative) throws IOException {
        if (relative.isEmpty()
                || relative.contains("\\")
                || relative.contains("\0")
                || Stream.of(relative.split("/")).anyMatch(part -> part.isEmpty() || part.startsWith("."))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Path file = runDir.resolve(relative).normalize();
        if (!file.startsWith(runDir)
                || !Files.isRegularFile(file)
                || !file.toRealPath().startsWith(runDir.toRealPath())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return file;
    }

    /** The report and workbook first, then the other files, the charts last. */
    private static String listingOrder(String file) {
        int group = RunFile.of(file)
                .map(f -> switch (f) {
                    case REPORT, DECISION_PDF, DECISION_DOCX -> 0;
                    case RESULTS, WORKBOOK -> 1;
                    default -> f.isFolder() ? 3 : 2;
                })
                .orElse(file.contains("/") ? 3 : 2);
        return group + file;
    }

    /**
     * One input the run read (from its manifest) and the console upload that placed that file there before the run, if
     * any.
     */
    public record InputProvenance(String name, String sha256, ActivityLog.Entry upload) {}

    /**
     * The files the run read, exactly as its manifest lists them, each with the upload that put those bytes at that
     * path before the run started (the latest such; none for a file placed by hand). An upload after the run, of
     * another path, or of other bytes is never named.
     */
    static List<InputProvenance> inputProvenance(Years.Run run, List<ActivityLog.Entry> activity) {
        if (run.manifest() == null) {
            return List.of();
        }
        String started = activity.stream()
                .filter(e -> e.action().equals("run-started") && run.id().equals(e.run()))
                .map(ActivityLog.Entry::time)
                .findFirst()
                .orElse(run.written().truncatedTo(ChronoUnit.SECONDS).toString());
        List<InputProvenance> inputs = new ArrayList<>();
        for (Manifest.Archived input : run.manifest().inputs()) {
            if (Manifest.EARLIER_ROLE.equals(input.role())) {
                continue;
            }
            ActivityLog.Entry placed = null;
            for (ActivityLog.Entry e : activity) {
                if (e.action().equals("upload")
                        && input.name().equals(e.file())
                        && input.sha256().equals(e.sha256())
                        && e.time().compareTo(started) <= 0) {
                    placed = e;
                }
            }
            inputs.add(new InputProvenance(input.name(), input.sha256(), placed));
        }
        return inputs;
    }

    /** What was done to this run, by whom or what: started and ended (from anywhere), verified, published. */
    static List<ActivityLog.Entry> actions(Years.Run run, List<ActivityLog.Entry> activity) {
        return activity.stream()
                .filter(e -> run.id().equals(e.run()) && !e.action().startsWith("upload"))
                .toList();
    }
}
