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
 * @param participationMode what workers left out of an aggregation do during its period
 */
public record RunSettings(
    long iterations,
    double stepSize,
    long evalEvery,
    List<Double> participation,
    GradientAverage gradientAverage,
    Weighting weighting,
    ParticipationMode participationMode)
    implements java.io.Serializable {

  /** With partial participation at a level: what its unsampled children do. */
  public enum ParticipationMode {
    /**
     * Every worker steps every iteration; at an aggregation, a random part of each group's children
     * is drawn, their models are averaged, and every member receives the average.
     */
    AVERAGE_SAMPLED,
    /**
     * FedAvg's: at the start of each period of the level, a random part of each group's children is
     * drawn; only their workers step during the period (the others stay idle, keeping their model),
     * and at its end the group's aggregate, over the children drawn, overwrites every member. An
     * aggregate is the weighted average over the children drawn of each child's own aggregate, each
     * child counting by its full weight.
     */
    IDLE_UNSAMPLED
  }

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
    java.util.Objects.requireNonNull(participationMode, "participationMode");
  }

  /** Full participation, time average over the checkpoints, uniform weights. */
  public RunSettings(long iterations, double stepSize, long evalEvery) {
    this(
        iterations,
        stepSize,
        evalEvery,
        Builder.ALL,
        Builder.AVERAGE,
        Builder.WEIGHTING,
        Builder.MODE);
  }

  /** T iterations at gamma, measured every evalEvery: the other settings at their defaults. */
  public static Builder builder(long iterations, double stepSize, long evalEvery) {
    return new Builder(iterations, stepSize, evalEvery);
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    return builder(iterations, stepSize, evalEvery)
        .participation(participation)
        .gradientAverage(gradientAverage)
        .weighting(weighting)
        .participationMode(participationMode);
  }

  /** The same settings with another weighting. */
  public RunSettings withWeighting(Weighting value) {
    return toBuilder().weighting(value).build();
  }

  /** The same settings with another participation mode. */
  public RunSettings withParticipationMode(ParticipationMode value) {
    return toBuilder().participationMode(value).build();
  }

  /** Whether unsampled workers stay idle through the periods of some level. */
  public boolean idleUnsampled() {
    return participationMode == ParticipationMode.IDLE_UNSAMPLED && partialParticipation();
  }

  /** Whether some level averages only part of its children. */
  public boolean partialParticipation() {
    return participation.stream().anyMatch(q -> q < 1);
  }

  /**
   * Builds {@link RunSettings}; its fields hold the defaults: full participation, the time average
   * over the checkpoints, uniform weights and, with partial participation, the sampled workers
   * averaged.
   */
  public static final class Builder {
    private static final List<Double> ALL = List.of();
    private static final GradientAverage AVERAGE = GradientAverage.CHECKPOINTS;
    private static final Weighting WEIGHTING = Weighting.UNIFORM;
    private static final ParticipationMode MODE = ParticipationMode.AVERAGE_SAMPLED;

    private long iterations;
    private double stepSize;
    private long evalEvery;
    private List<Double> participation = ALL;
    private GradientAverage gradientAverage = AVERAGE;
    private Weighting weighting = WEIGHTING;
    private ParticipationMode participationMode = MODE;

    private Builder(long iterations, double stepSize, long evalEvery) {
      this.iterations = iterations;
      this.stepSize = stepSize;
      this.evalEvery = evalEvery;
    }

    public Builder iterations(long value) {
      iterations = value;
      return this;
    }

    public Builder stepSize(double value) {
      stepSize = value;
      return this;
    }

    public Builder evalEvery(long value) {
      evalEvery = value;
      return this;
    }

    public Builder participation(List<Double> value) {
      participation = value;
      return this;
    }

    public Builder gradientAverage(GradientAverage value) {
      gradientAverage = value;
      return this;
    }

    public Builder weighting(Weighting value) {
      weighting = value;
      return this;
    }

    public Builder participationMode(ParticipationMode value) {
      participationMode = value;
      return this;
    }

    /**
     * @throws org.hsgd.InvalidInputException as the record's constructor
     */
    public RunSettings build() {
      return new RunSettings(
          iterations,
          stepSize,
          evalEvery,
          participation,
          gradientAverage,
          weighting,
          participationMode);
    }
  }
}
