package vn.unionreview.scoring;

/**
 * A grassroots union (CĐCS) as the year's registry lists it, with what it says of the branch's life.
 *
 * @param kind the id of its kind of branch (loại hình), which picks the rule set that scores it in a year ruled by
 *     kind; "" when the registry does not say
 */
public record Branch(String code, String name, String bloc, String kind, BranchHistory history) {

    /** A branch whose registry row says nothing of its kind or history. */
    public Branch(String code, String name, String bloc) {
        this(code, name, bloc, "", BranchHistory.NONE);
    }
}
