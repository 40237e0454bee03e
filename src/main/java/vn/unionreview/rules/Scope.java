package vn.unionreview.rules;

/** Where a quota or a share-based award is counted: inside each emulation bloc, or over all branches. */
public enum Scope {
    BLOC,
    ALL
}
