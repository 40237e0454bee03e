package vn.unionreview.scoring;

/** A grassroots union (CĐCS) as the year's registry lists it, with what it says of the branch's life. */
public record Branch(String code, String name, String bloc, BranchHistory history) {

    /** A branch whose registry row says nothing of its history. */
    public Branch(String code, String name, String bloc) {
        this(code, name, bloc, BranchHistory.NONE);
    }
}
