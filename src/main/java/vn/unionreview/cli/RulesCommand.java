package vn.unionreview.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.RuleSetException;
import vn.unionreview.rules.RuleSetFile;
import vn.unionreview.rules.RuleSetLoader;

/** {@code rules check FILE}: validates a rule file and says what it holds, or every problem with its key path. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work with rule set files.",
        subcommands = {RulesCommand.Check.class})
class RulesCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a rule set file and the fact checks beside it (exit 0 when valid, 2 with every problem's key path when not).")
    static class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the rule file, e.g. config/rules/2025.yaml")
        Path file;

        @Override
        public Integer call() {
            try {
                RuleSetFile loaded = RuleSetLoader.load(file);
                RuleSet rules = loaded.rules();
                spec.commandLine().getOut().printf("%s: valid rule set for %d — %s%n", file, rules.year(), rules.title().vi());
                spec.commandLine().getOut().printf("  %d groups, %d criteria (base maximum %s), %d tiers (%s), %d caps, %d quotas, %d awards%n",
                        rules.groups().size(), rules.criteria().size(), rules.baseMax().stripTrailingZeros().toPlainString(),
                        rules.tiers().size(), String.join(" > ", rules.tiers().stream().map(t -> t.id()).toList()),
                        rules.caps().size(), rules.quotas().size(), rules.awards().size());
                spec.commandLine().getOut().printf("  SHA-256 %s%n", loaded.sha256());
                vn.unionreview.rules.FactChecks checks = RuleSetLoader.loadChecks(file, rules);
                if (checks.path() != null) {
                    spec.commandLine().getOut().printf("%s: %d fact check(s) (%s), SHA-256 %s%n", checks.path(), checks.checks().size(),
                            String.join(", ", checks.checks().stream().map(vn.unionreview.rules.FactCheck::id).toList()), checks.sha256());
                }
                return UnionReviewCli.OK;
            } catch (RuleSetException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return UnionReviewCli.USAGE;
            }
        }
    }
}
