package vn.unionreview.rules;

import java.nio.file.Path;

/** A rule set together with the file it came from and that file's SHA-256, which identifies it. */
public record RuleSetFile(Path path, String sha256, RuleSet rules) {}
