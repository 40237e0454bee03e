package vn.unionreview.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import vn.unionreview.text.Text;

/**
 * An award proposal rule: the best {@code perBloc} branches of each bloc, or the best floor({@code maxShare} × scope
 * size) in {@code scope}, among those at {@code minTier} or better that hold none of the {@code excludes} awards.
 */
public record Award(
        String id,
        Text title,
        String minTier,
        Optional<Integer> perBloc,
        Optional<BigDecimal> maxShare,
        Scope scope,
        List<String> excludes) {

    public Award {
        excludes = List.copyOf(excludes);
    }

    /** How many branches one scope of {@code size} branches may propose. */
    public int allowed(int size) {
        return perBloc.orElseGet(() -> Quota.floorShare(maxShare.orElseThrow(), size));
    }

    /** Per-bloc awards are counted per bloc; share awards in their declared scope. */
    public Scope effectiveScope() {
        return perBloc.isPresent() ? Scope.BLOC : scope;
    }
}
