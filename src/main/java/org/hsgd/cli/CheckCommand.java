package org.hsgd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hsgd.Require;
import org.hsgd.check.CheckSettings;
import org.hsgd.check.Verdict;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Run;
import org.hsgd.experiment.Study;
import org.hsgd.report.ExperimentFolder;
import org.hsgd.report.FigureSettings;
import org.hsgd.report.Provenance;
import org.hsgd.study.ExperimentJob;
import org.hsgd.study.ExperimentResult;
import org.hsgd.study.StudyJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hsgd check}: runs an experiment's sandwich and checks measurement against theory, or
 * checks again runs already on disk.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Check whether measurement and theory agree: the order of the bounds, each bound against the measured time average, and the measured sandwich.",
      "With CONFIG it runs the config's hierarchy with local SGD at P_1 and P_K beside it (same data, start, gamma, T and seeds), then the checks, each a table with a verdict. Without one it runs the default study, experiments/mnist-sandwich.yaml.",
      "With DIR (results of hsgd check, simulate or import; a folder of such folders) it checks the runs on disk again, with the level, margin, final window and constants given now, and writes the check's files beside the runs without rerunning or touching them.",
      "Exit codes: 0 every check holds (or does not apply), 1 a check is violated, 3 none is violated but one is inconclusive, 2 invalid input."
    })
final class CheckCommand implements Callable<Integer> {
  /** The default study, relative to the installation (set by the launcher) or the folder. */
  static final String DEFAULT_CONFIG = "experiments/mnist-sandwich.yaml";

