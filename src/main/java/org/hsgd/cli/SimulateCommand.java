package org.hsgd.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.hsgd.Require;
import org.hsgd.bounds.BoundQuery;
import org.hsgd.bounds.BoundResult;
import org.hsgd.bounds.Divergences;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.ProblemConstants;
import org.hsgd.bounds.Scenario;
import org.hsgd.report.Outputs;
import org.hsgd.report.Plots;
import org.hsgd.report.Provenance;
import org.hsgd.report.Tables;
import org.hsgd.report.TraceReport;
import org.hsgd.sim.ExactConstants;
import org.hsgd.sim.Grouping;
import org.hsgd.sim.Measurement;
import org.hsgd.sim.Problem;
import org.hsgd.sim.QuadraticProblem;
import org.hsgd.sim.RandomStreams;
import org.hsgd.sim.RunSettings;
import org.hsgd.sim.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@code hsgd simulate}: runs H-SGD (and, with compare: sandwich, local SGD at P_1 and P_K). */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run H-SGD (and local SGD) on real problems and measure what the theory talks about.",
      "Reads a YAML config (see experiments/), measures loss, |grad f(u_t)|^2, test accuracy and the per-level divergences at u_t, and writes <variant>-seed<s>.csv with a .manifest.json beside each, once every run has finished."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment config (YAML)")
  Path config;

  @Option(
      names = "--seeds",
      paramLabel = "S",
      defaultValue = "1",
      description = "replicates: seeds seed, seed+1, ..., seed+S-1 (default 1)")
  int seeds;

  @Option(
      names = "--threads",
      paramLabel = "K",
      description = "worker threads (default: all cores); results do not depend on it")
  Integer threads;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "output folder (default: results/<name>)")
  Path out;

  /** One finished run. */
  private record Result(
      ExperimentSettings.Variant variant,
      long seed,
      Problem<?> problem,
      Grouping grouping,
      List<Measurement> trace) {}

  @Override
  public Integer call() {
    Require.atLeast("seeds", seeds, 1);
    ExperimentSettings experiment =
        ExperimentSettings.read(Settings.load(config, ExperimentSettings.KEYS));
    int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    RunSettings run = experiment.run().withThreads((int) Require.atLeast("threads", cores, 1));
    List<ExperimentSettings.Variant> variants = experiment.variants();
    var err = spec.commandLine().getErr();
    ProgressDisplay progress =
        new ProgressDisplay(
            err, System.console() != null, seeds * variants.size() * run.iterations());
    List<Result> results = new ArrayList<>();
    for (int r = 0; r < seeds; r++) {
      long seed = experiment.seed() + r;
      for (ExperimentSettings.Variant v : variants) {
        RandomStreams streams = new RandomStreams(seed);
        Problem<?> problem = experiment.problem(streams);
        Grouping grouping = experiment.grouping(v, problem, streams);
        progress.startRun(v.name() + " seed " + seed, results.size() * run.iterations());
        results.add(
            new Result(
                v,
                seed,
                problem,
                grouping,
                Simulation.run(problem, grouping, run, streams, progress)));
      }
    }
    progress.finish();
    write(experiment, run, results);
    return 0;
  }

  private void write(ExperimentSettings experiment, RunSettings run, List<Result> results) {
    String name = experiment.name(SweepCommand.baseName(config));
    Path dir = out != null ? out : Path.of("results", name);
    Map<Path, byte[]> files = new LinkedHashMap<>();
    Table summary =
        Table.create(
            "summary",
            StringColumn.create("run"),
            DoubleColumn.create("final_loss"),
            DoubleColumn.create("final_grad_norm_sq"),
            DoubleColumn.create("final_test_accuracy"),
            DoubleColumn.create("mean_grad_norm_sq"),
            DoubleColumn.create("bound"));
    for (Result r : results) {
      String base = r.variant().name() + "-seed" + r.seed();
      Path csv = dir.resolve(base + ".csv");
      files.put(
          csv, Tables.csv(TraceReport.table(base, r.trace())).getBytes(StandardCharsets.UTF_8));
      Map<String, Object> manifest =
          Provenance.manifest(
              "./hsgd simulate " + config + " --seeds " + seeds + " --out " + dir,
              experiment.settings().asMap(),
              List.of(csv.toString()));
      manifest.put("seed", r.seed());
      manifest.put("variant", r.variant().name());
      manifest.put("periods", java.util.Arrays.stream(r.variant().periods()).boxed().toList());
      manifest.put("groupSizesPerLevel", groupSizes(r.grouping()));
      manifest.put("threads", run.threads());
      manifest.put("problem", r.problem().describe());
      double measured = meanGradNormSq(r.trace(), run.iterations());
      manifest.put("measuredMeanGradNormSq", measured);
      Double bound = null;
      if (r.problem() instanceof QuadraticProblem q) {
        ExactConstants c = q.exactConstants(r.grouping());
        manifest.put("exactConstants", c);
        BoundResult b = bound(r.grouping(), c, run);
        if (b != null) {
          bound = b.total();
          manifest.put(
              "bound",
              Map.of(
                  "total",
                  b.total(),
                  "gammaMax",
                  b.stepSizeLimit(),
                  "stepSizeValid",
                  b.stepSizeValid(),
                  "deltaIsUpperBound",
                  c.initialGapIsUpperBound()));
        }
      }
      files.put(
          dir.resolve(base + ".manifest.json"),
          Outputs.json(manifest).getBytes(StandardCharsets.UTF_8));
      Measurement last = r.trace().get(r.trace().size() - 1);
      summary.stringColumn("run").append(base);
      summary.doubleColumn("final_loss").append(last.loss());
      summary.doubleColumn("final_grad_norm_sq").append(last.gradNormSq());
      summary.doubleColumn("final_test_accuracy").append(last.testAccuracy());
      summary.doubleColumn("mean_grad_norm_sq").append(measured);
      summary.doubleColumn("bound").append(bound == null ? Double.NaN : bound);
    }
    Map<String, List<List<Measurement>>> byVariant = new LinkedHashMap<>();
    results.forEach(
        r -> byVariant.computeIfAbsent(r.variant().name(), k -> new ArrayList<>()).add(r.trace()));
    Plots.render(TraceReport.gradientChart(name + ": |grad f(u_t)|^2", byVariant))
        .forEach((ext, bytes) -> files.put(dir.resolve("grad_norm_sq." + ext), bytes));
    Outputs.writeAll(files);
    var stdout = spec.commandLine().getOut();
    stdout.print(Tables.text(summary));
    stdout.println(
        "note: mean_grad_norm_sq averages |grad f(u_t)|^2 over the measured t < T (every t with eval-every: 1);"
            + " bound: THEORY.md's B with the problem's exact constants (quadratics with equal groups only)");
    files.keySet().forEach(p -> stdout.println("wrote " + p));
  }

  private static List<List<Integer>> groupSizes(Grouping g) {
    List<List<Integer>> sizes = new ArrayList<>();
    for (int k = 1; k <= g.levelCount(); k++) {
      List<Integer> level = new ArrayList<>();
      for (int i = 0; i < g.groupCount(k); i++) {
        level.add(g.members(k, i).length);
      }
      sizes.add(level);
    }
    return sizes;
  }

  /** Mean of |grad f(u_t)|^2 over the measured iterations t &lt; T. */
  private static double meanGradNormSq(List<Measurement> trace, long iterations) {
    return trace.stream()
        .filter(m -> m.iteration() < iterations)
        .mapToDouble(Measurement::gradNormSq)
        .average()
        .orElse(Double.NaN);
  }

  /** The H-SGD bound at the run's gamma and T from exact constants, if the groups are equal. */
  private static BoundResult bound(Grouping g, ExactConstants c, RunSettings run) {
    if (!g.equalGroups() || c.initialGap() <= 0) {
      return null;
    }
    int[] groups = new int[g.levelCount() - 1];
    long[] periods = new long[g.levelCount()];
    for (int k = 1; k <= g.levelCount(); k++) {
      periods[k - 1] = g.period(k);
      if (k < g.levelCount()) {
        groups[k - 1] = g.groupCount(k);
      }
    }
    Hierarchy h = Hierarchy.of(g.workers(), groups, periods);
    double[] eps = c.divergencePerLevel().stream().mapToDouble(Double::doubleValue).toArray();
    Scenario s =
        new Scenario(
            h,
            new ProblemConstants(c.smoothness(), c.noiseVariance(), c.initialGap()),
            Divergences.perLevel(eps, c.divergenceTotal()));
    return new BoundQuery(
            s, OptionalDouble.of(run.stepSize()), run.iterations(), OptionalDouble.empty(), true)
        .evaluate()
        .hsgd();
  }
}
