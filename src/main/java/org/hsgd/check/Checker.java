package org.hsgd.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hsgd.bounds.BoundKind;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Run;
import org.hsgd.experiment.RunBounds;
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
        List.of(
            theory(spec, runsOf(runs, Variant.Role.HSGD)),
            validity(spec, runs, variants, settings),
            sandwich(spec, runs, settings),
            timeAverages(spec, runs, variants)));
  }

  private static List<Run> runsOf(List<Run> runs, Variant.Role role) {
    return runs.stream().filter(r -> r.variant().role() == role).toList();
  }

  private static TheoryCheck theory(ExperimentSpec spec, List<Run> hsgd) {
    List<Long> seeds = new ArrayList<>();
    List<RunBounds> bounds = new ArrayList<>();
    for (Run r : hsgd) {
      RunBounds b = RunBounds.of(spec, r);
      if (!b.applies()) {
        return TheoryCheck.notApplicable(b.reason());
      }
      seeds.add(r.seed());
      bounds.add(b);
    }
    return TheoryCheck.of(seeds, bounds);
  }

  private static BoundValidityCheck validity(
      ExperimentSpec spec, List<Run> runs, List<Variant> variants, CheckSettings settings) {
    List<BoundValidityCheck.Row> rows = new ArrayList<>();
    String basis = "";
    for (Variant v : variants) {
      List<Run> mine = runsOf(runs, v.role());
      List<RunBounds> bounds = mine.stream().map(r -> RunBounds.of(spec, r)).toList();
      Optional<RunBounds> unavailable = bounds.stream().filter(b -> !b.applies()).findFirst();
      if (unavailable.isPresent()) {
        rows.add(
            BoundValidityCheck.Row.notApplicable(v.label(), "both", unavailable.get().reason()));
        continue;
      }
      basis = bounds.get(0).label();
      rows.add(row(v, BoundKind.CLOSED, bounds, mine, spec.run(), settings));
      rows.add(row(v, BoundKind.NUMERIC, bounds, mine, spec.run(), settings));
    }
    return BoundValidityCheck.of(rows, basis);
  }

  /** A bound of every seed's run against the measurements, if it is a guarantee on every seed. */
  private static BoundValidityCheck.Row row(
      Variant v,
      BoundKind kind,
      List<RunBounds> bounds,
      List<Run> runs,
      RunSettings run,
      CheckSettings s) {
    String name =
        kind == BoundKind.CLOSED ? BoundValidityCheck.CLOSED_FORM : BoundValidityCheck.NUMERIC;
    double[] values = new double[runs.size()];
    double[] measured = runs.stream().mapToDouble(r -> r.trace().meanGradNormSq()).toArray();
    for (int i = 0; i < values.length; i++) {
      RunBounds.Value bound = bounds.get(i).own(kind);
      // Beyond 1/L the numeric bound's recursion grows without meaning: no value is shown.
      if (Double.isNaN(bound.value()) || (kind == BoundKind.NUMERIC && !bound.guaranteed())) {
        return BoundValidityCheck.Row.notApplicable(v.label(), name, bound.reason());
      }
      if (!bound.guaranteed()) {
        double[] all = bounds.stream().mapToDouble(b -> b.own(kind).value()).toArray();
        return BoundValidityCheck.Row.beyondItsStepSize(
            v.label(), name, all, measured, bound.reason());
      }
      values[i] = bound.value();
    }
    double[] exact =
        runs.stream().allMatch(r -> r.expectedMeanGradNormSq().isPresent())
            ? runs.stream().mapToDouble(r -> r.expectedMeanGradNormSq().getAsDouble()).toArray()
            : new double[0];
    return BoundValidityCheck.Row.of(
        v.label(),
        name,
        values,
        measured,
        exact,
        run.gradientAverage() == RunSettings.GradientAverage.EVERY_ITERATION,
        s);
  }

  private static TimeAverageCheck timeAverages(
      ExperimentSpec spec, List<Run> runs, List<Variant> variants) {
    List<List<Run>> perVariant = new ArrayList<>();
    List<List<RunBounds>> bounds = new ArrayList<>();
    int hsgd = -1;
    for (int v = 0; v < variants.size(); v++) {
      List<Run> mine = runsOf(runs, variants.get(v).role());
      List<RunBounds> theirs = mine.stream().map(r -> RunBounds.of(spec, r)).toList();
      Optional<RunBounds> unavailable = theirs.stream().filter(b -> !b.applies()).findFirst();
      if (unavailable.isPresent()) {
        return TimeAverageCheck.notApplicable(unavailable.get().reason());
      }
      hsgd = variants.get(v).role() == Variant.Role.HSGD ? v : hsgd;
      perVariant.add(mine);
      bounds.add(theirs);
    }
    return TimeAverageCheck.of(
        variants.stream().map(Variant::label).toList(),
        perVariant,
        bounds,
        hsgd,
        spec.run().gradientAverage() == RunSettings.GradientAverage.EVERY_ITERATION);
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
