package vn.unionreview.run.workfiles;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

import vn.unionreview.ranking.BranchResult;
import vn.unionreview.result.ResultRow;
import vn.unionreview.rules.RuleSet;

/**
 * A branch's result as the run keeps it: the line every output reads, and the explanation that only ur_result holds.
 * Decimals have the four places of ur_result's columns, so a result reads the same from the work files as from either
 * database.
 */
public record StoredResult(ResultRow row, String explanation) {

    /** ur_result's decimal places (DECIMAL(14, 4)); a database rounds half up to them. */
    private static final int SCALE = 4;

    /** @param decision the number of the council meeting whose decision changed the result, or "" */
    public static StoredResult of(RuleSet rules, BranchResult r, String decision) {
        return new StoredResult(
                new ResultRow(
                        r.branch().code(),
                        r.branch().name(),
                        r.branch().bloc(),
                        stored(r.score().base()),
                        stored(r.score().bonus()),
                        stored(r.score().penalty()),
                        stored(r.score().total()),
                        rules.tiers().get(r.score().tierBeforeCaps()).id(),
                        rules.tiers().get(r.tier()).id(),
                        r.demotedByQuota(),
                        r.rankBloc(),
                        r.rankAll(),
                        String.join(";", r.awards()),
                        r.awardTie(),
                        stored(r.score().inflation()),
                        String.join(";", r.score().capsFired()),
                        decision,
                        rules.kindId(),
                        r.unit()),
                StoredText.cut(String.join("\n", r.explanation()), StoredText.EXPLANATION_MAX));
    }

    private static BigDecimal stored(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    void write(DataOutputStream out) throws IOException {
        ResultRow r = row;
        for (String s : new String[] {
            r.code(),
            r.name(),
            r.bloc(),
            r.base().toPlainString(),
            r.bonus().toPlainString(),
            r.penalty().toPlainString(),
            r.total().toPlainString(),
            r.tierBeforeCaps(),
            r.tier()
        }) {
            WorkFileFormat.writeText(out, s);
        }
        out.writeBoolean(r.demoted());
        out.writeInt(r.rankBloc());
        out.writeInt(r.rankAll());
        WorkFileFormat.writeText(out, r.award());
        out.writeBoolean(r.awardTie());
        WorkFileFormat.writeText(out, r.inflation().toPlainString());
        WorkFileFormat.writeText(out, r.caps());
        WorkFileFormat.writeText(out, r.decision());
        WorkFileFormat.writeText(out, r.kind());
        WorkFileFormat.writeText(out, r.unit());
        WorkFileFormat.writeText(out, explanation);
    }

    static StoredResult read(DataInputStream in, WorkFileFormat.Shared shared) throws IOException {
        return new StoredResult(
                new ResultRow(
                        WorkFileFormat.readText(in),
                        WorkFileFormat.readText(in),
                        shared.text(in),
                        shared.decimal(in),
                        shared.decimal(in),
                        shared.decimal(in),
                        shared.decimal(in),
                        shared.text(in),
                        shared.text(in),
                        in.readBoolean(),
                        in.readInt(),
                        in.readInt(),
                        shared.text(in),
                        in.readBoolean(),
                        shared.decimal(in),
                        shared.text(in),
                        shared.text(in),
                        shared.text(in),
                        shared.text(in)),
                WorkFileFormat.readText(in));
    }
}
