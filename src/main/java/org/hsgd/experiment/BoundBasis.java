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
    RunSettings settings = spec.run();
    if (settings.weighting() != RunSettings.Weighting.UNIFORM) {
      return new Unavailable(
          "weighting: samples; the closed-form and numeric bounds are derived for uniform weights,"
              + " f = (1/n) sum_j F_j, and are not applied to sample-weighted runs (the measured"
              + " sandwich still is)");
    }
    if (spec.constants() == ConstantsSpec.EXACT && run.exactConstants().isEmpty()) {
      return new Unavailable(
          "L, sigma^2, Delta and eps_k^2 are known exactly only for the quadratic problems");
    }
    if (spec.constants() == ConstantsSpec.ESTIMATED
        && !run.estimatedConstants().map(c -> Double.isFinite(c.initialGap())).orElse(false)) {
      return new Unavailable(
          "the constants were not estimated along this run, or its problem knows no lower bound"
              + " of f for Delta");
    }
    if (settings.partialParticipation()) {
      return new Unavailable("partial participation, which the theorem does not cover");
    }
    Optional<Hierarchy> hierarchy =
        run.variant().local()
            ? Optional.of(
                Hierarchy.localSgd(spec.topology().workers(), run.variant().periods().get(0)))
            : spec.topology().equalHierarchy();
    if (hierarchy.isEmpty()) {
      return new Unavailable("unequal groups: the theorem is stated for equal groups per level");
    }
    if (spec.constants() instanceof ConstantsSpec.Given g) {
      return new Available(
          new Scenario(
              hierarchy.get(), g.constants(), run.variant().local() ? g.localSgd() : g.hsgd()),
          true,
          g.label());
    }
    if (spec.constants() == ConstantsSpec.ESTIMATED) {
      EstimatedConstants e = run.estimatedConstants().get();
      return new Available(
          new Scenario(
              hierarchy.get(),
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
            hierarchy.get(),
            new ProblemConstants(c.smoothness(), c.noiseVariance(), c.initialGap()),
            Divergences.perLevel(
                c.divergencePerLevel().stream().mapToDouble(Double::doubleValue).toArray(),
                c.divergenceTotal())),
        c.initialGapIsUpperBound(),
        spec.constants().label());
  }
}
