package org.hsgd.report;

/** A quantity measured along a run: its column in the tidy tables and its label in figures. */
public enum TraceMetric {
  LOSS("loss", "training loss f(u\u209c)"),
  TEST_ACCURACY("test_accuracy", "test accuracy"),
  TEST_LOSS("test_loss", "test loss"),
  GRAD_NORM_SQ("grad_norm_sq", "\u2016\u2207f(u\u209c)\u2016\u00b2");

  private final String column;
  private final String label;

  TraceMetric(String column, String label) {
    this.column = column;
    this.label = label;
  }

  /** The column of the tidy trace table, "test_accuracy". */
  public String column() {
    return column;
  }

  /** The axis label, with symbols. */
  public String label() {
    return label;
  }

  /** The metric whose column is {@code column}, or null. */
  public static TraceMetric byColumn(String column) {
    for (TraceMetric m : values()) {
      if (m.column.equals(column)) {
        return m;
      }
    }
    return null;
  }
}
