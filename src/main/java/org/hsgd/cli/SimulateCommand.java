package org.hsgd.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
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

/** {@code hsgd simulate}: runs an experiment and writes what it measured. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run H-SGD (and local SGD) on real problems and measure what the theory talks about.",
      "Reads a YAML config (see experiments/), measures loss, |grad f(u_t)|^2, test accuracy and the per-level divergences at u_t, and writes <variant>-seed<s>.csv with a .manifest.json beside each, runs.csv and the figures, once every run has finished."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment config (YAML)")
  Path config;

  @Mixin ExperimentOptions options;

  @Mixin FigureOptions figures;

  @Override
  public Integer call() {
    Settings settings = ExperimentOptions.load(config);
    FigureSettings figureSettings = figures.settings(settings);
    if (settings.has("grid")) {
      Study study = options.study(settings, config);
      return StudyCommand.run(
          spec,
          options,
          study,
          StudyJob.simulate(
              study,
              figureSettings,
              ExperimentOptions.provenance(
                  options.rerun("simulate", config, study), settings, figures)));
    }
    options.requireNoEngine();
    ExperimentSpec experiment = options.spec(settings, config);
    ExperimentResult result =
        options.run(
            spec,
            ExperimentJob.simulate(experiment)
                .withFigures(figureSettings)
                .withProvenance(
                    ExperimentOptions.provenance(
                        options.rerun("simulate", config, experiment),
                        options.asRun(settings, config, experiment),
                        figures)));
    return result.figureFailure().isEmpty() ? 0 : 1;
  }
}
