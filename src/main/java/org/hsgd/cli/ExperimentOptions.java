package org.hsgd.cli;

import java.nio.file.Path;
import org.hsgd.Require;
import org.hsgd.experiment.ConstantsSpec;
import org.hsgd.experiment.DataSources;
import org.hsgd.experiment.Engine;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.LocalEngine;
import org.hsgd.experiment.Study;
import org.hsgd.report.Provenance;
import org.hsgd.study.ExperimentJob;
import org.hsgd.study.ExperimentResult;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options of the commands that run an experiment: --seeds, --threads and --out. */
final class ExperimentOptions {
  /** The master URLs Spark takes (a malformed one failed deep inside Spark). */
  static final java.util.regex.Pattern SPARK_MASTER =
      java.util.regex.Pattern.compile(
          "local(\\[(\\*|[1-9]\\d{0,3})(,[1-9]\\d{0,3})?\\])?"
              + "|spark://[A-Za-z0-9.\\-]+:\\d{1,5}(,[A-Za-z0-9.\\-]+:\\d{1,5})*"
              + "|yarn|k8s://(https?://)?[A-Za-z0-9.\\-]+(:\\d{1,5})?");

  /** The most worker threads a run may start. */
  static final int MAX_THREADS = 256;

  @Option(
      names = "--seeds",
      paramLabel = "S",
      description =
          "replicates: seeds seed, seed+1, ..., seed+S-1 (default: the config's seeds, 1)")
  Integer seeds;

  @Option(
      names = "--constants",
      paramLabel = "C",
      description =
          "where a bound's L, sigma^2, Delta and eps_k^2 come from: exact (quadratics) or estimated"
              + " along each run (default: the config's, else exact where known, else estimated)")
  String constants;

  @Option(
      names = "--threads",
      paramLabel = "K",
      description = "worker threads (default: all cores); results do not depend on it")
  Integer threads;

