package org.hsgd.report;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hsgd.check.Numbers;
import org.hsgd.experiment.Run;
import org.hsgd.sim.EstimatedConstants;

/**
 * The constants estimated along an experiment's runs, for its report and check.json: their range
 * over the runs, how they were made, and what they are worth.
 */
final class EstimatesReport {
  /** What every report of estimates says. */
  static final String CAVEAT =
      "estimates from the points the runs visited, not guarantees: L, sigma^2 and eps_k^2 are"
          + " suprema over all x that trajectory maxima can understate (Delta is an upper bound),"
          + " so a bound from them is a diagnostic";

  private EstimatesReport() {}

  /** The runs' estimates by run, with how they were made; empty where none were estimated. */
  static Map<String, Object> json(List<Run> runs) {
    Map<String, Object> byRun = new LinkedHashMap<>();
    for (Run r : runs) {
      r.estimatedConstants().ifPresent(e -> byRun.put(RunReport.baseName(r), e));
    }
    if (byRun.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("statement", CAVEAT);
    json.put("runs", byRun);
    return json;
  }

  /** One line: each estimate's range over the runs, the method, and the caveat; empty if none. */
  static String note(List<Run> runs) {
    List<EstimatedConstants> all =
        runs.stream().flatMap(r -> r.estimatedConstants().stream()).toList();
    if (all.isEmpty()) {
      return "";
    }
    EstimatedConstants.Method m = all.get(0).method();
    List<String> parts = new ArrayList<>();
    parts.add("L = " + range(all, EstimatedConstants::smoothness));
    parts.add(
        "sigma^2 = " + range(all, EstimatedConstants::noiseVariance) + " (" + m.noise() + ")");
    parts.add(
        "Delta = "
            + range(all, EstimatedConstants::initialGap)
            + " (f(u_0) - "
            + Numbers.number(m.lossLowerBound())
            + ")");
    parts.add("eps^2 = " + range(all, EstimatedConstants::divergenceTotal));
    return "the bounds use constants estimated along each run, "
        + String.join(", ", parts)
        + " over the runs; L by Lanczos on Hessian-vector products (forward differences, h = "
        + Numbers.number(m.differenceStep())
        + " max(1, |x|)): "
        + m.firstSteps()
        + " steps at the first of "
        + m.points()
        + " points, "
        + m.laterSteps()
        + " at each later one, "
        + m.hessianVectorProducts()
        + " products per worker; eps_k^2 over "
        + m.checkpoints()
        + " checkpoints; "
        + CAVEAT;
  }

  private static String range(
      List<EstimatedConstants> all, ToDoubleFunction<EstimatedConstants> value) {
    DoubleSummaryStatistics s = all.stream().mapToDouble(value).summaryStatistics();
    return s.getMin() == s.getMax()
        ? Numbers.number(s.getMin())
        : Numbers.number(s.getMin()) + " to " + Numbers.number(s.getMax());
  }
}
