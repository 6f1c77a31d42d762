package org.hsgd.bounds;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hsgd.Require;

/**
 * The numeric bound of a scenario (../shared/NUMERIC_BOUND.md; derived in docs/theory.md, section
 * 8): the deviation recursion solved numerically over one top period instead of relaxed to a closed
 * form. Proven for every 0 &lt; gamma &lt;= 1/L, never above {@link ConvergenceBound} where that
 * applies; one evaluation costs O(P_top K) whatever T. Immutable.
 */
public final class NumericBound {
  /**
   * The largest P_top evaluated: the recursion keeps 2 P_top doubles (64 MiB at this size) and
   * costs O(P_top K) per evaluation.
   */
  public static final long MAX_TOP_PERIOD = 1L << 22;

  /** Points per decade of the step-size grid that brackets the minimiser. */
  private static final int GRID_PER_DECADE = 8;

  /** Decades below 1/L that the step-size search covers. */
  private static final int GRID_DECADES = 12;

  /** Relative tolerance of the Brent refinement of the optimal step size (on log gamma). */
  public static final double STEP_SIZE_TOLERANCE = 1e-10;

  private final double initialGap;
  private final double smoothness;
  private final double noisePerGamma; // L sigma^2 / n
  private final int topPeriod;
  private final long[] periods; // merging levels, bottom first
  private final double[] sigmaRootWeight; // sigma sqrt(w_k)
  private final double[] eps; // eps_k

  private NumericBound(Scenario s) {
    Hierarchy h = s.hierarchy();
    ProblemConstants c = s.constants();
    long top = h.topMergingPeriod();
    Require.that(
        top <= MAX_TOP_PERIOD,
        "periods",
        "must have P_top <= " + MAX_TOP_PERIOD + " for the numeric bound (its cost grows with it)",
        () -> "P_top=" + top);
    initialGap = c.initialGap();
    smoothness = c.smoothness();
    noisePerGamma = c.smoothness() * c.noiseVariance() / h.workers();
    topPeriod = (int) top;
    List<Integer> merging = new ArrayList<>();
    for (int k = 1; k <= h.levelCount(); k++) {
      if (h.merges(k)) {
        merging.add(k);
      }
    }
    periods = new long[merging.size()];
    sigmaRootWeight = new double[merging.size()];
    eps = new double[merging.size()];
    double sigma = Math.sqrt(c.noiseVariance());
    for (int i = 0; i < periods.length; i++) {
      int k = merging.get(i);
      periods[i] = h.period(k);
      double w = (double) (h.groups(k - 1) - h.groups(k)) / h.workers();
      sigmaRootWeight[i] = sigma * Math.sqrt(w);
      eps[i] = Math.sqrt(s.divergences().level(k));
    }
  }

  /**
   * The numeric bound of a scenario.
   *
   * @throws org.hsgd.InvalidInputException if P_top exceeds {@link #MAX_TOP_PERIOD}
   */
  public static NumericBound of(Scenario scenario) {
    return new NumericBound(scenario);
  }

  /** 1/L: the numeric bound holds for every 0 &lt; gamma &lt;= 1/L. */
  public double stepSizeLimit() {
    return 1 / smoothness;
  }

  /**
   * e_tau for tau = 0..P_top - 1: the bound on the deviation E_t = (1/n) sum_j E|x_j(t) - u_t|^2 at
   * every t = tau mod P_top (Lemma 4: the recursion restarts with every top aggregation).
   */
  public double[] deviation(double gamma) {
    return solve(gamma)[0];
  }