  @Option(
      names = "--engine",
      paramLabel = "E",
      description =
          "for a config with a grid: local (default: a thread pool here) or spark; the numbers do"
              + " not depend on it")
  String engine;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "with --engine spark: the Spark master, e.g. local[2] (default: spark-submit's)")
  String master;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "output folder (default: results/<name> for check, results/<name>-simulate for simulate)")
  Path out;

  /** The command this mixin belongs to: simulate and check keep apart folders by default. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The config file's keys, checked against the known ones. */
  static Settings load(Path config) {
    return Settings.load(config, ExperimentConfig.KEYS);
  }

  /** The spec of a config file's settings, with --seeds and --constants applied. */
  ExperimentSpec spec(Settings settings, Path config) {
    return withFlags(ExperimentConfig.spec(settings, fallbackName(config)));
  }

  /**
   * The config's keys as the experiment ran them: its name, --seeds and --constants written in, and
   * whether local SGD ran beside the hierarchy. Every manifest records them, and they rebuild the
   * spec of results on disk ({@code hsgd check DIR}).
   */
  Settings asRun(Settings settings, Path config, ExperimentSpec spec) {
    Settings named = settings.has("name") ? settings : settings.with("name", fallbackName(config));
    Settings seeded = seeds == null ? named : named.with("seeds", seeds);
    Settings constrained = constants == null ? seeded : seeded.with("constants", constants.trim());
    return constrained.with("compare", spec.sandwich() ? "sandwich" : "none");
  }

  /** The study of a config file with a grid, --seeds and --constants applied to every point. */
  Study study(Settings settings, Path config) {
    String name = settings.has("name") ? settings.text("name") : fallbackName(config);
    return GridConfig.study(settings, name, this::withFlags);
  }

  private ExperimentSpec withFlags(ExperimentSpec spec) {
    ExperimentSpec seeded =
        seeds == null ? spec : spec.withSeeds((int) Require.atLeast("seeds", seeds, 1));
    if (constants == null) {
      return seeded;
    }
    String name = constants.trim();
    Require.that(
        name.equals("exact") || name.equals("estimated"),
        "constants",
        "must be exact or estimated (given constants go in the config)",
        () -> "'" + constants + "'");
    return seeded.withConstants(
        name.equals("exact") ? ConstantsSpec.EXACT : ConstantsSpec.ESTIMATED);
  }

  /** The config file's base name, made fit for a folder name. */
  private static String fallbackName(Path config) {
    String fallback = Inputs.baseName(config).replaceAll("[^A-Za-z0-9._-]", "-");
    return fallback.matches("[A-Za-z0-9].*") ? fallback : "x" + fallback;
  }

  /**
   * The engine for a study: a local thread pool, or Spark.
   *
   * @throws org.hsgd.InvalidInputException for an unknown engine, a master without Spark, or Spark
   *     missing from the class path
   */
  Engine engine(Study study) {
    String name = engine == null ? "local" : engine.trim().toLowerCase(java.util.Locale.ROOT);
    Require.that(
        name.equals("local") || name.equals("spark"),
        "engine",
        "must be local or spark",
        () -> "'" + engine + "'");
    Require.that(
        master == null || name.equals("spark"),
        "master",
        "must go with --engine spark",
        () -> master);
    Require.that(
        master == null || SPARK_MASTER.matcher(master).matches(),
        "master",
        "must be a Spark master URL: local, local[N], local[N,F], local[*], spark://HOST:PORT,"
            + " yarn or k8s://https://HOST:PORT",
        () -> "'" + master + "'");
    // Up front, so that a missing dataset is one clear error rather than a failure at every point.
    DataSources data = ExperimentSpec.dataSources(study.specs());
    if (name.equals("local")) {
      return new LocalEngine(threadCount(), data);
    }
    try {
      Class.forName("org.apache.spark.SparkConf");
    } catch (ClassNotFoundException e) {
      throw new org.hsgd.InvalidInputException(
          "engine",
          "spark needs Spark on the class path: run it through ./hsgd, which adds Spark, or"
              + " spark-submit",
          "no Spark classes");
    }
    Require.that(
        org.hsgd.spark.SparkEngine.hasMaster(master),
        "master",
        "must be given with --engine spark outside spark-submit (local[2] runs Spark on this"
            + " machine)",
        () -> "none");
    return new org.hsgd.spark.SparkEngine(master, data);
  }

  /** Refuses the options of a run for results already on disk: they are not run again. */
  void requireNoRunOptions() {
    String[][] given = {
      {"seeds", seeds == null ? null : seeds.toString()},
      {"threads", threads == null ? null : threads.toString()},
      {"engine", engine},
      {"master", master},
      {"out", out == null ? null : out.toString()}
    };
    for (String[] g : given) {
      Require.that(
          g[1] == null,
          g[0],
          "must not be given with results folders: their runs are on disk, and the check's files"
              + " go beside them",
          () -> g[1]);
    }
  }

  /** Refuses --engine and --master for a config without a grid. */
  void requireNoEngine() {
    Require.that(
        engine == null && master == null,
        engine != null ? "engine" : "master",
        "must not be given for a config without a grid: block",
        () -> engine != null ? engine : master);
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
    return outputFolder(spec.name());
  }

  /**
   * {@code --out}, or {@code results/<name>} for check and {@code results/<name>-simulate} for
   * simulate: a check's report and a simulation of the same config never replace each other.
   */
  Path outputFolder(String name) {
    if (out != null) {
      return out;
    }
    return Path.of("results", mixee.name().equals("simulate") ? name + "-simulate" : name);
  }

  /**
   * Runs an experiment into its output folder with a progress display on stderr, and reports on
   * stdout what it found and where it went.
   */
  ExperimentResult run(CommandSpec command, ExperimentJob job) {
    ProgressDisplay progress =
        new ProgressDisplay(command.commandLine().getErr(), System.console() != null);
    Path dir = outputFolder(job.spec());
    ExperimentResult result = job.run(dir, threadCount(), progress);
    progress.finish();
    var out = command.commandLine().getOut();
    if (result.replaced()) {
      out.println("replaced the earlier results of this experiment in " + dir);
    }
    out.print(result.text());
    result.written().forEach(p -> out.println("wrote " + p));
    reportFigureFailure(command, result.figureFailure(), dir);
    return result;
  }

  /**
   * Says on stderr that the figures were not drawn, if so, and how to draw them from what was kept.
   *
   * @return whether they were not
   */
  static boolean reportFigureFailure(CommandSpec command, String failure, Path dir) {
    if (failure.isEmpty()) {
      return false;
    }
    command
        .commandLine()
        .getErr()
        .println(
            "figures not drawn ("
                + failure
                + "); every table, trace and manifest is written: draw them with ./hsgd plot "
                + Inputs.shellQuoted(dir.toString()));
    return true;
  }

  /** The provenance of a command: its rerun line with the figure flags, and its settings. */
  static Provenance provenance(String rerun, Settings settings, FigureOptions figures) {
    return Provenance.capture(rerun + figures.given(), settings.asMap());
  }

  /** The command line that reproduces a run of {@code command} on {@code config}. */
  String rerun(String command, Path config, ExperimentSpec spec) {
    return "./hsgd "
        + command
        + " "
        + Inputs.shellQuoted(config.toString())
        + " --seeds "
        + spec.seeds()
        + constantsFlag()
        + " --out "
        + Inputs.shellQuoted(outputFolder(spec).toString());
  }

  /** --constants as given, for a rerun line. */
  private String constantsFlag() {
    return constants == null ? "" : " --constants " + Inputs.shellQuoted(constants.trim());
  }

  /**
   * The command line that reproduces a study, on the engine that ran it (the numbers do not depend
   * on it, but where it ran does).
   */
  String rerun(String command, Path config, Study study) {
    return "./hsgd "
        + command
        + " "
        + Inputs.shellQuoted(config.toString())
        + (seeds == null ? "" : " --seeds " + seeds)
        + constantsFlag()
        + (engine == null ? "" : " --engine " + Inputs.shellQuoted(engine.trim()))
        + (master == null ? "" : " --master " + Inputs.shellQuoted(master))
        + " --out "
        + Inputs.shellQuoted(outputFolder(study.name()).toString());
  }
}
