package vn.unionreview.units;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.unionreview.audit.ResultBundle;
import vn.unionreview.council.CouncilDecisions;
import vn.unionreview.text.Message;

/**
 * What a province takes from the unions beneath it: each bundle of {@code units/} checked ({@link BundleCheck}) as the
 * bundle of the unit its index names (by the unit's name as its documents head them); a unit that sent nothing is
 * missing; of two good bundles of one unit the later publication stands and the other is replaced; a bundle naming no
 * unit of the list is refused. Every bundle and every unit ends in one state, with its reason in words.
 */
public final class Intake {

    /** What became of a unit, or of a bundle that names none. */
    public enum State {
        ACCEPTED,
        REFUSED,
        MISSING,
        REPLACED,
        /** Accepted, then sent back by the province's council with what to correct: its branches are not taken. */
        RETURNED
    }

    /**
     * One line of the run's {@code units.csv}.
     *
     * @param unit the unit, or null for a bundle that names no unit of the list
     * @param bundle the bundle's file name, "" for a unit that sent nothing
     * @param checked the check of the bundle, null for a unit that sent nothing
     */
    public record Outcome(Unit unit, State state, Message reason, String bundle, BundleCheck.Checked checked) {}

    private final BundleCheck check;

    public Intake(BundleCheck check) {
        this.check = check;
    }

    /**
     * @param bundles the year's {@code units/*.zip}, in name order
     * @param work an empty folder to unpack bundles into
     * @return one outcome per bundle and per unit that sent none: units in the list's order, then bundles naming none
     */
    public List<Outcome> take(List<Unit> units, List<Path> bundles, Path work) throws IOException {
        Map<String, Unit> byName = new LinkedHashMap<>();
        units.forEach(u -> byName.put(key(u.name()), u));
        Map<Unit, List<Outcome>> byUnit = new LinkedHashMap<>();
        units.forEach(u -> byUnit.put(u, new ArrayList<>()));
        List<Outcome> strays = new ArrayList<>();
        int n = 0;
        for (Path bundle : bundles) {
            BundleCheck.Opened opened =
                    check.open(bundle, Files.createDirectories(work.resolve(Integer.toString(++n))));
            ResultBundle.Index index = opened.index();
            // the bundle says whose it is; its signature then has to be that unit's
            Unit claimed = index == null || index.issuingBody() == null
                    ? null
                    : byName.get(key(index.issuingBody().vi()));
            if (claimed == null) {
                // a bundle that cannot be read says why; one that can, names a body the list does not have
                Message reason = opened.refusal() != null
                        ? opened.refusal()
                        : Message.of(
                                "units.no_unit",
                                "file",
                                opened.file(),
                                "body",
                                index == null || index.issuingBody() == null
                                        ? ""
                                        : index.issuingBody().vi());
                strays.add(new Outcome(null, State.REFUSED, reason, opened.file(), null));
                continue;
            }
            BundleCheck.Checked checked = check.check(opened, claimed);
            byUnit.get(claimed)
                    .add(new Outcome(
                            claimed,
                            checked.accepted() ? State.ACCEPTED : State.REFUSED,
                            checked.reason(),
                            opened.file(),
                            checked));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<Unit, List<Outcome>> e : byUnit.entrySet()) {
            List<Outcome> sent = e.getValue();
            if (sent.isEmpty()) {
                outcomes.add(new Outcome(e.getKey(), State.MISSING, Message.of("units.missing"), "", null));
                continue;
            }
            Outcome standing = sent.stream()
                    .filter(o -> o.state() == State.ACCEPTED)
                    .max(Comparator.comparing((Outcome o) ->
                                    o.checked().index().publication().date())
                            .thenComparing(o -> o.checked().signedAt())
                            .thenComparing(Outcome::bundle))
                    .orElse(null);
            for (Outcome o : sent) {
                if (o.state() == State.ACCEPTED && o != standing) {
                    outcomes.add(new Outcome(
                            o.unit(),
                            State.REPLACED,
                            Message.of(
                                    "units.replaced",
                                    "file",
                                    o.bundle(),
                                    "by",
                                    standing.bundle(),
                                    "number",
                                    standing.checked().index().publication().number()),
                            o.bundle(),
                            o.checked()));
                } else {
                    outcomes.add(o);
                }
            }
        }
        outcomes.addAll(strays);
        return outcomes;
    }

    /**
     * The outcomes after the council's returns: each returned unit's standing bundle is returned, with the council's
     * reason; a return of a unit that is not in the list, or has no accepted bundle, is not applied and says why.
     *
     * @param meetingNumber the council's minutes, as the reason cites them
     * @param meetingDate their date, as the reason cites it (dd/MM/yyyy)
     */
    public static Returned returning(
            List<Outcome> outcomes, List<CouncilDecisions.Return> returns, String meetingNumber, String meetingDate) {
        List<Outcome> after = new ArrayList<>(outcomes);
        List<NotReturned> notApplied = new ArrayList<>();
        for (int i = 0; i < returns.size(); i++) {
            CouncilDecisions.Return r = returns.get(i);
            int at = -1;
            State state = null;
            for (int j = 0; j < after.size(); j++) {
                Outcome o = after.get(j);
                if (o.unit() != null && o.unit().code().equals(r.unit())) {
                    state = state == null || o.state() == State.ACCEPTED ? o.state() : state;
                    at = o.state() == State.ACCEPTED ? j : at;
                }
            }
            if (at < 0) {
                notApplied.add(new NotReturned(
                        i,
                        r,
                        state == null
                                ? Message.of("units.return_no_unit", "unit", r.unit())
                                : Message.of(
                                        "units.return_not_accepted",
                                        "unit",
                                        r.unit(),
                                        "state",
                                        state.name().toLowerCase(Locale.ROOT))));
                continue;
            }
            Outcome o = after.get(at);
            after.set(
                    at,
                    new Outcome(
                            o.unit(),
                            State.RETURNED,
                            Message.of(
                                    "units.returned",
                                    "meeting",
                                    meetingNumber,
                                    "date",
                                    meetingDate,
                                    "reason",
                                    r.reason()),
                            o.bundle(),
                            o.checked()));
        }
        return new Returned(after, notApplied);
    }

    /** The outcomes after the returns, and the returns that could not be applied. */
    public record Returned(List<Outcome> outcomes, List<NotReturned> notApplied) {}

    /** A return not applied: its place in the decisions file's {@code returns}, and why. */
    public record NotReturned(int index, CouncilDecisions.Return decision, Message why) {}

    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().toLowerCase(Locale.forLanguageTag("vi"));
    }
}
