package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every invalid input: one line naming the field, exit code 2, no stack trace, no output file. */
class BadInputTest {
  private static final String VALID =
      "--n 8 --groups 2 --periods 2,4 --L 1 --sigma2 1 --delta 1 --eps2 1,0.5 --T 100";

  static Stream<Arguments> badBoundFlags() {
    return Stream.of(
        Arguments.of("--L 0", "L must be positive"),
        Arguments.of("--L -1", "L must be positive"),
        Arguments.of("--L abc", "L must be a number"),
        Arguments.of("--L 1f", "L must be a number"),
        Arguments.of("--L 1e308", "L must lie in [1e-100, 1e100]"),
        Arguments.of("--L 1e-308", "L must lie in [1e-100, 1e100]"),
        Arguments.of("--delta 1e-320", "delta must be 0 or lie in [1e-100, 1e100]"),
        Arguments.of("--L 0x1p3", "L must be a number"),
        Arguments.of("--sigma2 -1", "sigma2 must be finite and not negative"),
        Arguments.of("--delta NaN", "delta must be finite"),
        Arguments.of("--periods 3,10", "periods must be nested"),
        Arguments.of("--periods 0,4", "periods must be positive"),
        Arguments.of("--periods 2", "periods must have one entry more than groups"),
        Arguments.of("--groups 3", "groups must split the level below"),
        Arguments.of("--groups 16", "groups must split the level below"),
        Arguments.of("--n 0", "n must be at least 1"),
        Arguments.of("--n 8.5", "n must be a whole number"),
        Arguments.of("--eps2 1", "eps2 must give one value per level"),
        Arguments.of("--eps2 1,-1", "eps2[2] must be finite and not negative"),
        Arguments.of("--gamma 1.5", "gamma must not exceed 1/L"),
        Arguments.of("--gamma -0.1", "gamma must be positive"),
        Arguments.of("--T 0", "T must be at least 1"),
        Arguments.of("--T 1e30", "T must be a whole number below 2^62"),
        Arguments.of("--target -2", "target must be positive"),
        Arguments.of("--delta 0 --target 0.1", "delta must be positive"),
        Arguments.of(
            "--local-period 2 --global-period 4", "periods must not be combined with local-period"),
        Arguments.of("--eps-down2 1", "eps2 must not be combined with eps-down2"),
        Arguments.of(
            "--random-grouping --eps2-total 1", "eps2 must not be given with random-grouping"),
        Arguments.of("--format yaml", "Invalid value for option '--format'"),
        Arguments.of("--frobnicate", "Unknown option"));
  }

