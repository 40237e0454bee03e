package vn.unionreview.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import vn.unionreview.text.Speech;

/**
 * {@code password-hash}: the bcrypt hash of a password, for a user of the console in {@code union-review.web.users};
 * the password itself is never written in the configuration.
 */
@Command(
        name = "password-hash",
        mixinStandardHelpOptions = true,
        description = {
            "Print the bcrypt hash of a password for union-review.web.users[].password in config/application.yml.",
            "The password is asked for twice at the terminal, or read as one line from standard input."
        })
class PasswordHashCommand implements Callable<Integer> {

    static final int MIN_LENGTH = 10;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Speech warned = Speech.printing(spec.commandLine().getErr(), CommandLanguage.configured());
        String password;
        if (System.console() != null) {
            char[] first = System.console().readPassword("Password: ");
            char[] second = System.console().readPassword("Again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                warned.say("password.differ");
                return UnionReviewCli.USAGE;
            }
            password = new String(first);
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? "" : line;
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            warned.say("password.too_short", "min", MIN_LENGTH);
            return UnionReviewCli.USAGE;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            // bcrypt reads 72 bytes at most; a Vietnamese letter takes two or three
            warned.say("password.too_long");
            return UnionReviewCli.USAGE;
        }
        spec.commandLine().getOut().println(new BCryptPasswordEncoder().encode(password));
        return UnionReviewCli.OK;
    }
}
