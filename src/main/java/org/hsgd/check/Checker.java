package org.hsgd.check;

import java.util.ArrayList;
import java.util.List;
import org.hsgd.bounds.ConvergenceBound;
import org.hsgd.bounds.Scenario;
import org.hsgd.experiment.BoundBasis;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Run;
import org.hsgd.experiment.Variant;
import org.hsgd.sim.RunSettings;
import org.hsgd.sim.Trace;

/** Runs the three checks on the finished runs of an experiment. */
public final class Checker {
  private Checker() {}

  /**
   * Checks the runs of a spec (as {@link org.hsgd.experiment.ExperimentRunner} returns them).
   *
   * @throws org.hsgd.InvalidInputException if the runs do not match the spec's seeds and variants
   */
  public static CheckResult check(ExperimentSpec spec, List<Run> runs, CheckSettings settings) {
    List<Variant> variants = spec.variants();
    org.hsgd.Require.that(
        runs.size() == variants.size() * spec.seeds(),
        "runs",
        "must hold every variant of every seed",
        () -> runs.size() + " runs for " + variants.size() + " x " + spec.seeds());
    return new CheckResult(
        theory(spec, runsOf(runs, Variant.Role.HSGD)),
        validity(spec, runs, variants, settings),
        sandwich(spec, runs, settings));
  }

  private static List<Run> runsOf(List<Run> runs, Variant.Role role) {
    return runs.stream().filter(r -> r.variant().role() == role).toList();
  }

  private static TheoryCheck theory(ExperimentSpec spec, List<Run> hsgd) {
    List<Long> seeds = new ArrayList<>();
    List<Scenario> scenarios = new ArrayList<>();
    for (Run r : hsgd) {
      BoundBasis basis = BoundBasis.of(r, spec.run());
      if (basis instanceof BoundBasis.Unavailable u) {
        return TheoryCheck.notApplicable(u.reason());
      }
      seeds.add(r.seed());
      scenarios.add(((BoundBasis.Available) basis).scenario());
    }
    return TheoryCheck.of(seeds, scenarios, spec.run().stepSize(), spec.run().iterations());
  }

  private static BoundValidityCheck validity(
      ExperimentSpec spec, List<Run> runs, List<Variant> variants, CheckSettings settings) {
    RunSettings run = spec.run();
    List<BoundValidityCheck.Row> rows = new ArrayList<>();
    for (Variant v : variants) {
      List<Run> mine = runsOf(runs, v.role());
      double[] bounds = new double[mine.size()];
      double[] measured = new double[mine.size()];
      String unavailable = null;
      for (int s = 0; s < mine.size() && unavailable == null; s++) {
        BoundBasis basis = BoundBasis.of(mine.get(s), run);
        if (basis instanceof BoundBasis.Unavailable u) {
          unavailable = u.reason();
          break;
        }
        ConvergenceBound bound = ConvergenceBound.of(((BoundBasis.Available) basis).scenario());
        if (!bound.admits(run.stepSize())) {
          unavailable =
              "gamma = "
                  + run.stepSize()
                  + " exceeds gamma_max = "
                  + bound.stepSizeLimit()
                  + ": B is no guarantee there";
          break;
        }
        bounds[s] = bound.total(run.stepSize(), run.iterations());
        measured[s] = mine.get(s).trace().meanGradNormSq();
      }
      rows.add(
          unavailable != null
              ? BoundValidityCheck.Row.notApplicable(v.label(), unavailable)
              : BoundValidityCheck.Row.of(
                  v.label(),
                  bounds,
                  measured,
                  run.gradientAverage() == RunSettings.GradientAverage.EVERY_ITERATION,
                  settings));
    }
    return BoundValidityCheck.of(rows);
  }

  private static SandwichCheck sandwich(
      ExperimentSpec spec, List<Run> runs, CheckSettings settings) {
    if (!spec.sandwich()) {
      return SandwichCheck.notApplicable(
          "local SGD at P_1 and P_K were not run (compare: sandwich; not possible with partial"
              + " participation)");
    }
    List<Variant> variants = spec.variants();
    return SandwichCheck.of(
        variants.stream().map(Variant::label).toList(),
        traces(runs, Variant.Role.LOCAL_BOTTOM),
        traces(runs, Variant.Role.HSGD),
        traces(runs, Variant.Role.LOCAL_TOP),
        settings);
  }

  private static List<Trace> traces(List<Run> runs, Variant.Role role) {
    return runsOf(runs, role).stream().map(Run::trace).toList();
  }
}
