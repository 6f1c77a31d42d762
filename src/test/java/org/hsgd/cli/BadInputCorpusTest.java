package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A generated corpus: every key of a valid bound scenario and of a valid experiment, set in turn to
 * each of a list of hostile values. Some of them are valid (0 noise, say); the contract is that
 * none crashes: exit 0, or exit 2 with exactly one line on stderr, no stack trace, no exception
 * name, and no output written.
 */
class BadInputCorpusTest {
  private static final List<String> HOSTILE =
      List.of(
          "-1",
          "0",
          "NaN",
          "-Infinity",
          "1e400",
          "1e-320",
          "abc",
          "1f",
          "[]",
          "[1, -2]",
          "3.5",
          "9999999999999");

  private static final String BOUND =
      """
      n: 8
      groups: [2]
      periods: [2, 4]
      L: 1
      sigma2: 1
      delta: 1
      eps2: [1, 0.5]
      gamma: 0.1
      T: 100
      target: 0.5
      """;

  private static final String EXPERIMENT =
      """
      problem: {type: quadratic, dimension: 3, eigenvalues: {min: 0.5, max: 1}, noise-sigma2: 0.1}
      n: 4
      groups: [2]
      periods: [2, 4]
      grouping: random
      gamma: 0.05
      T: 8
      eval-every: 2
      seed: 1
      seeds: 2
      compare: sandwich
      """;

  static Stream<Arguments> corpus() {
    List<Arguments> cases = new ArrayList<>();
    for (String value : HOSTILE) {
      for (String key :
          List.of(
              "n", "groups", "periods", "L", "sigma2", "delta", "eps2", "gamma", "T", "target")) {
        cases.add(Arguments.of("bound", replace(BOUND, key, value)));
      }
      for (String key :
          List.of("n", "groups", "periods", "gamma", "T", "eval-every", "seed", "seeds")) {
        cases.add(Arguments.of("simulate", replace(EXPERIMENT, key, value)));
      }
      for (String key : List.of("dimension", "noise-sigma2")) {
        cases.add(
            Arguments.of(
                "simulate", EXPERIMENT.replaceFirst(key + ": [^,}]*", key + ": " + value)));
      }
    }
    return cases.stream();
  }

  private static String replace(String yaml, String key, String value) {
    return yaml.lines()
        .map(line -> line.startsWith(key + ":") ? key + ": " + value : line)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void noInputCrashesOrWritesHalfAResult(String command, String yaml, @TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, yaml);
    Path out = dir.resolve("out");
    Cli cli =
        command.equals("bound")
            ? Cli.run(
                "bound", "--config", config.toString(), "--format", "json", "--out", out.toString())
            : Cli.run("simulate", config.toString(), "--threads", "1", "--out", out.toString());
    if (cli.exitCode() == 0) {
      return;
    }
    String err = BadInputTest.assertRefused(cli);
    assertTrue(err.contains(" must ") || err.contains(" is required"), "names a rule: " + err);
    assertFalse(Files.exists(out), "no output on bad input: " + yaml);
  }
}
