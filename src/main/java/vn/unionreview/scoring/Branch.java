package vn.unionreview.scoring;

/** A grassroots union (CĐCS) as the year's registry lists it. */
public record Branch(String code, String name, String bloc) {}
