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
import org.hsgd.sim.RunSettings;
import tech.tablesaw.api.Table;

/**
 * The outputs of an experiment's runs: per run {@code <variant>-seed<s>.csv} and its manifest; the
 * tidy tables {@code trace.csv} (every measurement), {@code runs.csv} (one row per run) and {@code
 * summary.csv} (statistics over seeds), from which {@link FigureCatalogue} draws the training and
 * divergence figures.
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

  /**
   * One run's trace, {@code <variant>-seed<s>.csv}, and its manifest: written as it finishes.
   *
   * @param provenance the command's, for the manifest
   */
  public static Map<Path, byte[]> runFiles(
      ExperimentSpec spec, Run r, Path dir, Provenance provenance) {
    Path csv = dir.resolve(baseName(r) + ".csv");
    Map<Path, byte[]> files = new LinkedHashMap<>();
    files.put(csv, bytes(Tables.csv(TraceReport.table(baseName(r), r.trace().checkpoints()))));
    files.put(
        dir.resolve(baseName(r) + ".manifest.json"),
        bytes(Outputs.json(new RunReport(spec, List.of(r)).manifest(r, provenance, csv))));
    return files;
  }

  /** The tidy tables of all runs, keyed by their files: trace.csv, runs.csv, summary.csv. */
  public Map<String, Table> tables() {
    Map<String, Table> tables = new LinkedHashMap<>();
    tables.put(FigureCatalogue.TRACE, trace());
    tables.put(FigureCatalogue.RUNS, summary());
    tables.put("summary.csv", TidyTables.summary(spec, runs));
    return tables;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private Map<String, Object> manifest(Run r, Provenance provenance, Path csv) {
    Map<String, Object> m = provenance.manifest(List.of(csv.toString()));
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
    r.expectedMeanGradNormSq().ifPresent(e -> average.put("exactExpectation", e));
    m.put("meanGradNormSq", average);
    m.put("workerSteps", r.trace().workerSteps());
    m.put("wallSeconds", r.trace().wallSeconds());
    r.exactConstants().ifPresent(c -> m.put("exactConstants", c));
    r.estimatedConstants().ifPresent(c -> m.put("estimatedConstants", c));
    RunBounds bounds = RunBounds.of(spec, r);
    if (bounds.applies()) {
      RunBounds.Value b = bounds.own(BoundKind.CLOSED);
      Map<String, Object> bound = new LinkedHashMap<>();
      bound.put("total", b.value());
      bound.put("gammaMax", b.stepSizeLimit());
      bound.put("stepSizeValid", b.guaranteed());
      bound.put("deltaIsUpperBound", bounds.initialGapIsUpperBound());
      bound.put("constants", bounds.label().isEmpty() ? "exact" : bounds.label());
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