  /** The keys a config given with results folders may set: how to check, not what ran. */
  private static final Set<String> RECHECK_KEYS = Set.of("check", "constants", "figures");

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "CONFIG|DIR",
      description =
          "an experiment config (YAML; default: "
              + DEFAULT_CONFIG
              + "), or results folders to check again")
  List<Path> inputs;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "with DIR: YAML of check:, constants: and figures: keys, replacing those the runs were"
              + " made with")
  Path recheckConfig;

  @Option(
      names = "--level",
      paramLabel = "A",
      description = "significance level of every test (default: the config's check.level, 0.05)")
  String level;

  @Option(
      names = "--margin",
      paramLabel = "M",
      description = "relative difference below which the sandwich calls two runs equal (0.01)")
  String margin;

  @Option(
      names = "--final-window",
      paramLabel = "W",
      description = "share of the last iterations whose checkpoints make the final loss (0.1)")
  String finalWindow;

  @Mixin ExperimentOptions options;

  @Mixin FigureOptions figures;

  @Override
  public Integer call() {
    List<Path> given = inputs == null ? List.of() : inputs;
    if (!given.isEmpty() && Files.isDirectory(given.get(0))) {
      return recheck(given);
    }
    Require.that(
        given.size() <= 1,
        "CONFIG",
        "must be one config file (or results folders only)",
        () -> given.toString());
    Require.that(
        recheckConfig == null,
        "config",
        "goes with results folders (DIR); a config file is CONFIG itself",
        () -> recheckConfig.toString());
    Path file =
        !given.isEmpty()
            ? given.get(0)
            : Path.of(System.getProperty("hsgd.home", ".")).resolve(DEFAULT_CONFIG).normalize();
    Settings settings = withCheckFlags(ExperimentOptions.load(file));
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
                  options.rerun("check", file, study) + checkFlags(), settings, figures)));
    }
    options.requireNoEngine();
    ExperimentSpec experiment = ExperimentJob.forCheck(options.spec(settings, file));
    ExperimentJob job =
        ExperimentJob.check(experiment, checkSettings)
            .withFigures(figureSettings)
            .withProvenance(
                ExperimentOptions.provenance(
                    options.rerun("check", file, experiment) + checkFlags(),
                    options.asRun(settings, file, experiment),
                    figures));
    ExperimentResult result = options.run(spec, job);
    int verdict = ExitCodes.of(result.check().orElseThrow().verdict());
    return result.figureFailure().isEmpty() ? verdict : Math.max(1, verdict);
  }

  /**
   * Checks the runs of each folder again: every folder is read and checked before any file is
   * written, so that bad input anywhere writes nothing.
   */
  private int recheck(List<Path> given) {
    for (Path p : given) {
      Require.that(
          Files.isDirectory(p),
          "DIR",
          "must all be results folders (a config file goes alone)",
          p::toString);
    }
    options.requireNoRunOptions();
    Settings overrides = overrides();
    List<Path> folders = new ArrayList<>();
    given.forEach(p -> folders.addAll(ExperimentFolder.experiments(p)));
    List<Map.Entry<Path, ExperimentJob>> jobs = new ArrayList<>();
    List<List<Run>> runs = new ArrayList<>();
    for (Path dir : folders) {
      ExperimentFolder folder = ExperimentFolder.open(dir);
      Settings recorded = new Settings(folder.settings());
      Require.that(
          !recorded.has("grid"),
          "DIR",
          "must hold one experiment's runs, not a study's point (a study is checked again by"
              + " rerunning it: its finished points are read back)",
          dir::toString);
      runs.add(folder.runs(ExperimentConfig.spec(recorded, "")));
      Settings now = recorded.with(overrides.asMap());
      ExperimentSpec experiment = ExperimentConfig.spec(now, "");
      String rerun =
          "./hsgd check "
              + Inputs.shellQuoted(dir.toString())
              + (recheckConfig == null
                  ? ""
                  : " --config " + Inputs.shellQuoted(recheckConfig.toString()))
              + checkFlags()
              + (options.constants == null
                  ? ""
                  : " --constants " + Inputs.shellQuoted(options.constants.trim()))
              + figures.given();
      jobs.add(
          Map.entry(
              dir,
              new ExperimentJob(
                  experiment,
                  Optional.of(ExperimentConfig.checkSettings(now)),
                  figures.settings(now),
                  Provenance.capture(rerun, now.asMap()))));
    }
    var out = spec.commandLine().getOut();
    List<Verdict> verdicts = new ArrayList<>();
    boolean figuresFailed = false;
    for (int i = 0; i < jobs.size(); i++) {
      Path dir = jobs.get(i).getKey();
      ExperimentResult result = jobs.get(i).getValue().recheck(dir, runs.get(i));
      out.println("checked the runs in " + dir + " again, without rerunning them:");
      out.print(result.text());
      result.written().forEach(p -> out.println("wrote " + p));
      verdicts.add(result.check().orElseThrow().verdict());
      figuresFailed |= ExperimentOptions.reportFigureFailure(spec, result.figureFailure(), dir);
    }
    int verdict = ExitCodes.of(Verdict.all(verdicts));
    return figuresFailed ? Math.max(1, verdict) : verdict;
  }

  /** What replaces the recorded settings: --config's keys, then --constants and the check flags. */
  private Settings overrides() {
    Settings s =
        recheckConfig == null ? new Settings(Map.of()) : Settings.load(recheckConfig, RECHECK_KEYS);
    if (options.constants != null) {
      s = s.with("constants", options.constants.trim());
    }
    return withCheckFlags(s);
  }

  /** The settings with --level, --margin and --final-window written into their check: block. */
  private Settings withCheckFlags(Settings s) {
    Map<String, Object> check = new LinkedHashMap<>(s.has("check") ? s.map("check") : Map.of());
    if (level != null) {
      check.put("level", level);
    }
    if (margin != null) {
      check.put("margin", margin);
    }
    if (finalWindow != null) {
      check.put("final-window", finalWindow);
    }
    return check.isEmpty() ? s : s.with("check", check);
  }

  /** The check flags as given, for a rerun line. */
  private String checkFlags() {
    StringBuilder flags = new StringBuilder();
    String[][] all = {{"--level", level}, {"--margin", margin}, {"--final-window", finalWindow}};
    for (String[] f : all) {
      if (f[1] != null) {
        flags.append(' ').append(f[0]).append(' ').append(Inputs.shellQuoted(f[1]));
      }
    }
    return flags.toString();
  }
}
