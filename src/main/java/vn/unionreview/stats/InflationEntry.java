package vn.unionreview.stats;

import java.math.BigDecimal;

/** A branch that gave itself more points than were verified (chạy theo thành tích), by how many. */
public record InflationEntry(String code, String name, String bloc, BigDecimal inflation) {}
