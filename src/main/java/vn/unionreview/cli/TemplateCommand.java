package vn.unionreview.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.unionreview.form.FormTemplate;
import vn.unionreview.form.TablePrefill;
import vn.unionreview.ingest.BranchRules;
import vn.unionreview.ingest.InputException;
import vn.unionreview.ingest.InputFile;
import vn.unionreview.ingest.Registry;
import vn.unionreview.ingest.RegistryReader;
import vn.unionreview.ingest.RowValidator;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.RuleSetException;
import vn.unionreview.scoring.Branch;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Speech;
import vn.unionreview.year.YearRules;

/**
 * {@code template}: writes the self-assessment form generated from the year's rule set — blank, for one branch, or one
 * per registry branch (optionally prefilled from a consolidated table).
 */
@Command(
        name = "template",
        mixinStandardHelpOptions = true,
        header = "Write the branch self-assessment form (phiếu tự chấm điểm) of a year.",
        description = {
            "Write the branch self-assessment form (phiếu tự chấm điểm) generated from the year's rule set:",
            "blank, prefilled for one branch (--branch), or one per registry branch into a folder (--all),",
            "optionally with each branch's scores and facts from a consolidated table (--from-table).",
            "The file is xlsx, or Excel 97-2003 when --out ends in .xls (with --all: --format xls)."
        })
class TemplateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.Year year;

    @Option(
            names = "--rules",
            description =
                    "rule set file, or folder of rule sets by kind (default: config/rules/<year>.yaml or <year>/)")
    Path rules;

    @Option(
            names = "--kind",
            paramLabel = "KIND",
            description =
                    "in a year ruled by kind of branch, the kind of the blank form (a branch's form is its kind's)")
    String kind;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE|DIR",
            description = "the form file; with --all, the folder for the forms")
    Path target;

    @ArgGroup(exclusive = true)
    Which which = new Which();

    static class Which {
        @Option(names = "--branch", paramLabel = "CODE", description = "prefill this registry branch's code and name")
        String branch;

        @Option(names = "--all", description = "one form per registry branch, named <code>.xlsx")
        boolean all;
    }

    @Option(
            names = "--registry",
            paramLabel = "FILE",
            description = "branch registry (default: input/<year>/registry.csv or .xlsx)")
    Path registry;

    @Option(
            names = "--from-table",
            paramLabel = "TABLE",
            description = "with --all: prefill each form with its branch's row of this consolidated table")
    Path fromTable;

    @Option(
            names = "--format",
            defaultValue = "xlsx",
            description = "with --all: xlsx or xls (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() throws Exception {
        Catalogue words = CommandLanguage.configured();
        Speech said = Speech.printing(spec.commandLine().getOut(), words);
        Speech warned = Speech.printing(spec.commandLine().getErr(), words);
        RuleBook book;
        try {
            book = YearRules.load(rules, year.value);
        } catch (RuleSetException | YearRules.Unusable e) {
            Refusal.say(warned, e);
            return UnionReviewCli.USAGE;
        }
        if (fromTable != null && !which.all) {
            warned.say("template.from_table_needs_all");
            return UnionReviewCli.USAGE;
        }
        if (!Set.of("xlsx", "xls").contains(format)) {
            warned.say("template.format_values", "found", format);
            return UnionReviewCli.USAGE;
        }
        Map<RuleSet, FormTemplate> templates = new IdentityHashMap<>();
        book.sets().forEach(set -> templates.put(set, new FormTemplate(set, year.value)));
        String kinds =
                String.join(", ", book.sets().stream().map(RuleSet::kindId).toList());
        if (!which.all && which.branch == null) {
            if (book.byKind() && kind == null) {
                warned.say("template.kind_needed", "kinds", kinds);
                return UnionReviewCli.USAGE;
            }
            RuleSet ofKind = book.forKind(kind).orElse(null);
            if (ofKind == null) {
                warned.say("template.kind_unknown", "kind", kind, "kinds", kinds);
                return UnionReviewCli.USAGE;
            }
            templates.get(ofKind).write(target, FormTemplate.Prefill.blank(), null);
            said.say("template.wrote_blank", "year", String.valueOf(year.value), "file", target.toString());
            return UnionReviewCli.OK;
        }
        List<Branch> branches = registry(warned);
        if (branches == null) {
            return UnionReviewCli.USAGE;
        }
        if (which.branch != null) {
            String code = RowValidator.normalizeCode(which.branch);
            Branch branch = branches.stream()
                    .filter(b -> b.code().equals(code))
                    .findFirst()
                    .orElse(null);
            if (branch == null) {
                warned.say("template.not_in_registry", "branch", code);
                return UnionReviewCli.USAGE;
            }
            RuleSet ofKind = book.forKind(branch.kind()).orElse(null);
            if (ofKind == null) {
                warned.say("template.branch_kind_unknown", "branch", code, "kind", branch.kind(), "kinds", kinds);
                return UnionReviewCli.USAGE;
            }
            templates.get(ofKind).write(target, FormTemplate.Prefill.branch(branch.code(), branch.name()), null);
            said.say(
                    "template.wrote_branch",
                    "year",
                    String.valueOf(year.value),
                    "branch",
                    branch.code(),
                    "name",
                    branch.name(),
                    "file",
                    target.toString());
            return UnionReviewCli.OK;
        }
        TablePrefill table;
        try {
            table = fromTable == null
                    ? null
                    : TablePrefill.read(
                            BranchRules.of(
                                    book, branches.stream().collect(Collectors.toMap(Branch::code, Branch::kind))),
                            branches.stream().map(Branch::code).collect(Collectors.toSet()),
                            fromTable);
        } catch (InputException e) {
            warned.say(e.problem());
            return UnionReviewCli.USAGE;
        }
        Files.createDirectories(target);
        int prefilled = 0;
        int written = 0;
        for (Branch b : branches) {
            RuleSet ofKind = book.forKind(b.kind()).orElse(null);
            if (ofKind == null) {
                // a branch of no kind with rules has no form: the registry is what to fix
                warned.say("template.branch_kind_unknown", "branch", b.code(), "kind", b.kind(), "kinds", kinds);
                continue;
            }
            written++;
            var submission = table == null ? null : table.submissions().get(b.code());
            templates
                    .get(ofKind)
                    .write(
                            target.resolve(b.code() + "." + format),
                            submission == null
                                    ? FormTemplate.Prefill.branch(b.code(), b.name())
                                    : FormTemplate.Prefill.of(b.code(), b.name(), submission),
                            null);
            prefilled += submission == null ? 0 : 1;
        }
        if (table != null) {
            table.warnings().forEach(w -> said.say("cli.item", "line", w));
            branches.stream()
                    .filter(b -> !table.submissions().containsKey(b.code())
                            && table.warnings().stream()
                                    .noneMatch(w -> b.code().equals(w.args().get("code"))))
                    .forEach(b -> said.say(
                            "template.no_row",
                            "branch",
                            b.code(),
                            "table",
                            fromTable.getFileName().toString()));
        }
        said.say(
                "template.wrote_all",
                "forms",
                written,
                "folder",
                target.toString(),
                "prefilled",
                table == null ? -1 : prefilled,
                "table",
                String.valueOf(fromTable));
        return UnionReviewCli.OK;
    }

    private List<Branch> registry(Speech warned) throws IOException {
        Path file = registry;
        if (file == null) {
            Path dir = Path.of("input", Integer.toString(year.value));
            file = Files.exists(dir.resolve("registry.csv"))
                    ? dir.resolve("registry.csv")
                    : dir.resolve("registry.xlsx");
        }
        if (!Files.isRegularFile(file)) {
            warned.say("template.no_registry", "file", file.toString());
            return null;
        }
        Registry read;
        try {
            read = RegistryReader.read(
                    InputFile.describe(file, file.getFileName().toString(), InputFile.Role.REGISTRY));
        } catch (InputException e) {
            warned.say(e.problem());
            return null;
        }
        read.problems().forEach(p -> warned.say("template.registry_problem", "where", p.where(), "why", p.reason()));
        return read.branches();
    }
}
