package org.hsgd.study;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hsgd.check.CheckResult;
import org.hsgd.check.CheckSettings;
import org.hsgd.check.Checker;
import org.hsgd.experiment.ExperimentRunner;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Progress;
import org.hsgd.experiment.Run;
import org.hsgd.experiment.RunBounds;
import org.hsgd.experiment.Variant;
import org.hsgd.report.CheckReport;
import org.hsgd.report.FigureCatalogue;
import org.hsgd.report.FigureFiles;
import org.hsgd.report.FigureSettings;
import org.hsgd.report.Provenance;
import org.hsgd.report.ResultFolder;
import org.hsgd.report.RunReport;
import org.hsgd.report.Tables;
import tech.tablesaw.api.Table;

/**
 * One experiment into its result folder: its runs (each run's trace and manifest written as soon as
 * it ends), then, for a check, the checks; the tidy tables, the figures drawn from them and the
 * manifests; all of it published at once. A study writes each point's folder with {@link #outputs},
 * so a point's folder equals the folder of the same config run alone.
 *
 * <p>From a notebook: {@code ExperimentJob.check(spec, CheckSettings.DEFAULT).run(dir)}.
 *
 * @param check the checker's settings, for a check; empty to simulate only
 * @param provenance the command's, for every manifest
 */
