package vn.unionreview.rules;

import java.math.BigDecimal;
import java.util.List;

import vn.unionreview.text.Text;

/** A criteria group (nhóm tiêu chí); its maximum is the sum of its criteria's maxima. */
public record Group(String id, Text title, List<Criterion> criteria) {

    public Group {
        criteria = List.copyOf(criteria);
    }

    public BigDecimal max() {
        return criteria.stream().map(Criterion::max).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
