package org.hsgd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hsgd.check.CheckResult;
import org.hsgd.check.CheckSettings;
import org.hsgd.check.Checker;
import org.hsgd.check.Verdict;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Run;
import org.hsgd.figure.Figure;
import org.hsgd.report.CheckReport;
import org.hsgd.report.FigureFiles;
import org.hsgd.report.FigureSettings;
import org.hsgd.report.ResultFolder;
import org.hsgd.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hsgd check}: runs an experiment's sandwich and checks measurement against theory. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Check whether measurement and theory agree: the order of the bounds, each bound against the measured time average, and the measured sandwich.",
      "Runs the config's hierarchy with local SGD at P_1 and P_K beside it (same data, start, gamma, T and seeds), then three checks, each a table with a verdict. Without CONFIG it runs the default study, experiments/mnist-sandwich.yaml.",
      "Exit codes: 0 every check holds (or does not apply), 1 a check is violated, 3 none is violated but one is inconclusive, 2 invalid input."
    })
final class CheckCommand implements Callable<Integer> {
  /** Exit code when no check is violated but one is inconclusive. */
  static final int INCONCLUSIVE = 3;

  /** The default study, relative to the installation (set by the launcher) or the folder. */
  static final String DEFAULT_CONFIG = "experiments/mnist-sandwich.yaml";

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "CONFIG",
      description = "experiment config (YAML); default: " + DEFAULT_CONFIG)
  Path config;

  @Mixin ExperimentOptions options;

  @Mixin FigureOptions figures;

  @Override
  public Integer call() {
    Path file =
        config != null
            ? config
            : Path.of(System.getProperty("hsgd.home", ".")).resolve(DEFAULT_CONFIG).normalize();
    Settings settings = ExperimentOptions.load(file);
    if (settings.has("grid")) {
      return StudyCommand.run(
          spec,
          "check",
          file,
          settings,
          options,
          figures.settings(settings),
          Optional.of(ExperimentConfig.checkSettings(settings)));
    }
    options.requireNoEngine();
    ExperimentSpec configured = options.spec(settings, file);
    ExperimentSpec experiment =
        configured.allowsSandwich() ? configured.withSandwich(true) : configured;
    CheckSettings checkSettings = ExperimentConfig.checkSettings(settings);
    FigureSettings figureSettings = figures.settings(settings);
    Path dir = options.outputFolder(experiment);
    String rerun = options.rerun("check", file, experiment) + figures.given();
    try (ResultFolder.Staging staging =
        ResultFolder.stage(dir, ExperimentOptions.owner(experiment))) {
      List<Run> runs =
          options.runInto(spec, experiment, staging, settings.asMap(), rerun, new ArrayList<>());
      CheckResult result = Checker.check(experiment, runs, checkSettings);
      CheckReport report = new CheckReport(experiment, checkSettings, result);
      var boundCurves = report.boundCurves(runs);
      Map<Path, byte[]> files =
          new LinkedHashMap<>(report.files(dir, boundCurves, rerun, settings.asMap()));
      RunReport runReport = new RunReport(experiment, runs);
      List<Figure> figureList = new ArrayList<>(runReport.figures(figureSettings));
      figureList.addAll(report.figures(boundCurves));
      files.putAll(FigureFiles.of(dir, figureList, figureSettings, rerun));
      staging.writeAll(files);
      staging.writeAll(runReport.tables(dir));
      boolean replaced = staging.publish();

      var out = spec.commandLine().getOut();
      if (replaced) {
        out.println("replaced the earlier results of this experiment in " + dir);
      }
      out.print(report.text());
      files.keySet().forEach(p -> out.println("wrote " + p));
      out.println(
          "wrote "
              + runs.size()
              + " run traces (<variant>-seed<s>.csv with manifests) and the tidy tables trace.csv,"
              + " runs.csv and summary.csv to "
              + dir);
      return exitCode(result.verdict());
    }
  }

  /** 1 for a violation, 3 for an inconclusive check, 0 otherwise. */
  static int exitCode(Verdict verdict) {
    return switch (verdict) {
      case VIOLATED -> 1;
      case INCONCLUSIVE -> INCONCLUSIVE;
      case HOLDS, NOT_APPLICABLE -> 0;
    };
  }
}