  /**
   * [e, prefix of e, prefix of sqrt(e)]: e_t = Z_1(t)^2 with Z_j = C_j + sqrt(b_j^2 + Z_{j+1}^2)
   * from the top merging level down, b_j = gamma (sigma sqrt(w_j tau_j) + tau_j eps_j) and C_j =
   * gamma L (sum of sqrt(e_s) over the steps s in level j's window and not in the window below).
   */
  private double[][] solve(double gamma) {
    double[] e = new double[topPeriod];
    double[] sumE = new double[topPeriod + 1];
    double[] sumRoot = new double[topPeriod + 1];
    double feedback = gamma * smoothness;
    for (int t = 0; t < topPeriod; t++) {
      double z = 0;
      for (int j = periods.length - 1; j >= 0; j--) {
        int tau = (int) (t % periods[j]);
        int tauBelow = j == 0 ? 0 : (int) (t % periods[j - 1]);
        double b = gamma * (sigmaRootWeight[j] * Math.sqrt(tau) + tau * eps[j]);
        double c = feedback * (sumRoot[t - tauBelow] - sumRoot[t - tau]);
        z = c + Math.sqrt(b * b + z * z);
      }
      e[t] = z * z;
      sumE[t + 1] = sumE[t] + e[t];
      sumRoot[t + 1] = sumRoot[t] + z;
    }
    return new double[][] {e, sumE, sumRoot};
  }

  /**
   * The bound and its parts at step size gamma and horizon T. Computed for any positive gamma; a
   * guarantee only for gamma &lt;= 1/L (above it, rho = 1 is used and the result is marked).
   *
   * @throws org.hsgd.InvalidInputException if gamma is not positive and finite or T &lt; 1
   */
  public NumericTerms terms(double gamma, long iterations) {
    Require.positive("gamma", gamma);
    Require.atLeast("T", iterations, 1);
    double[] sumE = solve(gamma)[1];
    double sum =
        (double) (iterations / topPeriod) * sumE[topPeriod] + sumE[(int) (iterations % topPeriod)];
    return refine(gamma, iterations, smoothness * smoothness * sum / iterations);
  }

  /**
   * [X + c2(rho) y] / c1(rho) at the optimal rho (docs/theory.md, 8.2), y a bound on L^2 (1/T) sum
   * E_t.
   */
  private NumericTerms refine(double gamma, long iterations, double y) {
    double x = 2 * initialGap / (gamma * iterations) + noisePerGamma * gamma;
    double q = 1 - gamma * smoothness;
    boolean valid = q >= 0;
    if (!valid || q == 0) {
      return new NumericTerms(gamma, valid, x, y, 1); // c1 = c2 = 1
    }
    if (y == 0) {
      return new NumericTerms(gamma, true, x / (1 + q), 0, 0); // the infimum as rho -> 0
    }
    double a = x + (1 - q) * y; // positive: (1 - q) y = gamma L y > 0
    double rho = Math.min(1, (-q * y + Math.sqrt(q * q * y * y + a * (1 + q) * y)) / a);
    double c1 = 1 + q * (1 - rho);
    double c2 = 1 + q * (1 / rho - 1);
    if ((x + c2 * y) / c1 > x + y) { // rounding: never worse than rho = 1
      return new NumericTerms(gamma, true, x, y, 1);
    }
    return new NumericTerms(gamma, true, x / c1, c2 * y / c1, rho);
  }

  /**
   * The bound with sum_{t&lt;T} e_t replaced by T a + D, a = the mean of e over a top period and D
   * = max over r &lt;= P of (sum_{tau&lt;r} e_tau - r a) &gt;= 0. Every T = m P + r has
   * sum_{t&lt;T} e_t = T a + (sum_{tau&lt;r} e_tau - r a) &lt;= T a + D, so this is an upper bound
   * on the bound itself; unlike it, it decreases in T (X and a + D/T both do), which makes the
   * smallest horizon well defined.
   */
  private double envelope(double gamma, long iterations, double[] sumE) {
    double a = sumE[topPeriod] / topPeriod;
    double excess = 0;
    for (int r = 0; r <= topPeriod; r++) {
      excess = Math.max(excess, sumE[r] - r * a);
    }
    double y = smoothness * smoothness * (a + excess / iterations);
    return refine(gamma, iterations, y).total();
  }

  /** The bound's total at gamma and T. */
  public double total(double gamma, long iterations) {
    return terms(gamma, iterations).total();
  }

  /**
   * The step size in (0, 1/L] minimising the bound at horizon T: the best point of a logarithmic
   * grid ({@value #GRID_PER_DECADE} points per decade over {@value #GRID_DECADES} decades below
   * 1/L), refined by Brent's method on log gamma between its grid neighbours to a relative
   * tolerance of {@value #STEP_SIZE_TOLERANCE}. The bound need not be unimodal in gamma; the grid
   * guards against a local minimum far from the global one.
   *
   * @throws org.hsgd.InvalidInputException if T &lt; 1
   */
  public double optimalStepSize(long iterations) {
    Require.atLeast("T", iterations, 1);
    return minimiser(gamma -> total(gamma, iterations));
  }

