package vn.unionreview.rules;

/** The type of a declared fact; fixes how its cell is parsed and which comparisons apply. */
public enum FactType {
    BOOLEAN,
    INTEGER,
    DECIMAL;

    public boolean numeric() {
        return this != BOOLEAN;
    }
}
