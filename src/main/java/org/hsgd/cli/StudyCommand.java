package org.hsgd.cli;

import java.nio.file.Path;
import java.util.List;
import org.hsgd.experiment.Engine;
import org.hsgd.experiment.Study;
import org.hsgd.report.Lines;
import org.hsgd.report.Tables;
import org.hsgd.study.PointResult;
import org.hsgd.study.StudyJob;
import org.hsgd.study.StudyResult;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code simulate} and {@code check} on a config with a {@code grid:} block: the study on the
 * chosen engine, with progress on stderr and the points' overview on stdout.
 */
final class StudyCommand {
  private StudyCommand() {}

  /**
   * @return the exit code: 1 when a point failed (all the others ran and were written); else for a
   *     check, that of the worst verdict over the points
   */
  static int run(CommandSpec command, ExperimentOptions options, Study study, StudyJob job) {
    Engine engine = options.engine(study);
    int concurrent = engine instanceof org.hsgd.experiment.LocalEngine local ? local.threads() : 1;
    study.requireFits(concurrent);
    Path dir = options.outputFolder(study.name());
    var err = command.commandLine().getErr();
    err.printf(
        "%s: %d points, %d replicates%n",
        study.name(), study.points().size(), study.replicates().size());
    ProgressDisplay progress = new ProgressDisplay(err, System.console() != null);
    StudyResult result = job.run(engine, dir, progress);
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
        Lines.fit(
            "wrote "
                + result.written().size()
                + " files to "
                + dir
                + ": points.csv, runs.csv, summary.csv"
                + (job.check().isPresent() ? ", check-summary.csv" : "")
                + ", a figure per numeric grid key (study-<key>), study.manifest.json, and each"
                + " point's folder under points/<point>/"));
    boolean noFigures = ExperimentOptions.reportFigureFailure(command, result.figureFailure(), dir);
    List<PointResult> failed = result.failed();
    if (!failed.isEmpty()) {
      err.println(
          failed.size()
              + " of "
              + study.points().size()
              + " points failed (the first, "
              + failed.get(0).point().label()
              + ": "
              + failed.get(0).failure()
              + "); see points.csv");
      return 1;
    }
    int verdict = ExitCodes.of(result.verdict());
    return noFigures ? Math.max(1, verdict) : verdict;
  }
}
