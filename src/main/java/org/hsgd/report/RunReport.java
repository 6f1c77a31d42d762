package org.hsgd.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hsgd.bounds.BoundKind;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Run;
import org.hsgd.experiment.RunBounds;
import org.hsgd.figure.Figure;
import org.hsgd.figure.SeedBand;
import org.hsgd.sim.RunSettings;
import tech.tablesaw.api.Table;

/**
 * The outputs of an experiment's runs: per run {@code <variant>-seed<s>.csv} and its manifest; the
 * tidy tables {@code trace.csv} (every measurement), {@code runs.csv} (one row per run) and {@code
 * summary.csv} (statistics over seeds); and the training and divergence figures, which the commands
 * write with {@link FigureFiles}.
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

  /** Every measurement of every run (see {@link TidyTables#trace}). */
  public Table trace() {
    return TidyTables.trace(spec, runs);
  }

  /** One row per run: final values, the time average, and the bound where one applies. */
  public Table summary() {
    return TidyTables.runs(spec, runs, this::bound);
  }

  /** The figures of the runs: training curves, and H-SGD's divergences for two levels. */
  public List<Figure> figures(FigureSettings settings) {
    Table trace = trace();
    SeedBand band = settings.band();
    List<Figure> figures = new java.util.ArrayList<>();
    figures.add(PaperFigures.training(trace, settings.metricsFor(trace), band));
    PaperFigures.divergences(trace, band).ifPresent(figures::add);
    return figures;
  }

  /**
   * One run's trace, {@code <variant>-seed<s>.csv}, and its manifest: written as it finishes.
   *
   * @param config the config as read, for the manifest
   * @param rerun the command that reproduces the run
   */
  public static Map<Path, byte[]> runFiles(
      ExperimentSpec spec, Run r, Path dir, Map<String, Object> config, String rerun) {
    Path csv = dir.resolve(baseName(r) + ".csv");
    Map<Path, byte[]> files = new LinkedHashMap<>();
    files.put(csv, bytes(Tables.csv(TraceReport.table(baseName(r), r.trace().checkpoints()))));
    files.put(
        dir.resolve(baseName(r) + ".manifest.json"),
        bytes(Outputs.json(new RunReport(spec, List.of(r)).manifest(r, config, rerun, csv))));
    return files;
  }

  /** The tidy tables of all runs: trace.csv, runs.csv, summary.csv. */
  public Map<Path, byte[]> tables(Path dir) {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    files.put(dir.resolve("trace.csv"), bytes(Tables.csv(trace())));
    files.put(dir.resolve("runs.csv"), bytes(Tables.csv(summary())));
    files.put(dir.resolve("summary.csv"), bytes(Tables.csv(TidyTables.summary(spec, runs))));
    return files;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
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
    m.put("workerSteps", r.trace().workerSteps());
    m.put("wallSeconds", r.trace().wallSeconds());
    r.exactConstants().ifPresent(c -> m.put("exactConstants", c));
    RunBounds bounds = RunBounds.of(spec, r);
    if (bounds.applies()) {
      RunBounds.Value b = bounds.own(BoundKind.CLOSED);
      Map<String, Object> bound = new LinkedHashMap<>();
      bound.put("total", b.value());
      bound.put("gammaMax", b.stepSizeLimit());
      bound.put("stepSizeValid", b.guaranteed());
      bound.put("deltaIsUpperBound", bounds.initialGapIsUpperBound());
      m.put("bound", bound);
    } else {
      m.put("boundUnavailable", bounds.reason());
    }
    return m;
  }

  /** The closed form at the run's gamma and T, where a bound applies (a guarantee or not). */
  private double bound(Run r) {
    return RunBounds.of(spec, r).own(BoundKind.CLOSED).value();
  }

  /** "hsgd-seed3". */
  public static String baseName(Run r) {
    return r.variant().name() + "-seed" + r.seed();
  }
}
