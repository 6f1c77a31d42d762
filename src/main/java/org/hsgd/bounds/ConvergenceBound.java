package org.hsgd.bounds;

import org.hipparchus.analysis.solvers.BaseUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hsgd.InvalidInputException;
import org.hsgd.Require;

/**
 * The K-level H-SGD bound of a scenario (THEORY.md, Theorem), reduced to its coefficients:
 *
 * <pre>
 * B(gamma, T) = 2 Delta / (gamma T) + b gamma + (c_noise + c_div) gamma^2,  0 &lt; gamma &lt;= gamma_max
 * </pre>
 *
 * with b = L sigma^2 / n, c_noise = 2 L^2 sigma^2 sum_k (P_k - 1)(N_{k-1} - N_k) / n and c_div =
 * (4/3) L^2 sum_k (P_k - 1)(2 P_k - 1) eps_k^2, summed over the levels that merge. Local SGD and
 * two-level H-SGD are the same code with K = 1 and K = 2. Immutable.
 */
public final class ConvergenceBound {
  /** The largest horizon searched by {@link #smallestHorizon(double)}: 2^62 iterations. */
  public static final long MAX_HORIZON = 1L << 62;

  private static final int SOLVER_EVALUATIONS = 200;

  private final double initialGap;
  private final double noisePerGamma;
  private final double noiseDriftPerGamma2;
  private final double divergenceDriftPerGamma2;
  private final double stepSizeLimit;

  private ConvergenceBound(
      double initialGap,
      double noisePerGamma,
      double noiseDriftPerGamma2,
      double divergenceDriftPerGamma2,
      double stepSizeLimit) {
    this.initialGap = initialGap;
    this.noisePerGamma = noisePerGamma;
    this.noiseDriftPerGamma2 = noiseDriftPerGamma2;
    this.divergenceDriftPerGamma2 = divergenceDriftPerGamma2;
    this.stepSizeLimit = stepSizeLimit;
  }

  /** The bound of a scenario; levels that merge nothing are dropped (their terms are zero). */
  public static ConvergenceBound of(Scenario scenario) {
    Hierarchy h = scenario.hierarchy();
    ProblemConstants c = scenario.constants();
    double n = h.workers();
    double l = c.smoothness();
    double sigma2 = c.noiseVariance();
    double noiseWeight = 0; // sum_k (P_k - 1)(N_{k-1} - N_k) / n
    double divergenceWeight = 0; // sum_k (P_k - 1)(2 P_k - 1) eps_k^2
    for (int k = 1; k <= h.levelCount(); k++) {
      if (!h.merges(k)) {
        continue;
      }
      double p = h.period(k);
      noiseWeight += (p - 1) * (h.groups(k - 1) - h.groups(k)) / n;
      divergenceWeight += (p - 1) * (2 * p - 1) * scenario.divergences().level(k);
    }
    return new ConvergenceBound(
        c.initialGap(),
        l * sigma2 / n,
        2 * l * l * sigma2 * noiseWeight,
        4.0 / 3.0 * l * l * divergenceWeight,
        stepSizeLimit(l, h.topMergingPeriod()));
  }

  /** gamma_max = min(1/L, 1/(2 L sqrt(S))), S = P_top (P_top - 1); just 1/L when S = 0. */
  static double stepSizeLimit(double smoothness, long topMergingPeriod) {
    double s = (double) topMergingPeriod * (topMergingPeriod - 1);
    return s == 0 ? 1 / smoothness : Math.min(1 / smoothness, 1 / (2 * smoothness * Math.sqrt(s)));
  }

  /** gamma_max, the largest step size for which the bound is proven. */
  public double stepSizeLimit() {
    return stepSizeLimit;
  }

  /** Whether 0 &lt; gamma &lt;= gamma_max, so that the bound is a guarantee. */
  public boolean admits(double gamma) {
    return gamma > 0 && gamma <= stepSizeLimit;
  }

  /**
   * The four terms at step size gamma and horizon T. They are computed for any positive gamma; the
   * result is a guarantee only where {@link #admits(double)}.
   *
   * @throws InvalidInputException if gamma is not positive and finite or T &lt; 1
   */
  public BoundTerms terms(double gamma, long iterations) {
    Require.positive("gamma", gamma);
    Require.atLeast("T", iterations, 1);
    double gamma2 = gamma * gamma;
    return new BoundTerms(
        2 * initialGap / (gamma * iterations),
        noisePerGamma * gamma,
        noiseDriftPerGamma2 * gamma2,
        divergenceDriftPerGamma2 * gamma2);
  }

  /**
   * B(gamma, T) without checks or allocation, for sweeps; equals {@code terms(gamma, T).total()}.
   */
  public double total(double gamma, long iterations) {
    return 2 * initialGap / (gamma * iterations) + floor(gamma);
  }

  /**
   * Whether some T gives B(gamma, T) &lt;= target: the target lies above the noise and drift at
   * gamma.
   */
  public boolean canReach(double target, double gamma) {
    return target > floor(gamma);
  }

  /** The part of B that does not shrink with T: noise and drift terms at gamma. */
  private double floor(double gamma) {
    return noisePerGamma * gamma + (noiseDriftPerGamma2 + divergenceDriftPerGamma2) * gamma * gamma;
  }