public record ExperimentJob(
    ExperimentSpec spec,
    Optional<CheckSettings> check,
    FigureSettings figures,
    Provenance provenance) {

  /** A run of the spec as it is, with the default figures. */
  public static ExperimentJob simulate(ExperimentSpec spec) {
    return new ExperimentJob(spec, Optional.empty(), FigureSettings.DEFAULT, library(spec));
  }

  /**
   * A check of the spec, with local SGD at P_1 and P_K run beside it where the spec allows, and the
   * default figures.
   */
  public static ExperimentJob check(ExperimentSpec spec, CheckSettings settings) {
    ExperimentSpec checked = forCheck(spec);
    return new ExperimentJob(
        checked, Optional.of(settings), FigureSettings.DEFAULT, library(checked));
  }

  /** The spec as a check runs it: with its sandwich wherever it allows one. */
  public static ExperimentSpec forCheck(ExperimentSpec spec) {
    return spec.allowsSandwich() ? spec.withSandwich(true) : spec;
  }

  public ExperimentJob withFigures(FigureSettings chosen) {
    return new ExperimentJob(spec, check, chosen, provenance);
  }

  public ExperimentJob withProvenance(Provenance chosen) {
    return new ExperimentJob(spec, check, figures, chosen);
  }

  /** The provenance of a job started from Java rather than a command line. */
  private static Provenance library(ExperimentSpec spec) {
    return Provenance.capture(
        "(from Java: org.hsgd.study.ExperimentJob; the spec is in this manifest)",
        Map.of("name", spec.name()));
  }

  /** Whose results a folder holds: runs of one experiment, simulated or checked alike. */
  public static String owner(ExperimentSpec spec) {
    return "experiment '" + spec.name() + "'";
  }

  /** Runs into {@code dir} on every core, silently. */
  public ExperimentResult run(Path dir) {
    return run(dir, Runtime.getRuntime().availableProcessors(), Progress.SILENT);
  }

  /**
   * Runs every seed and variant into {@code dir}, replacing an earlier result of the same
   * experiment.
   *
   * @param threads the size of each simulation's worker team (the numbers do not depend on it)
   * @throws org.hsgd.InvalidInputException if {@code dir} holds anything but this experiment's
   *     results, or the runs cannot fit in memory
   */
  public ExperimentResult run(Path dir, int threads, Progress progress) {
    ExperimentRunner.requireFits(spec, 1); // before anything is made on disk
    return publish(dir, finished -> ExperimentRunner.run(spec, threads, progress, finished));
  }

  /**
   * Writes runs made by another program ({@link org.hsgd.foreign.ForeignRuns}) into {@code dir} as
   * an ordinary result folder of this spec, after which every command that reads results reads
   * them.
   *
   * @param extra more files for the folder (the import's manifest)
   */
  public ExperimentResult record(Path dir, List<Run> runs, Map<Path, byte[]> extra) {
    return publish(
        dir,
        finished -> {
          runs.forEach(finished);
          return runs;
        },
        extra);
  }

  /**
   * Checks runs read back from {@code dir} ({@link org.hsgd.report.ExperimentFolder}) with this
   * job's settings, and writes the check's files into the folder beside them: each run's trace and
   * manifest are left as they are.
   *
   * @throws org.hsgd.InvalidInputException if the folder holds a file of the same name that hsgd
   *     did not write
   */
  public ExperimentResult recheck(Path dir, List<Run> runs) {
    Outputs outputs = outputs(dir, runs);
    List<Path> files = List.copyOf(outputs.files().keySet());
    ResultFolder.requireOwnFiles(dir, files);
    org.hsgd.report.Outputs.writeAll(outputs.files());
    ResultFolder.adopt(dir, files);
    return result(runs, outputs, false, files);
  }

  private ExperimentResult result(
      List<Run> runs, Outputs outputs, boolean replaced, List<Path> written) {
    return new ExperimentResult(
        spec,
        runs,
        outputs.check(),
        outputs.tables(),
        outputs.text(),
        outputs.figureFailure(),
        replaced,
        written);
  }

  private ExperimentResult publish(
      Path dir, java.util.function.Function<java.util.function.Consumer<Run>, List<Run>> runner) {
    return publish(dir, runner, Map.of());
  }

  /** Stages the folder, writes each run's files as the runner hands it over, then the rest. */
  private ExperimentResult publish(
      Path dir,
      java.util.function.Function<java.util.function.Consumer<Run>, List<Run>> runner,
      Map<Path, byte[]> extra) {
    try (ResultFolder.Staging staging = ResultFolder.stage(dir, owner(spec))) {
      List<Path> written = new ArrayList<>();
      List<Run> runs =
          runner.apply(
              r -> written.addAll(staging.writeAll(RunReport.runFiles(spec, r, dir, provenance))));
      Outputs outputs = outputs(dir, runs);
      written.addAll(staging.writeAll(outputs.files()));
      written.addAll(staging.writeAll(extra));
      return result(runs, outputs, staging.publish(), written);
    }
  }

  /**
   * What an experiment's finished runs give, but for each run's own trace and manifest.
   *
   * @param tables every tidy table, keyed by its file
   * @param files the tables as CSV, a check's documents, the figures and their manifest
   * @param check the checks, for a check
   * @param text the report for the terminal
   * @param figureFailure why the figures could not be drawn, or empty
   */
  record Outputs(
      Map<String, Table> tables,
      Map<Path, byte[]> files,
      Optional<CheckResult> check,
      String text,
      String figureFailure) {}

  /** Checks the runs (for a check) and renders every table, document and figure of them. */
  Outputs outputs(Path dir, List<Run> runs) {
    RunReport report = new RunReport(spec, runs);
    Map<String, Table> tables = new LinkedHashMap<>(report.tables());
    Optional<CheckResult> result = check.map(s -> Checker.check(spec, runs, s));
    Optional<CheckReport> checkReport =
        result.map(r -> new CheckReport(spec, check.orElseThrow(), r, runs));
    checkReport.ifPresent(c -> tables.putAll(c.tables()));
    Map<Path, byte[]> files = new LinkedHashMap<>();
    tables.forEach((file, t) -> files.put(dir.resolve(file), bytes(Tables.csv(t))));
    checkReport.ifPresent(
        c ->
            files.putAll(
                c.documents(
                    dir,
                    tables.keySet().stream()
                        .filter(
                            f ->
                                f.startsWith("check-")
                                    || f.equals(FigureCatalogue.BOUND_CURVES)
                                    || f.equals(FigureCatalogue.TIME_AVERAGES))
                        .map(dir::resolve)
                        .toList(),
                    provenance)));
    String figureFailure = drawInto(files, dir, tables, figures, provenance);
    String text =
        checkReport
            .map(CheckReport::text)
            .orElseGet(
                () ->
                    Tables.text(report.summary())
                        + org.hsgd.report.Lines.fit(
                            "note: mean_grad_norm_sq averages |grad f(u_t)|^2 over "
                                + RunReport.averagedOver(spec.run())
                                + boundNote(runs)
                                + "; see each manifest")
                        + System.lineSeparator());
    return new Outputs(tables, files, result, text, figureFailure);
  }

  /** What the bound column of the runs' summary holds: B and its constants, or why none. */
  private String boundNote(List<Run> runs) {
    RunBounds hierarchy =
        RunBounds.of(
            spec,
            runs.stream()
                .filter(r -> r.variant().role() == Variant.Role.HSGD)
                .findFirst()
                .orElseThrow());
    if (!hierarchy.applies()) {
      return "; no bound for H-SGD: " + hierarchy.reason();
    }
    return "; bound: B at this gamma and T, where one applies (equal groups, full participation),"
        + " from "
        + org.hsgd.check.Check.constantsLabel(spec.constants().label())
        + (spec.constants() instanceof org.hsgd.experiment.ConstantsSpec.Estimated
            ? " (estimates from each run: a diagnostic, not a guarantee)"
            : "");
  }

  /**
   * Adds the figures of {@code tables} to {@code files}; a figure that cannot be drawn (no usable
   * temporary folder for the fonts, no memory left for a raster) costs the figures only, never the
   * numbers they show, which {@code hsgd plot} can draw again from the tables.
   *
   * @return why the figures were not drawn, or empty
   */
  static String drawInto(
      Map<Path, byte[]> files,
      Path dir,
      Map<String, Table> tables,
      FigureSettings figures,
      Provenance provenance) {
    try {
      files.putAll(FigureFiles.of(dir, FigureCatalogue.of(tables, figures), figures, provenance));
      return "";
    } catch (RuntimeException | Error e) {
      String message = "";
      for (Throwable t = e; t != null && message.isBlank(); t = t.getCause()) {
        message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
      }
      return message.isBlank()
          ? "drawing failed"
          : message.substring(0, Math.min(message.length(), 200));
    }
  }

  /** Each run's trace and manifest, as {@link #run} writes them when the run ends. */
  Map<Path, byte[]> runFiles(Path dir, Run r) {
    return RunReport.runFiles(spec, r, dir, provenance);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
