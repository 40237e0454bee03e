package vn.unionreview.web;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's settings, {@code union-review.web.*} in config/application.yml: who may sign in, and what one upload
 * may bring. The input and output folders, and whether the console listens on the loopback address only, come from
 * {@code serve}.
 */
@ConfigurationProperties("union-review.web")
public record ConsoleSettings(
        List<User> users,
        @DefaultValue("input") Path inputDir,
        @DefaultValue("output") Path outputDir,
        @DefaultValue Upload upload,
        @DefaultValue("true") boolean loopback) {

    public ConsoleSettings {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * A person who may sign in: a name, a bcrypt hash of the password ({@code union-review password-hash}), and a role.
     */
    public record User(String name, String password, Role role) {}

    /** What the console lets each kind of user do. */
    public enum Role {
        /** Office staff: upload input, start runs, record decisions, publish. */
        STAFF,
        /** Leaders: read everything. */
        LEADER,
        /** Auditors: read everything, and replay a run to verify it. */
        AUDITOR
    }

    /**
     * Limits of one upload: the size of each file (a bigger one is refused, the others are taken), how many files at
     * once, and the whole request (past it the server refuses the upload before reading it).
     */
    public record Upload(
            @DefaultValue("50MB") org.springframework.util.unit.DataSize fileSize,
            @DefaultValue("1000") int files,
            @DefaultValue("2GB") org.springframework.util.unit.DataSize requestSize) {}
}