  /**
   * The step size in (0, gamma_max] minimising B at horizon T: the positive root of 2 C gamma^3 + b
   * gamma^2 - 2 Delta / T = 0 (C the sum of the drift coefficients), or gamma_max if B still
   * decreases there. B is strictly convex in gamma, so the root is the unique minimiser.
   *
   * @throws InvalidInputException if Delta = 0: then B decreases to 0 as gamma goes to 0 and has no
   *     minimiser
   */
  public double optimalStepSize(long iterations) {
    Require.atLeast("T", iterations, 1);
    requirePositiveGap("an optimal step size");
    double c = noiseDriftPerGamma2 + divergenceDriftPerGamma2;
    double pull = 2 * initialGap / iterations;
    double gmax = stepSizeLimit;
    if (2 * c * gmax * gmax * gmax + noisePerGamma * gmax * gmax - pull <= 0) {
      return gmax;
    }
    // In u = gamma / gamma_max the root solves A u^3 + B u^2 = 1 on (0, 1), and lies where the
    // larger term is between 1/2 and 1: a bracket within a factor of sqrt 2, whatever the scale of
    // L, sigma^2 and Delta (the plain interval (0, gamma_max] spans hundreds of decades for some).
    double a = 2 * c * gmax * gmax * gmax / pull;
    double b = noisePerGamma * gmax * gmax / pull;
    double hi = Math.min(1, Math.min(Math.cbrt(1 / a), Math.sqrt(1 / b)));
    double lo = Math.min(Math.cbrt(0.5 / a), Math.sqrt(0.5 / b));
    org.hipparchus.analysis.UnivariateFunction h = u -> (a * u + b) * u * u - 1;
    if (!(lo < hi) || h.value(hi) <= 0) {
      return gmax * hi; // one term alone: hi is the root, up to rounding
    }
    if (h.value(lo) >= 0) {
      return gmax * lo;
    }
    BaseUnivariateSolver<org.hipparchus.analysis.UnivariateFunction> solver =
        new BracketingNthOrderBrentSolver(1e-15, Double.MIN_NORMAL, 0, 5);
    return gmax * solver.solve(SOLVER_EVALUATIONS, h, lo, hi);
  }

  /** min over gamma in (0, gamma_max] of B(gamma, T). */
  public double minimum(long iterations) {
    return total(optimalStepSize(iterations), iterations);
  }

  /**
   * The smallest T with min over gamma of B(gamma, T) &lt;= target. That minimum decreases in T and
   * tends to 0, so doubling then bisection finds it.
   *
   * @throws InvalidInputException if target is not positive, Delta = 0, or T would exceed 2^62
   */
  public long smallestHorizon(double target) {
    Require.positive("target", target);
    requirePositiveGap("the smallest horizon under the optimal step size");
    long reached = 1;
    while (minimum(reached) > target) {
      Require.that(
          reached < MAX_HORIZON,
          "target",
          "must be reachable within 2^62 iterations",
          () -> "target=" + target);
      reached *= 2;
    }
    long missed = reached / 2; // 0, or a horizon that misses the target
    while (reached - missed > 1) {
      long mid = missed + (reached - missed) / 2;
      if (minimum(mid) <= target) {
        reached = mid;
      } else {
        missed = mid;
      }
    }
    return reached;
  }

  /**
   * The smallest T with B(gamma, T) &lt;= target at a fixed step size.
   *
   * @throws InvalidInputException if the target is not above the part of B that does not shrink
   *     with T (noise and drift at this gamma), or T would exceed 2^62
   */
  public long smallestHorizon(double target, double gamma) {
    Require.positive("target", target);
    Require.positive("gamma", gamma);
    double floor = floor(gamma);
    Require.that(
        canReach(target, gamma),
        "target",
        "must exceed the noise and drift terms at this gamma ("
            + floor
            + "), which do not shrink with T",
        () -> "target=" + target);
    double estimate = Math.ceil(2 * initialGap / (gamma * (target - floor)));
    Require.that(
        estimate < MAX_HORIZON,
        "target",
        "must be reachable within 2^62 iterations",
        () -> "target=" + target);
    // The closed form can be off by rounding, by many steps when the target is just above the
    // floor. B decreases in T, so gallop away from the estimate to bracket the first T that
    // reaches the target, then bisect: O(log T) evaluations, exact for the computed B.
    long reached = Math.max(1, (long) estimate);
    for (long step = 1; total(gamma, reached) > target; step *= 2) {
      Require.that(
          reached <= MAX_HORIZON - step,
          "target",
          "must be reachable within 2^62 iterations",
          () -> "target=" + target);
      reached += step;
    }
    long missed = reached - 1; // 0 stands for "every T >= 1 reaches it"
    for (long step = 1; missed >= 1 && total(gamma, missed) <= target; step *= 2) {
      reached = missed;
      missed = Math.max(0, missed - step);
    }
    while (reached - missed > 1) {
      long mid = missed + (reached - missed) / 2;
      if (total(gamma, mid) <= target) {
        reached = mid;
      } else {
        missed = mid;
      }
    }
    return reached;
  }

  private void requirePositiveGap(String what) {
    Require.that(
        initialGap > 0,
        "delta",
        "must be positive for "
            + what
            + " (with delta = 0, B decreases to 0 as gamma -> 0 and has no minimiser: give a gamma)",
        () -> "delta=" + initialGap);
  }
}
