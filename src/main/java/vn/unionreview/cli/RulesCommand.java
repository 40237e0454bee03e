package vn.unionreview.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import vn.unionreview.rules.FactCheck;
import vn.unionreview.rules.FactChecks;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.RuleSetException;
import vn.unionreview.rules.RuleSetFile;
import vn.unionreview.rules.RuleSetLoader;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Speech;

/** {@code rules check FILE}: validates a rule file and says what it holds, or every problem with its key path. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = "Work with rule set files.",
        subcommands = {RulesCommand.Check.class})
class RulesCommand {

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description =
                    "Validate a rule set file and the fact checks beside it (exit 0 when valid, 2 with every problem's key path when not).")
    static class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the rule file, e.g. config/rules/2025.yaml")
        Path file;

        @Override
        public Integer call() {
            Catalogue words = CommandLanguage.configured();
            Speech said = Speech.printing(spec.commandLine().getOut(), words);
            try {
                RuleSetFile loaded = RuleSetLoader.load(file);
                RuleSet rules = loaded.rules();
                said.say(
                        "rules.valid",
                        "file",
                        file.toString(),
                        "year",
                        String.valueOf(rules.year()),
                        "title",
                        rules.title());
                said.say(
                        "rules.counts",
                        "groups",
                        rules.groups().size(),
                        "criteria",
                        rules.criteria().size(),
                        "base_max",
                        rules.baseMax().stripTrailingZeros().toPlainString(),
                        "tiers",
                        rules.tiers().size(),
                        "tier_names",
                        String.join(
                                " > ",
                                rules.tiers().stream()
                                        .map(t -> t.id() + " " + t.title().in(words.lang()))
                                        .toList()),
                        "caps",
                        rules.caps().size(),
                        "quotas",
                        rules.quotas().size(),
                        "awards",
                        rules.awards().size());
                said.say("rules.sha", "sha", loaded.sha256());
                FactChecks checks = RuleSetLoader.loadChecks(file, rules);
                if (checks.path() != null) {
                    said.say(
                            "rules.checks",
                            "file",
                            checks.path().toString(),
                            "count",
                            checks.checks().size(),
                            "ids",
                            String.join(
                                    ", ",
                                    checks.checks().stream().map(FactCheck::id).toList()),
                            "sha",
                            checks.sha256());
                }
                return UnionReviewCli.OK;
            } catch (RuleSetException e) {
                Refusal.say(Speech.printing(spec.commandLine().getErr(), words), e);
                return UnionReviewCli.USAGE;
            }
        }
    }
}
