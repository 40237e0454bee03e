package vn.unionreview.ingest;

import java.util.List;

import vn.unionreview.scoring.Branch;

/** The branches expected to submit this year, and the registry rows that could not be used. */
public record Registry(List<Branch> branches, List<Problem> problems, int rowsRead) {

    public Registry {
        branches = List.copyOf(branches);
        problems = List.copyOf(problems);
    }
}
