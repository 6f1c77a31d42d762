package org.hsgd.sim;

import java.util.List;
import org.hsgd.Require;

/**
 * How to run: T iterations at step size gamma, measuring every evalEvery iterations (and at 0 and
 * T); per level, the fraction of children that take part in an aggregation; and where the time
 * average of |grad f(u_t)|^2 is taken. The thread count is not a setting: results do not depend on
 * it.
 *
 * @param iterations T
 * @param stepSize gamma
 * @param evalEvery iterations between checkpoints
 * @param participation per level k = 1..K, the fraction of children averaged (empty or all 1 = all:
 *     the plain average of the theory)
 * @param gradientAverage which t &lt; T the time average of |grad f(u_t)|^2 runs over
 * @param weighting how workers count in every average and in the objective
 */
public record RunSettings(
    long iterations,
    double stepSize,
    long evalEvery,
    List<Double> participation,
    GradientAverage gradientAverage,
    Weighting weighting)
    implements java.io.Serializable {

  /** How the workers count in every average, at every level, and in the objective f. */
  public enum Weighting {
    /** Each worker alike: f = (1/n) sum_j F_j, as the theory assumes. */
    UNIFORM,
    /**
     * Each worker by its number of samples, as FedAvg and the authors' code do: every average is
     * weighted by the samples under it, and f = sum_j (n_j / N) F_j.
     */
    SAMPLES
  }

  /** Where the time average (1/T) sum_t |grad f(u_t)|^2 is measured. */
  public enum GradientAverage {
    /**
     * Every t &lt; T: the quantity the theory bounds. Costs a full gradient per iteration, cheap
     * for the quadratics, a full pass over the data for classification.
     */
    EVERY_ITERATION,
    /** The checkpoints t &lt; T only (t = 0, evalEvery, 2 evalEvery, ...): an estimate. */
    CHECKPOINTS
  }

  /**
   * @throws org.hsgd.InvalidInputException if T or eval-every is below 1, gamma is not positive, or
   *     a participation fraction lies outside (0, 1]
   */
  public RunSettings {
    Require.atLeast("T", iterations, 1);
    Require.positive("gamma", stepSize);
    Require.atLeast("eval-every", evalEvery, 1);
    Require.that(
        evalEvery <= iterations,
        "eval-every",
        "must be at most T (otherwise only t = 0 is measured before T)",
        () -> "eval-every=" + evalEvery + ", T=" + iterations);
    participation = List.copyOf(participation);
    for (int k = 1; k <= participation.size(); k++) {
      double q = participation.get(k - 1);
      int level = k;
      Require.that(
          q > 0 && q <= 1,
          "participation",
          "must lie in (0, 1] at every level",
          () -> "level " + level + ": " + q);
    }
    java.util.Objects.requireNonNull(gradientAverage, "gradientAverage");
    java.util.Objects.requireNonNull(weighting, "weighting");
  }

  /** Uniform weights. */
  public RunSettings(
      long iterations,
      double stepSize,
      long evalEvery,
      List<Double> participation,
      GradientAverage gradientAverage) {
    this(iterations, stepSize, evalEvery, participation, gradientAverage, Weighting.UNIFORM);
  }

  /** Full participation, time average over the checkpoints, uniform weights. */
  public RunSettings(long iterations, double stepSize, long evalEvery) {
    this(iterations, stepSize, evalEvery, List.of(), GradientAverage.CHECKPOINTS);
  }

  /** The same settings with another weighting. */
  public RunSettings withWeighting(Weighting value) {
    return new RunSettings(iterations, stepSize, evalEvery, participation, gradientAverage, value);
  }

  /** Whether some level averages only part of its children. */
  public boolean partialParticipation() {
    return participation.stream().anyMatch(q -> q < 1);
  }
}
