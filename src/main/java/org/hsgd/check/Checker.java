package org.hsgd.check;

import java.util.ArrayList;
import java.util.List;
import org.hsgd.bounds.ConvergenceBound;
import org.hsgd.bounds.NumericBound;
import org.hsgd.bounds.NumericTerms;
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
    List<BoundValidityCheck.Row> rows = new ArrayList<>();
    for (Variant v : variants) {
      List<Run> mine = runsOf(runs, v.role());
      List<Scenario> scenarios = new ArrayList<>();
      String unavailable = null;
      for (Run r : mine) {
        BoundBasis basis = BoundBasis.of(r, spec.run());
        if (basis instanceof BoundBasis.Unavailable u) {
          unavailable = u.reason();
          break;
        }
        scenarios.add(((BoundBasis.Available) basis).scenario());
      }
      if (unavailable != null) {
        rows.add(BoundValidityCheck.Row.notApplicable(v.label(), "both", unavailable));
        continue;
      }
      rows.add(closedForm(v, mine, scenarios, spec.run(), settings));
      rows.add(numeric(v, mine, scenarios, spec.run(), settings));
    }
    return BoundValidityCheck.of(rows);
  }

  private static BoundValidityCheck.Row closedForm(
      Variant v, List<Run> runs, List<Scenario> scenarios, RunSettings run, CheckSettings s) {
    double[] bounds = new double[runs.size()];
    for (int i = 0; i < bounds.length; i++) {
      ConvergenceBound bound = ConvergenceBound.of(scenarios.get(i));
      if (!bound.admits(run.stepSize())) {
        return BoundValidityCheck.Row.notApplicable(
            v.label(),
            BoundValidityCheck.CLOSED_FORM,
            "gamma = "
                + run.stepSize()
                + " exceeds gamma_max = "
                + bound.stepSizeLimit()
                + ": no guarantee there");
      }
      bounds[i] = bound.total(run.stepSize(), run.iterations());
    }
    return row(v, BoundValidityCheck.CLOSED_FORM, bounds, runs, run, s);
  }

  private static BoundValidityCheck.Row numeric(
      Variant v, List<Run> runs, List<Scenario> scenarios, RunSettings run, CheckSettings s) {
    double[] bounds = new double[runs.size()];
    for (int i = 0; i < bounds.length; i++) {
      Scenario scenario = scenarios.get(i);
      if (scenario.hierarchy().topMergingPeriod() > NumericBound.MAX_TOP_PERIOD) {
        return BoundValidityCheck.Row.notApplicable(
            v.label(), BoundValidityCheck.NUMERIC, "P_top above " + NumericBound.MAX_TOP_PERIOD);
      }
      NumericTerms terms = NumericBound.of(scenario).terms(run.stepSize(), run.iterations());
      if (!terms.stepSizeValid()) {
        return BoundValidityCheck.Row.notApplicable(
            v.label(), BoundValidityCheck.NUMERIC, "gamma above 1/L: no guarantee there");
      }
      bounds[i] = terms.total();
    }
    return row(v, BoundValidityCheck.NUMERIC, bounds, runs, run, s);
  }

  private static BoundValidityCheck.Row row(
      Variant v, String bound, double[] bounds, List<Run> runs, RunSettings run, CheckSettings s) {
    double[] measured = runs.stream().mapToDouble(r -> r.trace().meanGradNormSq()).toArray();
    double[] exact =
        runs.stream().allMatch(r -> r.expectedMeanGradNormSq().isPresent())
            ? runs.stream().mapToDouble(r -> r.expectedMeanGradNormSq().getAsDouble()).toArray()
            : new double[0];
    return BoundValidityCheck.Row.of(
        v.label(),
        bound,
        bounds,
        measured,
        exact,
        run.gradientAverage() == RunSettings.GradientAverage.EVERY_ITERATION,
        s);
  }

  private static SandwichCheck sandwich(
      ExperimentSpec spec, List<Run> runs, CheckSettings settings) {
    if (!spec.sandwich()) {
      return SandwichCheck.notApplicable(
          "local SGD at P_1 and P_K were not run (compare: sandwich; not possible with partial"
              + " participation or a single period)");
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
