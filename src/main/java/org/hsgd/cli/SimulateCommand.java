package org.hsgd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Run;
import org.hsgd.report.FigureFiles;
import org.hsgd.report.FigureSettings;
import org.hsgd.report.ResultFolder;
import org.hsgd.report.RunReport;
import org.hsgd.report.Tables;
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
    if (settings.has("grid")) {
      return StudyCommand.run(
          spec,
          "simulate",
          config,
          settings,
          options,
          figures.settings(settings),
          Optional.empty());
    }
    options.requireNoEngine();
    ExperimentSpec experiment = options.spec(settings, config);
    FigureSettings figureSettings = figures.settings(settings);
    Path dir = options.outputFolder(experiment);
    String rerun = options.rerun("simulate", config, experiment) + figures.given();
    List<Path> written = new ArrayList<>();
    RunReport report;
    boolean replaced;
    try (ResultFolder.Staging staging =
        ResultFolder.stage(dir, ExperimentOptions.owner(experiment))) {
      List<Run> runs = options.runInto(spec, experiment, staging, settings.asMap(), rerun, written);
      report = new RunReport(experiment, runs);
      written.addAll(staging.writeAll(report.tables(dir)));
      written.addAll(
          staging.writeAll(
              FigureFiles.of(dir, report.figures(figureSettings), figureSettings, rerun)));
      replaced = staging.publish();
    }
    var out = spec.commandLine().getOut();
    if (replaced) {
      out.println("replaced the earlier results of this experiment in " + dir);
    }
    out.print(Tables.text(report.summary()));
    out.println(
        "note: mean_grad_norm_sq averages |grad f(u_t)|^2 over "
            + RunReport.averagedOver(experiment.run())
            + "; bound: B at this gamma and T from the exact constants (quadratics with equal"
            + " groups and full participation; see each manifest)");
    written.forEach(p -> out.println("wrote " + p));
    return 0;
  }
}
