package vn.unionreview.units;

import java.security.cert.X509Certificate;

/**
 * A union beneath the province, as {@code units.csv} names it: its code, its name (as its documents head them), and the
 * certificate its signatures must chain to (null when {@code units.csv} names none that could be read).
 */
public record Unit(String code, String name, X509Certificate certificate) {}
