package vn.unionreview.web;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.unionreview.audit.ActivityLog;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSetException;
import vn.unionreview.run.RunKind;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Message;
import vn.unionreview.year.YearRules;

/** The first page (every year) and a year's page: its input files, uploads, runs and their progress. */
@Controller
class YearsController {

    /**
     * Input files listed on a year's page at most (10,000 forms would be a page nobody reads); files.csv has them all.
     */
    static final int INPUT_ROWS = 2000;

    private final Years years;
    private final Uploads uploads;
    private final ConsoleRuns runs;
    private final ActivityLog activity;
    private final RunIndex runIndex;
    private final ConsoleSettings settings;
    private final YearUnits units;

    YearsController(
            Years years,
            Uploads uploads,
            ConsoleRuns runs,
            ActivityLog activity,
            ConsoleSettings settings,
            RunIndex runIndex,
            YearUnits units) {
        this.runIndex = runIndex;
        this.units = units;
        this.years = years;
        this.uploads = uploads;
        this.runs = runs;
        this.activity = activity;
        this.settings = settings;
    }

    @GetMapping("/")
    String index(Model model) {
        model.addAttribute("years", years.all());
        model.addAttribute("runs", runs);
        return "index";
    }

    @GetMapping("/years/{year}")
    String year(@PathVariable int year, Model model) throws IOException {
        known(year);
        List<Years.Run> history = years.runs(year);
        Years.Year summary = years.year(year, history);
        model.addAttribute("year", summary);
        List<Years.InputEntry> inputs = years.inputs(year, summary.lastComplete());
        model.addAttribute("inputs", inputs.stream().limit(INPUT_ROWS).toList());
        model.addAttribute("inputsTotal", inputs.size());
        model.addAttribute("inputProblem", years.inputProblem(year));
        model.addAttribute("units", units.of(years.yearDir(year), year));
        model.addAttribute("history", history);
        boolean ownRun = runs.latest(year).map(p -> !p.finished()).orElse(false);
        model.addAttribute("running", runs.running(year));
        model.addAttribute(
                "runningElsewhere", ownRun ? null : runs.elsewhere(year).orElse(null));
        model.addAttribute("progress", runs.latest(year).orElse(null));
        RunIndex.Index last = summary.lastComplete() == null ? null : runIndex.of(summary.lastComplete());
        model.addAttribute("notSubmitted", last == null ? List.of() : last.notSubmitted());
        model.addAttribute("notSubmittedTotal", last == null ? 0 : last.notSubmittedTotal());
        model.addAttribute(
                "lastRunId",
                summary.lastComplete() == null ? null : summary.lastComplete().id());
        List<ActivityLog.Entry> actions = new ArrayList<>(activity.entries(year));
        Collections.reverse(actions);
        model.addAttribute("activity", actions.stream().limit(30).toList());
        model.addAttribute("maxFiles", settings.upload().files());
        return "year";
    }

    @PostMapping("/years/{year}/files")
    String upload(
            @PathVariable int year,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            RedirectAttributes redirect)
            throws IOException {
        known(year);
        List<MultipartFile> sent = files == null
                ? List.of()
                : files.stream()
                        .filter(f -> !f.isEmpty()
                                || f.getOriginalFilename() != null
                                        && !f.getOriginalFilename().isEmpty())
                        .toList();
        if (sent.isEmpty()) {
            redirect.addFlashAttribute("error", "upload.none");
        } else if (sent.size() > settings.upload().files()) {
            redirect.addFlashAttribute("error", "upload.tooMany");
            redirect.addFlashAttribute("errorArg", settings.upload().files());
        } else if (runs.running(year)) {
            redirect.addFlashAttribute("error", "upload.running");
        } else {
            RuleBook rules;
            try {
                rules = YearRules.load(null, year);
            } catch (RuleSetException | YearRules.Unusable e) {
                // files are judged against the year's rules: without them nothing can be told apart
                redirect.addFlashAttribute("runRefused", Message.of("run.cannot_start", "detail", e.problem()));
                return "redirect:/years/" + year;
            }
            List<Uploads.Outcome> outcomes = uploads.store(years.yearDir(year), rules, sent);
            String user = ConsoleAdvice.currentUser();
            for (Uploads.Outcome o : outcomes) {
                activity.record(
                        year,
                        user,
                        o.accepted() ? "upload" : "upload-refused",
                        null,
                        o.accepted() ? o.storedAs() : o.name(),
                        o.sha256(),
                        (o.accepted()
                                        ? Message.of(
                                                "activity.uploaded",
                                                "kind",
                                                o.kind().name().toLowerCase(Locale.ROOT),
                                                "replaced",
                                                o.replaced() ? "yes" : "no")
                                        : o.refusal())
                                .encode());
            }
            redirect.addFlashAttribute("uploaded", outcomes);
        }
        return "redirect:/years/" + year;
    }

    @PostMapping("/years/{year}/runs")
    String run(@PathVariable int year, @RequestParam RunKind kind, RedirectAttributes redirect) {
        known(year);
        try {
            runs.start(year, kind, ConsoleAdvice.currentUser());
        } catch (ConsoleRuns.RefusedException e) {
            redirect.addFlashAttribute("runRefused", e.reason());
        }
        return "redirect:/years/" + year + "#progress";
    }

    @GetMapping(path = "/years/{year}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter progress(@PathVariable int year, Locale locale) {
        return runs.latest(year)
                .map(p -> p.watch(Catalogue.of(locale.getLanguage())))
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run of " + year + " started here"));
    }

    /** A year the console knows: it has an input folder or a rule set. */
    private void known(int year) {
        if (year < 1900 || year > 2999 || !(years.hasRules(year) || Files.isDirectory(years.yearDir(year)))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no year " + year + " here");
        }
    }
}