  @ParameterizedTest
  @MethodSource("badBoundFlags")
  void badBoundInputIsOneLineAndExitTwo(String change, String expected, @TempDir Path dir) {
    Path out = dir.resolve("out.json");
    String args = "bound " + VALID + " " + change + " --out " + out;
    Cli cli = Cli.run(args.split(" "));
    assertOneLineError(cli, expected);
    assertFalse(Files.exists(out), "no output file on bad input");
  }

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of("n: 8\nperiods: [2, 4\n", "config must be valid YAML"),
        Arguments.of("- just\n- a list\n", "config must be a YAML map"),
        Arguments.of("n: 8\nsigma: 1\n", "unknown key 'sigma'"),
        Arguments.of("n: 8\nL: 1\nn: 16\n", "config must be valid YAML"),
        Arguments.of(
            "n: 8\ngroups: [2]\nperiods: [2, 4]\nL: 1\nsigma2: 1\ndelta: 1\neps2: [1, 1]\n",
            "T is required"),
        Arguments.of(
            "n: 4\ngroups: [1]\nperiods: [2, 4]\nL: 1\nsigma2: 1\ndelta: 1\neps2: [1, 1]\nT: 10\n",
            "eps2[2] must be 0 because level 2 merges nothing"),
        Arguments.of(
            "n: 1\nperiods: [4]\nL: 1\nsigma2: 1\ndelta: 1\neps2-total: 1\nT: 10\n",
            "eps2[1] must be 0"),
        Arguments.of(
            "n: 8\ngroups: [2]\nperiods: [2, 4]\nL: 1\nsigma2: 1\ndelta: 1\neps-down2: 1\neps-up2: 1\nrandom-grouping: maybe\nT: 10\n",
            "random-grouping must be true or false"));
  }

  @ParameterizedTest
  @MethodSource("badConfigs")
  void badConfigIsOneLineAndExitTwo(String yaml, String expected, @TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, yaml);
    assertOneLineError(Cli.run("bound", "--config", config.toString()), expected);
  }

  static Stream<Arguments> badSweeps() {
    String base =
        "n: 8\ngroups: [2]\nperiods: [2, 4]\nL: 1\nsigma2: 1\ndelta: 1\neps2-total: 1\nrandom-grouping: true\nT: 100\n";
    return Stream.of(
        Arguments.of(
            base + "sweep: {parameter: 'periods[2]', values: [4, 6, 7]}\n",
            "sweep must give a valid scenario at every point; found periods[2]=7.0 (periods must be nested"),
        Arguments.of(
            base + "sweep: {parameter: 'periods[3]', values: [4]}\n",
            "sweep.parameter must index an existing entry"),
        Arguments.of(
            base + "sweep: {parameter: sigma, values: [4]}\n",
            "sweep.parameter must be a numeric bound key"),
        Arguments.of(
            base + "sweep: {parameter: T, values: [4], range: {from: 1, to: 2, step: 1}}\n",
            "sweep must give either values or range"),
        Arguments.of(
            base + "sweep: {parameter: L, range: {from: 2, to: 1, step: 1}}\n",
            "sweep.range.to must not be below from"),
        Arguments.of(
            base + "sweep: {parameter: L, range: {from: 0, to: 1, points: 5, scale: log}}\n",
            "sweep.range.from must be positive"),
        Arguments.of(base, "sweep is required"));
  }

  @ParameterizedTest
  @MethodSource("badSweeps")
  void badSweepWritesNothing(String yaml, String expected, @TempDir Path dir) throws Exception {
    Path config = dir.resolve("sweep.yaml");
    Files.writeString(config, yaml);
    Path out = dir.resolve("out");
    assertOneLineError(
        Cli.run("bound", "sweep", "--config", config.toString(), "--out", out.toString()),
        expected);
    assertFalse(Files.exists(out), "no output folder on bad input");
  }

  static Stream<Arguments> badPlans() {
    String base =
        "n: 16\nL: 1\nsigma2: 1\ndelta: 1\neps2-total: 1\ntarget: 0.1\nstep-seconds: 0.01\naggregation-seconds: [0.1, 1]\n";
    return Stream.of(
        Arguments.of(base, "candidates must give at least one valid hierarchy"),
        Arguments.of(
            base + "candidates: [{periods: [3, 4], groups: [2]}]\n",
            "candidates[1] must be a valid hierarchy; found periods must be nested"),
        Arguments.of(
            base + "candidates: [{periods: [1, 2, 4], groups: [4, 2]}]\n",
            "aggregation-seconds must give a cost for every level"),
        Arguments.of(base + "candidates: [{period: [4]}]\n", "unknown key 'period'"),
        Arguments.of(
            base.replace("target: 0.1", "target: 0") + "candidates: [{periods: [4]}]\n",
            "target must be positive"),
        Arguments.of(
            base.replace("n: 16", "n: 1") + "candidates: [{periods: [4]}]\n",
            "n must be at least 2 for random grouping"));
  }

  @ParameterizedTest
  @MethodSource("badPlans")
  void badPlanIsOneLineAndExitTwo(String yaml, String expected, @TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("plan.yaml");
    Files.writeString(config, yaml);
    assertOneLineError(Cli.run("plan", "--config", config.toString()), expected);
  }

  static void assertOneLineError(Cli cli, String expected) {
    String err = assertRefused(cli);
    assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
  }

  /**
   * The contract on bad input: exit 2, nothing on stdout, one line on stderr (besides progress
   * lines printed before a run diverged), no stack trace or exception name. Returns that line.
   */
  static String assertRefused(Cli cli) {
    assertEquals(2, cli.exitCode(), cli.out() + cli.err());
    String err =
        cli.err()
            .lines()
            .filter(l -> !l.startsWith("progress: "))
            .collect(java.util.stream.Collectors.joining("\n"))
            .strip();
    assertEquals(1, err.lines().count(), "one line: " + err);
    assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
    assertEquals("", cli.out());
    return err;
  }
}
