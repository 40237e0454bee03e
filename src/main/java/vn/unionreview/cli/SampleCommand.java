package vn.unionreview.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.unionreview.rules.RuleSetLoader;
import vn.unionreview.sample.SampleGenerator;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Speech;
import vn.unionreview.year.YearRules;

/** {@code sample}: writes the reproducible sample year (registry, consolidated tables and forms) from a seed. */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description =
                "Write a reproducible sample year: registry, consolidated tables and branch forms, with realistic faults.")
class SampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--year", defaultValue = "2025", description = "year (default: ${DEFAULT-VALUE})")
    int year;

    @Option(
            names = "--out",
            defaultValue = "input",
            description = "input folder to write <year>/ into (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "2025", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--rules", description = "rule set the forms are made from (default: config/rules/<year>.yaml)")
    Path rules;

    @Option(
            names = "--branches",
            description = "a synthetic province of N branches (about N/300 blocs) instead of the"
                    + " 63-branch sample; for load and restart tests")
    Integer branches;

    @Option(
            names = "--layout",
            defaultValue = "csv",
            description = "with --branches: csv or xlsx (one consolidated table) or forms"
                    + " (one form per branch) (default: ${DEFAULT-VALUE})")
    String layout;

    @Override
    public Integer call() throws Exception {
        Catalogue words = CommandLanguage.configured();
        Speech said = Speech.printing(spec.commandLine().getOut(), words);
        if (!Set.of("csv", "xlsx", "forms").contains(layout)) {
            Speech.printing(spec.commandLine().getErr(), words).say("sample.layout_values", "found", layout);
            return UnionReviewCli.USAGE;
        }
        Path rulesPath = YearRules.path(rules, year);
        if (Files.isDirectory(rulesPath)) {
            // the generator writes a year of one rule set; the sample year 2026, ruled by kind, is shipped as it is
            Speech.printing(spec.commandLine().getErr(), words)
                    .say("sample.one_rule_set", "folder", rulesPath.toString());
            return UnionReviewCli.USAGE;
        }
        Path dir = branches == null
                ? new SampleGenerator(seed)
                        .writeYear(out, year, RuleSetLoader.load(rulesPath).rules())
                : new SampleGenerator(seed)
                        .writeSynthetic(
                                out,
                                year,
                                branches,
                                layout,
                                layout.equals("forms")
                                        ? RuleSetLoader.load(rulesPath).rules()
                                        : null);
        said.say("sample.wrote", "folder", dir.toString());
        if (branches == null) {
            Path earlier = new SampleGenerator(seed).writeEarlierYear(out, year - 1);
            said.say("sample.wrote_earlier", "folder", earlier.toString());
        }
        return UnionReviewCli.OK;
    }
}
