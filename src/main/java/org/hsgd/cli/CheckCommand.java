package org.hsgd.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hsgd.check.CheckSettings;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Study;
import org.hsgd.report.FigureSettings;
import org.hsgd.study.ExperimentJob;
import org.hsgd.study.ExperimentResult;
import org.hsgd.study.StudyJob;
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
    CheckSettings checkSettings = ExperimentConfig.checkSettings(settings);
    FigureSettings figureSettings = figures.settings(settings);
    if (settings.has("grid")) {
      Study study = options.study(settings, file);
      return StudyCommand.run(
          spec,
          options,
          study,
          StudyJob.check(
              study,
              checkSettings,
              figureSettings,
              ExperimentOptions.provenance(
                  options.rerun("check", file, study), settings, figures)));
    }
    options.requireNoEngine();
    ExperimentSpec experiment = ExperimentJob.forCheck(options.spec(settings, file));
    ExperimentJob job =
        ExperimentJob.check(experiment, checkSettings)
            .withFigures(figureSettings)
            .withProvenance(
                ExperimentOptions.provenance(
                    options.rerun("check", file, experiment), settings, figures));
    ExperimentResult result = options.run(spec, job);
    int verdict = ExitCodes.of(result.check().orElseThrow().verdict());
    return result.figureFailure().isEmpty() ? verdict : Math.max(1, verdict);
  }
}
