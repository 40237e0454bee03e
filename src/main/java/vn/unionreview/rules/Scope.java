package vn.unionreview.rules;

/**
 * Where a quota or a share-based award is counted: inside each emulation bloc, over all branches the run rates itself,
 * or (awards only) over the whole province's year, the branches of the unions beneath it included. In a year without
 * units {@code PROVINCE} counts what {@code ALL} does.
 */
public enum Scope {
    BLOC,
    ALL,
    PROVINCE
}
