package org.hsgd.bounds;

/**
 * The H-SGD bound between the local-SGD bounds with period P_1 (lower) and P_K (upper), all three
 * with the same n, constants and single-level eps^2 (THEORY.md, "Random grouping and the
 * sandwich").
 *
 * @param lower local SGD with period P_1
 * @param hsgd the hierarchy's own bound
 * @param upper local SGD with period P_K
 */
public record Sandwich(ConvergenceBound lower, ConvergenceBound hsgd, ConvergenceBound upper) {

  /**
   * Relative slack allowed in the order: the three bounds are sums of different floating-point
   * terms, so a mathematical equality (N = 1, N = n, I = G) may come out one rounding apart.
   */
  public static final double ORDER_TOLERANCE = 1e-12;

  /** The three bounds of a scenario. */
  public static Sandwich of(Scenario scenario) {
    Hierarchy h = scenario.hierarchy();
    return new Sandwich(
        ConvergenceBound.of(scenario.localSgd(h.bottomPeriod())),
        ConvergenceBound.of(scenario),
        ConvergenceBound.of(scenario.localSgd(h.topPeriod())));
  }

  /** Whether lower &lt;= middle &lt;= upper, up to {@link #ORDER_TOLERANCE}. */
  public static boolean ordered(double lower, double middle, double upper) {
    return lower <= middle * (1 + ORDER_TOLERANCE) && middle <= upper * (1 + ORDER_TOLERANCE);
  }

  /** Whether the three bounds are ordered at the same gamma and T. */
  public boolean holdsAt(double gamma, long iterations) {
    return ordered(
        lower.total(gamma, iterations),
        hsgd.total(gamma, iterations),
        upper.total(gamma, iterations));
  }

  /** Whether the three bounds, each minimised over its own admissible gamma, are ordered. */
  public boolean holdsAtOptimum(long iterations) {
    return ordered(lower.minimum(iterations), hsgd.minimum(iterations), upper.minimum(iterations));
  }
}
