package vn.unionreview;

import static com.tngtech.archunit.base.DescribedPredicate.and;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import vn.unionreview.text.Text;

/**
 * The packages' shape, checked on the compiled classes: no two of the project's packages depend on each other in a
 * circle, at any depth (a sub-package is a package of its own: {@code run} and {@code run.launch} are two), and the
 * scoring and ranking code (the contract auditors rely on) is plain Java over the rule set, with no framework, no file
 * or database access and no third-party library.
 */
class ArchitectureTest {

    /** Each class in the slice of its own package, sub-packages included. */
    static final SliceAssignment EVERY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "every package of vn.unionreview, sub-packages included";
        }
    };

    private static JavaClasses project;

    @BeforeAll
    static void importTheProject() {
        project = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.unionreview");
    }

    @Test
    void noPackageCycles() {
        slices().assignedFrom(EVERY_PACKAGE).should().beFreeOfCycles().check(project);
    }

    @Test
    void whatARunIsCanBeAskedFromAnywhere() {
        // every package names a run's files through run.RunFile: run itself must use none of them
        classes()
                .that()
                .resideInAPackage("vn.unionreview.run")
                .should()
                .onlyDependOnClassesThat(resideInAnyPackage(
                        "vn.unionreview.run", "vn.unionreview.text", "java..", "org.slf4j..", "ch.qos.logback.."))
                .check(project);
    }

    @Test
    void scoringAndRankingArePlainJavaOverTheRuleSet() {
        noClasses()
                .that()
                .resideInAnyPackage("vn.unionreview.scoring..", "vn.unionreview.ranking..")
                .should()
                .dependOnClassesThat(and(
                        resideOutsideOfPackages(
                                "vn.unionreview.scoring..",
                                "vn.unionreview.ranking..",
                                "vn.unionreview.rules..",
                                "java.lang..",
                                "java.math..",
                                "java.util..",
                                // dates of a branch's life, and calendar months added to them
                                "java.time.."),
                        // the rule set's bilingual names are plain values
                        not(equivalentTo(Text.class))))
                .because("the scoring contract is pure: no Spring, no I/O, no third-party code")
                .check(project);
    }
}
