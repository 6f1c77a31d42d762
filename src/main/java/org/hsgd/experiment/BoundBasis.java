package org.hsgd.experiment;

import java.util.Optional;
import org.hsgd.bounds.Divergences;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.ProblemConstants;
import org.hsgd.bounds.Scenario;
import org.hsgd.sim.EstimatedConstants;
import org.hsgd.sim.ExactConstants;
import org.hsgd.sim.RunSettings;

/**
 * The bridge from a run to the bound calculator: the scenario whose bound applies to the run, or
 * the reason why none does. {@link RunBounds} evaluates the bounds on it.
 */
sealed interface BoundBasis {

  /**
   * The run's scenario: its hierarchy and constants.
   *
   * @param initialGapIsUpperBound whether Delta is an upper bound (non-convex variant), which keeps
   *     the bound valid
   * @param label how a verdict on these constants is labelled ("given constants"); empty for the
   *     exact ones
   */
  record Available(Scenario scenario, boolean initialGapIsUpperBound, String label)
      implements BoundBasis {}

  /** Why the theorem says nothing about the run. */
  record Unavailable(String reason) implements BoundBasis {}

  /**
   * The basis of a run of {@code spec}: its hierarchy from the spec, its constants from the run.
   */
  static BoundBasis of(ExperimentSpec spec, Run run) {
    Optional<String> against = reasonAgainst(spec, run.variant());
    if (against.isPresent()) {
      return new Unavailable(against.get());
    }
    if (spec.constants() instanceof ConstantsSpec.Exact && run.exactConstants().isEmpty()) {
      return new Unavailable(
          "L, sigma^2, Delta and eps_k^2 are known exactly only for the quadratic problems");
    }
    if (spec.constants() instanceof ConstantsSpec.Estimated
        && spec.problem() instanceof ExternalSpec) {
      return new Unavailable(
          "runs imported from another program carry no estimates of L and sigma^2: give the"
              + " constants (a constants: block of L, sigma2, delta and eps2)");
    }
    if (spec.constants() instanceof ConstantsSpec.Estimated
        && !run.estimatedConstants().map(c -> Double.isFinite(c.initialGap())).orElse(false)) {
      return new Unavailable(
          "the constants were not estimated along this run, or its problem knows no lower bound"
              + " of f for Delta");
    }
    Hierarchy hierarchy = hierarchy(spec, run.variant()).orElseThrow();
    if (spec.constants() instanceof ConstantsSpec.Given g) {
      return new Available(
          new Scenario(hierarchy, g.constants(), run.variant().local() ? g.localSgd() : g.hsgd()),
          true,
          g.label());
    }
    if (spec.constants() instanceof ConstantsSpec.Estimated) {
      EstimatedConstants e = run.estimatedConstants().get();
      return new Available(
          new Scenario(
              hierarchy,
              new ProblemConstants(e.smoothness(), e.noiseVariance(), e.initialGap()),
              Divergences.perLevel(
                  e.divergencePerLevel().stream().mapToDouble(Double::doubleValue).toArray(),
                  e.divergenceTotal())),
          true,
          spec.constants().label());
    }
    ExactConstants c = run.exactConstants().get();
    return new Available(
        new Scenario(
            hierarchy,
            new ProblemConstants(c.smoothness(), c.noiseVariance(), c.initialGap()),
            Divergences.perLevel(
                c.divergencePerLevel().stream().mapToDouble(Double::doubleValue).toArray(),
                c.divergenceTotal())),
        c.initialGapIsUpperBound(),
        spec.constants().label());
  }

  /**
   * Why no bound applies to a variant of the spec whatever its constants (sample weights, partial
   * participation, unequal groups), or empty; the runner estimates no constants where one does.
   */
  static Optional<String> reasonAgainst(ExperimentSpec spec, Variant variant) {
    RunSettings settings = spec.run();
    if (settings.weighting() != RunSettings.Weighting.UNIFORM) {
      return Optional.of(
          "weighting: samples; the closed-form and numeric bounds are derived for uniform weights,"
              + " f = (1/n) sum_j F_j, and are not applied to sample-weighted runs (the measured"
              + " sandwich still is)");
    }
    if (settings.partialParticipation()) {
      return Optional.of("partial participation, which the theorem does not cover");
    }
    if (hierarchy(spec, variant).isEmpty()) {
      return Optional.of("unequal groups: the theorem is stated for equal groups per level");
    }
    return Optional.empty();
  }

  /** The variant's hierarchy: local SGD's one level, or the spec's equal groups. */
  private static Optional<Hierarchy> hierarchy(ExperimentSpec spec, Variant variant) {
    return variant.local()
        ? Optional.of(Hierarchy.localSgd(spec.topology().workers(), variant.periods().get(0)))
        : spec.topology().equalHierarchy();
  }
}
