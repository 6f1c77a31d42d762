package org.hsgd.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hsgd.bounds.ConvergenceBound;
import org.hsgd.experiment.BoundBasis;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Run;
import org.hsgd.sim.Measurement;
import org.hsgd.sim.RunSettings;
import org.hsgd.sim.Trace;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The outputs of an experiment's runs: per run {@code <variant>-seed<s>.csv} and its manifest, the
 * summary table, and the figures of the loss and of |grad f(u_t)|^2 per variant.
 */
public final class RunReport {
  private final ExperimentSpec spec;
  private final List<Run> runs;

  public RunReport(ExperimentSpec spec, List<Run> runs) {
    this.spec = spec;
    this.runs = List.copyOf(runs);
  }

  /** What the time average of |grad f(u_t)|^2 runs over, in words. */
  public static String averagedOver(RunSettings run) {
    return run.gradientAverage() == RunSettings.GradientAverage.EVERY_ITERATION
        ? "every t < T"
        : "the checkpoints t < T (every " + run.evalEvery() + " iterations)";
  }

  /** One row per run: final values, the time average, and the bound where one applies. */
  public Table summary() {
    Table t =
        Table.create(
            "runs",
            StringColumn.create("run"),
            DoubleColumn.create("final_loss"),
            DoubleColumn.create("final_grad_norm_sq"),
            DoubleColumn.create("final_test_accuracy"),
            DoubleColumn.create("mean_grad_norm_sq"),
            DoubleColumn.create("bound"));
    for (Run r : runs) {
      Measurement last = r.trace().last();
      t.stringColumn("run").append(baseName(r));
      t.doubleColumn("final_loss").append(last.loss());
      t.doubleColumn("final_grad_norm_sq").append(last.gradNormSq());
      t.doubleColumn("final_test_accuracy").append(last.testAccuracy());
      t.doubleColumn("mean_grad_norm_sq").append(r.trace().meanGradNormSq());
      t.doubleColumn("bound").append(bound(r));
    }
    return t;
  }

  /**
   * Every file, keyed by its path in {@code dir}.
   *
   * @param config the config as read, for the manifests
   * @param rerun the command that reproduces these outputs
   */
  public Map<Path, byte[]> files(Path dir, Map<String, Object> config, String rerun) {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    for (Run r : runs) {
      Path csv = dir.resolve(baseName(r) + ".csv");
      files.put(
          csv,
          Tables.csv(TraceReport.table(baseName(r), r.trace().checkpoints()))
              .getBytes(StandardCharsets.UTF_8));
      files.put(
          dir.resolve(baseName(r) + ".manifest.json"),
          Outputs.json(manifest(r, config, rerun, csv)).getBytes(StandardCharsets.UTF_8));
    }
    files.put(dir.resolve("runs.csv"), Tables.csv(summary()).getBytes(StandardCharsets.UTF_8));
    Map<String, List<Trace>> byVariant = new LinkedHashMap<>();
    runs.forEach(
        r -> byVariant.computeIfAbsent(r.variant().label(), k -> new ArrayList<>()).add(r.trace()));
    Plots.render(TraceReport.chart("|grad f(u_t)|^2", Measurement::gradNormSq, byVariant))
        .forEach((ext, bytes) -> files.put(dir.resolve("grad_norm_sq." + ext), bytes));
    Plots.render(TraceReport.chart("training loss f(u_t)", Measurement::loss, byVariant))
        .forEach((ext, bytes) -> files.put(dir.resolve("loss." + ext), bytes));
    return files;
  }

  private Map<String, Object> manifest(Run r, Map<String, Object> config, String rerun, Path csv) {
    Map<String, Object> m = Provenance.manifest(rerun, config, List.of(csv.toString()));
    m.put("spec", spec);
    m.put("seed", r.seed());
    m.put("variant", r.variant().name());
    m.put("periods", r.variant().periods());
    m.put("groupSizesPerLevel", r.groupSizes());
    m.put("problem", r.problemFacts());
    Map<String, Object> average = new LinkedHashMap<>();
    average.put("value", r.trace().meanGradNormSq());
    average.put("over", averagedOver(spec.run()));
    average.put("iterationsAveraged", r.trace().averagedIterations());
    m.put("meanGradNormSq", average);
    m.put("wallSeconds", r.trace().wallSeconds());
    r.exactConstants().ifPresent(c -> m.put("exactConstants", c));
    BoundBasis basis = BoundBasis.of(r, spec.run());
    if (basis instanceof BoundBasis.Available a) {
      ConvergenceBound b = ConvergenceBound.of(a.scenario());
      Map<String, Object> bound = new LinkedHashMap<>();
      bound.put("total", b.total(spec.run().stepSize(), spec.run().iterations()));
      bound.put("gammaMax", b.stepSizeLimit());
      bound.put("stepSizeValid", b.admits(spec.run().stepSize()));
      bound.put("deltaIsUpperBound", a.initialGapIsUpperBound());
      m.put("bound", bound);
    } else {
      m.put("boundUnavailable", ((BoundBasis.Unavailable) basis).reason());
    }
    return m;
  }

  private double bound(Run r) {
    return BoundBasis.of(r, spec.run()) instanceof BoundBasis.Available a
        ? ConvergenceBound.of(a.scenario()).total(spec.run().stepSize(), spec.run().iterations())
        : Double.NaN;
  }

  /** "hsgd-seed3". */
  public static String baseName(Run r) {
    return r.variant().name() + "-seed" + r.seed();
  }
}
