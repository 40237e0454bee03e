package vn.unionreview.cli;

import java.util.List;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

import vn.unionreview.text.Catalogue;

/**
 * The language the command line speaks: like the reports, the first of {@code union-review.report.languages} as
 * configured where the command runs (config/application.yml, environment variables, system properties, read the way
 * Spring Boot reads them), Vietnamese when nothing says; a command's {@code --lang} comes first.
 */
final class CommandLanguage {

    private CommandLanguage() {}

    static Catalogue of(List<String> languages) {
        return languages != null && !languages.isEmpty() ? Catalogue.of(languages.get(0)) : configured();
    }

    /**
     * Read once per process: the help and the command both speak it, and the configuration does not change meanwhile.
     */
    private static volatile Catalogue configured;

    static Catalogue configured() {
        Catalogue known = configured;
        if (known == null) {
            known = read();
            configured = known;
        }
        return known;
    }

    private static Catalogue read() {
        StandardEnvironment environment = new StandardEnvironment();
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        List<String> languages = Binder.get(environment)
                .bind("union-review.report.languages", Bindable.listOf(String.class))
                .orElse(List.of());
        return Catalogue.of(languages.isEmpty() ? "vi" : languages.get(0));
    }
}