  /** The gamma in (0, 1/L] minimising a function of gamma: grid, then Brent on log gamma. */
  private double minimiser(java.util.function.DoubleUnaryOperator bound) {
    double top = Math.log(stepSizeLimit());
    int points = GRID_PER_DECADE * GRID_DECADES;
    double step = Math.log(10) / GRID_PER_DECADE;
    int best = 0;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int i = 0; i <= points; i++) {
      double value = bound.applyAsDouble(Math.exp(top - i * step));
      if (value < bestValue) {
        bestValue = value;
        best = i;
      }
    }
    double hi = top - Math.max(0, best - 1) * step;
    double lo = top - Math.min(points, best + 1) * step;
    var optimum =
        new BrentOptimizer(STEP_SIZE_TOLERANCE, 1e-14)
            .optimize(
                new MaxEval(500),
                new UnivariateObjectiveFunction(
                    g -> bound.applyAsDouble(Math.exp(Math.min(g, top)))),
                GoalType.MINIMIZE,
                new SearchInterval(lo, hi, top - best * step));
    double gamma = Math.exp(Math.min(optimum.getPoint(), top));
    return optimum.getValue() <= bestValue ? gamma : Math.exp(top - best * step);
  }

  /** Whether some T brings the bound at gamma to the target (it exceeds the limit as T grows). */
  public boolean canReach(double target, double gamma) {
    return target > envelope(gamma, ConvergenceBound.MAX_HORIZON, solve(gamma)[1]);
  }

  /**
   * The smallest T at which the bound, at a fixed gamma, reaches the target: found on the
   * decreasing envelope (see {@link #envelope}) by doubling and bisection, so the bound itself is
   * at or below the target there. The answer may exceed the first T at which the bound dips below
   * the target by the part of a top period that the envelope adds.
   *
   * @throws org.hsgd.InvalidInputException if the target is not positive, not above the limit of
   *     the bound as T grows at this gamma, or not reached within 2^62 iterations
   */
  public long smallestHorizon(double target, double gamma) {
    Require.positive("target", target);
    Require.positive("gamma", gamma);
    double[] sumE = solve(gamma)[1];
    double floor = envelope(gamma, ConvergenceBound.MAX_HORIZON, sumE);
    Require.that(
        target > floor,
        "target",
        "must exceed the numeric bound's limit as T grows at this gamma (" + floor + ")",
        () -> "target=" + target);
    return firstReaching(target, horizon -> envelope(gamma, horizon, sumE));
  }

  /**
   * The smallest T at which the bound, minimised over gamma in (0, 1/L], reaches the target: on the
   * envelope, as {@link #smallestHorizon(double, double)}.
   *
   * @throws org.hsgd.InvalidInputException if the target is not positive or not reached within 2^62
   *     iterations
   */
  public long smallestHorizon(double target) {
    Require.positive("target", target);
    return firstReaching(
        target,
        horizon -> {
          java.util.function.DoubleUnaryOperator bound =
              gamma -> envelope(gamma, horizon, solve(gamma)[1]);
          return bound.applyAsDouble(minimiser(bound));
        });
  }

  /** The first T at which a function decreasing in T is at most the target. */
  private static long firstReaching(
      double target, java.util.function.LongToDoubleFunction decreasing) {
    long reached = 1;
    while (decreasing.applyAsDouble(reached) > target) {
      Require.that(
          reached < ConvergenceBound.MAX_HORIZON,
          "target",
          "must be reachable within 2^62 iterations",
          () -> "target=" + target);
      reached *= 2;
    }
    long missed = reached / 2;
    while (reached - missed > 1) {
      long mid = missed + (reached - missed) / 2;
      if (decreasing.applyAsDouble(mid) <= target) {
        reached = mid;
      } else {
        missed = mid;
      }
    }
    return reached;
  }

  /** min over gamma in (0, 1/L] of the bound at T. */
  public double minimum(long iterations) {
    return total(optimalStepSize(iterations), iterations);
  }
}
