package vn.unionreview.cli;

import picocli.CommandLine.IVersionProvider;

/** The software version, from the jar manifest (Maven sets it), for --version and provenance. */
public class Version implements IVersionProvider {

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"union-review " + current()};
    }
}
