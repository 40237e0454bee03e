package vn.unionreview.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.unionreview.runs.YearRules;
import vn.unionreview.form.FormTemplate;
import vn.unionreview.form.TablePrefill;
import vn.unionreview.ingest.InputFile;
import vn.unionreview.ingest.Registry;
import vn.unionreview.ingest.RegistryReader;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.RuleSetException;
import vn.unionreview.scoring.Branch;

/**
 * {@code template}: writes the self-assessment form generated from the year's rule set — blank,
 * for one branch, or one per registry branch (optionally prefilled from a consolidated table).
 */
@Command(name = "template", mixinStandardHelpOptions = true,
        header = "Write the branch self-assessment form (phiếu tự chấm điểm) of a year.",
        description = {"Write the branch self-assessment form (phiếu tự chấm điểm) generated from the year's rule set:",
                "blank, prefilled for one branch (--branch), or one per registry branch into a folder (--all),",
                "optionally with each branch's scores and facts from a consolidated table (--from-table).",
                "The file is xlsx, or Excel 97-2003 when --out ends in .xls (with --all: --format xls)."})
class TemplateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.Year year;

    @Option(names = "--rules", description = "rule set file (default: config/rules/<year>.yaml)")
    Path rules;

    @Option(names = "--out", required = true, paramLabel = "FILE|DIR", description = "the form file; with --all, the folder for the forms")
    Path target;

    @ArgGroup(exclusive = true)
    Which which = new Which();

    static class Which {
        @Option(names = "--branch", paramLabel = "CODE", description = "prefill this registry branch's code and name")
        String branch;

        @Option(names = "--all", description = "one form per registry branch, named <code>.xlsx")
        boolean all;
    }

    @Option(names = "--registry", paramLabel = "FILE", description = "branch registry (default: input/<year>/registry.csv or .xlsx)")
    Path registry;

    @Option(names = "--from-table", paramLabel = "TABLE", description = "with --all: prefill each form with its branch's row of this consolidated table")
    Path fromTable;

    @Option(names = "--format", defaultValue = "xlsx", description = "with --all: xlsx or xls (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSet ruleSet;
        try {
            ruleSet = YearRules.load(rules, year.value).rules();
        } catch (RuleSetException | YearRules.MissingException | YearRules.WrongYearException e) {
            err.println(e.getMessage());
            return UnionReviewCli.USAGE;
        }
        if (fromTable != null && !which.all) {
            err.println("--from-table needs --all: it writes one form per branch");
            return UnionReviewCli.USAGE;
        }
        if (!Set.of("xlsx", "xls").contains(format)) {
            err.println("--format takes xlsx or xls");
            return UnionReviewCli.USAGE;
        }
        FormTemplate template = new FormTemplate(ruleSet, year.value);
        if (!which.all && which.branch == null) {
            template.write(target, FormTemplate.Prefill.blank(), null);
            console.println("wrote the blank " + year.value + " form to " + target);
            return UnionReviewCli.OK;
        }
        List<Branch> branches = registry(err);
        if (branches == null) {
            return UnionReviewCli.USAGE;
        }
        if (which.branch != null) {
            String code = vn.unionreview.ingest.RowValidator.normalizeCode(which.branch);
            Branch branch = branches.stream().filter(b -> b.code().equals(code)).findFirst().orElse(null);
            if (branch == null) {
                err.println("branch " + code + " is not in the registry");
                return UnionReviewCli.USAGE;
            }
            template.write(target, FormTemplate.Prefill.branch(branch.code(), branch.name()), null);
            console.println("wrote the " + year.value + " form for " + branch.code() + " (" + branch.name() + ") to " + target);
            return UnionReviewCli.OK;
        }
        TablePrefill table = fromTable == null ? null
                : TablePrefill.read(ruleSet, branches.stream().map(Branch::code).collect(Collectors.toSet()), fromTable);
        Files.createDirectories(target);
        int prefilled = 0;
        for (Branch b : branches) {
            var submission = table == null ? null : table.submissions().get(b.code());
            template.write(target.resolve(b.code() + "." + format), submission == null ? FormTemplate.Prefill.branch(b.code(), b.name())
                    : FormTemplate.Prefill.of(b.code(), b.name(), submission), null);
            prefilled += submission == null ? 0 : 1;
        }
        if (table != null) {
            table.warnings().forEach(w -> console.println("  " + w));
            branches.stream().filter(b -> !table.submissions().containsKey(b.code()) && table.warnings().stream().noneMatch(w -> w.contains(b.code())))
                    .forEach(b -> console.println("  " + b.code() + ": no row in " + fromTable.getFileName() + " — its form is written without scores"));
        }
        console.printf("wrote %d forms to %s%s%n", branches.size(), target, table == null ? "" : " (" + prefilled + " prefilled from " + fromTable + ")");
        return UnionReviewCli.OK;
    }

    private List<Branch> registry(PrintWriter err) throws java.io.IOException {
        Path file = registry;
        if (file == null) {
            Path dir = Path.of("input", Integer.toString(year.value));
            file = Files.exists(dir.resolve("registry.csv")) ? dir.resolve("registry.csv") : dir.resolve("registry.xlsx");
        }
        if (!Files.isRegularFile(file)) {
            err.println("no registry at " + file + ": give one with --registry");
            return null;
        }
        Registry read;
        try {
            read = RegistryReader.read(InputFile.describe(file, file.getFileName().toString(), InputFile.Role.REGISTRY));
        } catch (vn.unionreview.ingest.InputException e) {
            err.println(e.getMessage());
            return null;
        }
        read.problems().forEach(p -> err.println("registry: " + p.where() + ": " + p.reason()));
        return read.branches();
    }
}
