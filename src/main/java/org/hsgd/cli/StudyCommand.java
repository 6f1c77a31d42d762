package org.hsgd.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.hsgd.check.CheckSettings;
import org.hsgd.check.Verdict;
import org.hsgd.experiment.Engine;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Study;
import org.hsgd.report.FigureSettings;
import org.hsgd.report.StudyRunner;
import org.hsgd.report.Tables;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code simulate} and {@code check} on a config with a {@code grid:} block: every point's
 * replicates on the chosen engine, then the points' tables and the study's.
 */
final class StudyCommand {
  private StudyCommand() {}

  /**
   * @param check the checker's settings for {@code check}, empty for {@code simulate}
   * @return the exit code: for a check, that of the worst verdict over the points that ran
   */
  static int run(
      CommandSpec command,
      String name,
      Path config,
      Settings settings,
      ExperimentOptions options,
      FigureSettings figures,
      Optional<CheckSettings> check) {
    UnaryOperator<ExperimentSpec> adjust =
        check.isPresent()
            ? spec -> spec.allowsSandwich() ? spec.withSandwich(true) : spec
            : UnaryOperator.identity();
    Study study = options.study(settings, config, adjust);
    Engine engine = options.engine(study);
    int concurrent = engine instanceof org.hsgd.experiment.LocalEngine local ? local.threads() : 1;
    study.requireFits(concurrent);
    Path dir = options.outputFolder(study.name());
    var err = command.commandLine().getErr();
    err.printf(
        "%s: %d points, %d replicates%n",
        study.name(), study.points().size(), study.replicates().size());
    ProgressDisplay progress = new ProgressDisplay(err, System.console() != null);
    StudyRunner.Result result =
        StudyRunner.run(
            study,
            engine,
            dir,
            progress,
            check,
            figures,
            settings.asMap(),
            options.rerun(name, config, study));
    progress.finish();
    var out = command.commandLine().getOut();
    if (result.replaced()) {
      out.println("replaced the earlier results of this study in " + dir);
    }
    if (result.resumed() > 0) {
      out.println(
          "resumed: "
              + result.resumed()
              + " of "
              + study.replicates().size()
              + " replicates were already finished and not run again");
    }
    out.print(Tables.text(result.overview()));
    out.println(
        "wrote "
            + result.written().size()
            + " files to "
            + dir
            + ": points.csv, runs.csv, summary.csv"
            + (check.isPresent() ? ", check-summary.csv" : "")
            + ", a figure per numeric grid key (study-<key>), study.manifest.json, and each point's"
            + " tables under points/<point>/");
    // Every point's verdict at once: the worst of them (Verdict.all), as for a single check.
    Verdict all =
        Verdict.all(
            result.points().stream()
                .flatMap(p -> p.check().stream())
                .map(c -> c.verdict())
                .toList());
    return CheckCommand.exitCode(all);
  }
}
