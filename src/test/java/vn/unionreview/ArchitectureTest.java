package vn.unionreview;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The packages' shape, checked on the compiled classes: no two of the project's packages depend on
 * each other in a circle, and the scoring and ranking code (the contract auditors rely on) is plain
 * Java over the rule set, with no framework, no file or database access and no third-party library.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importTheProject() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vn.unionreview");
    }

    @Test
    void noPackageCycles() {
        slices().matching("vn.unionreview.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void scoringAndRankingArePlainJavaOverTheRuleSet() {
        noClasses().that().resideInAnyPackage("vn.unionreview.scoring..", "vn.unionreview.ranking..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.and(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages("vn.unionreview.scoring..",
                                "vn.unionreview.ranking..", "vn.unionreview.rules..", "java.lang..", "java.math..", "java.util.."),
                        com.tngtech.archunit.base.DescribedPredicate.not(com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                                vn.unionreview.text.Text.class))))
                // the rule set's bilingual names are plain values
                .because("the scoring contract is pure: no Spring, no I/O, no third-party code").check(classes);
    }
}
