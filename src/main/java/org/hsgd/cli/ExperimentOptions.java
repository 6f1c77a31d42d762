package org.hsgd.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hsgd.Require;
import org.hsgd.experiment.ExperimentRunner;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Run;
import org.hsgd.report.ResultFolder;
import org.hsgd.report.RunReport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options of the commands that run an experiment: --seeds, --threads and --out. */
final class ExperimentOptions {
  /** The most worker threads a run may start. */
  static final int MAX_THREADS = 256;

  @Option(
      names = "--seeds",
      paramLabel = "S",
      description =
          "replicates: seeds seed, seed+1, ..., seed+S-1 (default: the config's seeds, 1)")
  Integer seeds;

  @Option(
      names = "--threads",
      paramLabel = "K",
      description = "worker threads (default: all cores); results do not depend on it")
  Integer threads;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "output folder (default: results/<name>)")
  Path out;

  /** The config file's keys, checked against the known ones. */
  static Settings load(Path config) {
    return Settings.load(config, ExperimentConfig.KEYS);
  }

  /** The spec of a config file's settings, with --seeds applied. */
  ExperimentSpec spec(Settings settings, Path config) {
    String fallback = SweepCommand.baseName(config).replaceAll("[^A-Za-z0-9._-]", "-");
    ExperimentSpec spec =
        ExperimentConfig.spec(
            settings, fallback.matches("[A-Za-z0-9].*") ? fallback : "x" + fallback);
    return seeds == null ? spec : spec.withSeeds((int) Require.atLeast("seeds", seeds, 1));
  }

  int threadCount() {
    int count = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    Require.atLeast("threads", count, 1);
    Require.that(
        count <= MAX_THREADS,
        "threads",
        "must be at most " + MAX_THREADS + " (each is an operating-system thread)",
        () -> "threads=" + count);
    return count;
  }

  Path outputFolder(ExperimentSpec spec) {
    return out != null ? out : Path.of("results", spec.name());
  }

  /**
   * Runs every seed and variant, with a progress display on stderr, handing each run to {@code
   * finished} as it ends.
   */
  List<Run> run(CommandSpec command, ExperimentSpec spec, Consumer<Run> finished) {
    ProgressDisplay progress =
        new ProgressDisplay(command.commandLine().getErr(), System.console() != null);
    List<Run> runs = ExperimentRunner.run(spec, threadCount(), progress, finished);
    progress.finish();
    return runs;
  }

  /**
   * Runs the spec into a staged result folder: each run's trace and manifest are written as soon as
   * it finishes.
   *
   * @param written receives the paths written
   */
  List<Run> runInto(
      CommandSpec command,
      ExperimentSpec spec,
      ResultFolder.Staging staging,
      Map<String, Object> config,
      String rerun,
      List<Path> written) {
    Path dir = outputFolder(spec);
    return run(
        command,
        spec,
        r -> written.addAll(staging.writeAll(RunReport.runFiles(spec, r, dir, config, rerun))));
  }

  /** Whose results a folder holds: runs of one experiment, by simulate or check alike. */
  static String owner(ExperimentSpec spec) {
    return "experiment '" + spec.name() + "'";
  }

  /** The command line that reproduces a run of {@code command} on {@code config}. */
  String rerun(String command, Path config, ExperimentSpec spec) {
    return "./hsgd "
        + command
        + " "
        + shellQuoted(config.toString())
        + " --seeds "
        + spec.seeds()
        + " --out "
        + shellQuoted(outputFolder(spec).toString());
  }

  /** A word the shell reads back as itself: quoted when it holds anything but safe characters. */
  static String shellQuoted(String word) {
    return word.matches("[A-Za-z0-9_./=:,+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
