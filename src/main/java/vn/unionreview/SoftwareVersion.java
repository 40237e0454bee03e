package vn.unionreview;

/** The software version, from the jar manifest (Maven writes it), for --version and provenance. */
public final class SoftwareVersion {

    private SoftwareVersion() {}

    public static String current() {
        String v = SoftwareVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
