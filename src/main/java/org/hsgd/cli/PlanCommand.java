package org.hsgd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hsgd.InvalidInputException;
import org.hsgd.Require;
import org.hsgd.bounds.BoundKind;
import org.hsgd.bounds.CostModel;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.Plan;
import org.hsgd.bounds.Planner;
import org.hsgd.bounds.ProblemConstants;
import org.hsgd.report.PlanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hsgd plan}: candidate hierarchies ranked by time to reach a target bound. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Candidate hierarchies ranked by the time their bound needs to reach a target.",
      "Divergences are the random-grouping split of eps2-total. Candidates come from the config: 'candidates:' (a list of {groups, periods}) and/or 'grid:' (every two-level {groups, local-period, global-period} combination). Flags override the config's keys."
    })
final class PlanCommand implements Callable<Integer> {
  static final Set<String> KEYS =
      Set.of(
          "n",
          "L",
          "sigma2",
          "delta",
          "eps2-total",
          "target",
          "step-seconds",
          "aggregation-seconds",
          "candidates",
          "grid",
          "top",
          "bound");
  private static final Set<String> CANDIDATE_KEYS =
      Set.of("groups", "periods", "local-period", "global-period");
  private static final Set<String> GRID_KEYS = Set.of("groups", "local-period", "global-period");

  @Spec CommandSpec spec;

  @Mixin ProblemOptions problemOptions;

  @Mixin ReportOptions reportOptions;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML with the candidates and any of the keys below")
  Path config;

  @Option(
      names = "--eps2-total",
      paramLabel = "NUM",
      description = "single-level divergence eps^2, split by random grouping")
  String divergence;

  @Option(names = "--target", paramLabel = "NUM", description = "bound to reach")
  String target;

  @Option(names = "--step-seconds", paramLabel = "NUM", description = "seconds per iteration")
  String stepSeconds;

  @Option(
      names = "--aggregation-seconds",
      paramLabel = "LIST",
      description = "seconds per aggregation, bottom level first, the last being global")
  String aggregationSeconds;

  @Option(names = "--top", paramLabel = "INT", description = "show only the first INT plans")
  String top;

  @Option(
      names = "--bound",
      paramLabel = "KIND",
      description = "the bound that must reach the target: closed (default) or numeric")
  String bound;

  @Override
  public Integer call() {
    Settings s = Inputs.settings(spec, config, KEYS);
    int n = s.smallInteger("n");
    ProblemConstants constants =
        new ProblemConstants(s.number("L"), s.number("sigma2"), s.number("delta"));
    CostModel cost =
        new CostModel(s.number("step-seconds"), boxed(s.numbers("aggregation-seconds")));
    List<Hierarchy> candidates = new ArrayList<>();
    int skipped = s.has("grid") ? grid(new Settings(s.map("grid")), n, candidates) : 0;
    if (s.has("candidates")) {
      listed(s.list("candidates"), n, candidates);
    }
    Require.that(
        !candidates.isEmpty(),
        "candidates",
        "must give at least one valid hierarchy (candidates: or grid:)",
        () -> "none");
    double goal = s.number("target");
    BoundKind kind = BoundSettings.kind(s);
    List<Plan> plans =
        Planner.rank(candidates, constants, s.number("eps2-total"), goal, cost, kind);
    if (s.has("top")) {
      plans =
          plans.subList(
              0, (int) Math.min(plans.size(), Require.atLeast("top", s.integer("top"), 1)));
    }
    String report = new PlanReport(plans, goal, cost, skipped, kind).render(reportOptions.format);
    reportOptions.emit(spec, report, s);
    return 0;
  }

  /** Adds every valid two-level grid combination; returns how many were not valid hierarchies. */
  private static int grid(Settings grid, int n, List<Hierarchy> candidates) {
    grid.requireKnown(GRID_KEYS, "grid");
    int skipped = 0;
    for (long groups : grid.integers("groups")) {
      for (long local : grid.integers("local-period")) {
        for (long global : grid.integers("global-period")) {
          try {
            candidates.add(Hierarchy.twoLevel(n, Math.toIntExact(groups), local, global));
          } catch (InvalidInputException | ArithmeticException e) {
            skipped++; // a grid is a product: combinations that are no hierarchy are expected
          }
        }
      }
    }
    return skipped;
  }

  private static void listed(List<Object> items, int n, List<Hierarchy> candidates) {
    for (int i = 0; i < items.size(); i++) {
      String field = "candidates[" + (i + 1) + "]";
      if (!(items.get(i) instanceof Map<?, ?> map)) {
        throw new InvalidInputException(
            field,
            "must be a map like {groups: [4], periods: [2, 16]}",
            String.valueOf(items.get(i)));
      }
      Settings candidate = new Settings(Settings.stringKeys(map));
      candidate.requireKnown(CANDIDATE_KEYS, field);
      try {
        candidates.add(BoundSettings.hierarchy(candidate.with("n", n)));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(field, "must be a valid hierarchy", e.getMessage());
      }
    }
  }

  private static List<Double> boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
