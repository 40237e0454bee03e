package vn.unionreview.cli;

import picocli.CommandLine.IVersionProvider;

import vn.unionreview.SoftwareVersion;

/** --version: the software version. */
public class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"union-review " + SoftwareVersion.current()};
    }
}
