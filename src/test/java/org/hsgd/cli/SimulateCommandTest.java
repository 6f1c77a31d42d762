package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hsgd.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class SimulateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MLP =
      """
      problem: {type: mlp}
      data: {source: gaussian-mixture, classes: 4, features: 6, samples: 400, separation: 2.0}
      partition: {type: dirichlet, alpha: 0.5}
      model: {hidden: 8, l2: 0.001}
      n: 8
      groups: [4, 2]
      periods: [2, 4, 8]
      grouping: group-non-iid
      batch: 8
      gamma: 0.1
      T: 120
      eval-every: 10
      seed: 5
      """;

  static Path write(Path dir, String name, String yaml) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void csvHasThePromisedColumnsAndTheManifestTheConstants(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Cli cli = Cli.run("simulate", "experiments/quadratic-exact.yaml", "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    for (String variant : List.of("local-P4", "hsgd", "local-P16")) {
      assertTrue(Files.exists(out.resolve(variant + "-seed1.csv")), variant);
      assertTrue(Files.exists(out.resolve(variant + "-seed1.manifest.json")), variant);
    }
    Table t = Table.read().csv(out.resolve("hsgd-seed1.csv").toFile());
    assertEquals(
        List.of(
            "iteration",
            "loss",
            "grad_norm_sq",
            "mean_grad_norm_sq",
            "test_accuracy",
            "test_loss",
            "div_level_1",
            "div_level_2",
            "div_down",
            "div_up"),
        t.columnNames());
    assertEquals(2001, t.rowCount()); // t = 0..2000, eval-every 1
    JsonNode m = JSON.readTree(out.resolve("hsgd-seed1.manifest.json").toFile());
    assertEquals(1, m.get("seed").asInt());
    assertEquals(1.0, m.at("/exactConstants/smoothness").asDouble(), 0);
    double downward = m.at("/exactConstants/divergencePerLevel/0").asDouble();
    assertEquals(downward, t.numberColumn("div_down").get(0).doubleValue(), 1e-9 * downward);
    assertTrue(m.at("/bound/stepSizeValid").asBoolean());
    // The bound holds where its constants are exact.
    assertTrue(
        m.at("/bound/total").asDouble() >= m.at("/meanGradNormSq/value").asDouble(), m.toString());
    assertEquals(2000, m.at("/meanGradNormSq/iterationsAveraged").asLong());
    assertEquals("every t < T", m.at("/meanGradNormSq/over").asText());
    assertEquals(16, m.at("/settings/n").asInt());
    assertFalse(m.get("version").asText().isEmpty());
    Table local = Table.read().csv(out.resolve("local-P4-seed1.csv").toFile());
    assertEquals(
        List.of(
            "iteration",
            "loss",
            "grad_norm_sq",
            "mean_grad_norm_sq",
            "test_accuracy",
            "test_loss",
            "div_level_1"),
        local.columnNames());
    assertTrue(cli.out().contains("wrote " + out.resolve("hsgd-seed1.csv")));
    for (String ext : List.of("png", "svg", "pdf")) {
      assertTrue(Files.size(out.resolve("training." + ext)) > 1000, ext);
      assertTrue(Files.size(out.resolve("divergences." + ext)) > 1000, ext);
    }
    assertEquals(9, Table.read().csv(out.resolve("runs.csv").toFile()).rowCount()); // 3 seeds
    Table trace = Table.read().csv(out.resolve("trace.csv").toFile());
    assertEquals(
        List.of("experiment", "grouping", "algorithm", "I", "G", "seed", "iteration", "loss"),
        trace.columnNames().subList(0, 8),
        "tidy: one header row, plain names");
    assertEquals(ColumnType.INTEGER, trace.column("G").type(), "periods read back as integers");
    assertEquals(9 * (int) local.rowCount(), trace.rowCount(), "every measurement of every run");
  }

  @Test
  void oneAndTwoThreadsGiveIdenticalCsv(@TempDir Path dir) throws Exception {
    Path config = write(dir, "mlp.yaml", MLP);
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    assertEquals(
        0,
        Cli.run(
                "simulate",
                config.toString(),
                "--threads",
                "1",
                "--seeds",
                "2",
                "--out",
                one.toString())
            .exitCode());
    assertEquals(
        0,
        Cli.run(
                "simulate",
                config.toString(),
                "--threads",
                "2",
                "--seeds",
                "2",
                "--out",
                two.toString())
            .exitCode());
    for (String file : List.of("hsgd-seed5.csv", "hsgd-seed6.csv")) {
      // Every column must agree to the last digit.
      assertEquals(
          Files.readAllLines(one.resolve(file)), Files.readAllLines(two.resolve(file)), file);
    }
    assertFalse(
        Files.readAllLines(one.resolve("hsgd-seed5.csv"))
            .equals(Files.readAllLines(one.resolve("hsgd-seed6.csv"))));
  }

  @Test
  void sandwichRunsShareDataInitAndSeeds(@TempDir Path dir) throws Exception {
    Path config = write(dir, "s.yaml", MLP.replace("seed: 5", "seed: 5\ncompare: sandwich"));
    Path out = dir.resolve("out");
    Cli cli = Cli.run("simulate", config.toString(), "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    List<Path> csvs =
        List.of(
            out.resolve("local-P2-seed5.csv"),
            out.resolve("hsgd-seed5.csv"),
            out.resolve("local-P8-seed5.csv"));
    double start = Table.read().csv(csvs.get(0).toFile()).doubleColumn("loss").get(0);
    for (Path csv : csvs) {
      Table t = Table.read().csv(csv.toFile());
      assertEquals(start, t.doubleColumn("loss").get(0), 0, "same data and initial point: " + csv);
      assertEquals(13, t.rowCount());
    }
  }

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of(MLP + "colour: blue\n", "unknown key 'colour'"),
        Arguments.of(MLP.replace("T: 120\n", ""), "T is required"),
        Arguments.of(
            MLP.replace("periods: [2, 4, 8]", "periods: [2, 3, 8]"), "periods must be nested"),
        Arguments.of(
            MLP.replace("groups: [4, 2]", "groups: [3, 1]"), "groups must split the level below"),
        Arguments.of(MLP.replace("gamma: 0.1", "gamma: 1e6"), "gamma must keep the run finite"),
        Arguments.of(MLP.replace("type: mlp", "type: svm"), "problem.type must be"),
        Arguments.of(
            MLP.replace("partition: {type: dirichlet, alpha: 0.5}", "partition: {type: dirichlet}"),
            "alpha is required"),
        Arguments.of(
            MLP.replace("model: {hidden: 8, l2: 0.001}", "model: {hiden: 8}"),
            "unknown key 'hiden' in model"),
        Arguments.of(
            MLP.replace("grouping: group-non-iid", "grouping: clever"), "grouping must be"),
        Arguments.of(MLP + "participation: [1, 1.5, 1]\n", "participation must lie in (0, 1]"),
        Arguments.of(
            MLP + "group-sizes: [[3, 5], [2]]\n", "groups must not be combined with group-sizes"),
        Arguments.of(
            "problem: {type: quadratic, dimension: 3, eigenvalues: {min: 1, max: 2}}\nn: 4\nperiods: [2]\nbatch: 4\ngamma: 0.1\nT: 10\n",
            "batch applies to logistic and mlp problems only"),
        Arguments.of(
            "problem: {type: quadratic, eigenvalues: [1, 0]}\nn: 4\nperiods: [2]\ngamma: 0.1\nT: 10\n",
            "problem.eigenvalues must be positive"),
        Arguments.of("problem: [not, a, map]\n", "problem must be a map"),
        Arguments.of("n: 4\nperiods: [2\n", "config must be valid YAML"),
        // The reliability corpus (one case per class of failure found by hand).
        Arguments.of(
            MLP.replace("model: {hidden: 8, l2: 0.001}", "model: {hidden: 1e9}"),
            "model.hidden must keep the model below 2^31 parameters"),
        Arguments.of(
            MLP.replace("model: {hidden: 8, l2: 0.001}", "model: {hidden: 30000000}")
                .replace("n: 8", "n: 64")
                .replace("groups: [4, 2]", "groups: [8, 2]"),
            "n and the model size must fit in memory"),
        Arguments.of(MLP.replace("classes: 4", "classes: 0"), "data.classes must be at least 2"),
        Arguments.of(
            MLP.replace("samples: 400", "samples: 2000000000"),
            "data.samples times data.features must stay below 2^31 values"),
        Arguments.of(MLP + "seed: 6\n", "config must be valid YAML"),
        Arguments.of(
            MLP.replace("groups: [4, 2]\n", "")
                .replace("periods: [2, 4, 8]", "periods: [0, 8]")
                .replace("grouping: group-non-iid", "group-sizes: [[3, 5]]"),
            "periods must be positive"),
        Arguments.of(
            MLP.replace("groups: [4, 2]\n", "")
                .replace("periods: [2, 4, 8]", "periods: [2, 8]")
                .replace("grouping: group-non-iid", "group-sizes: [[3000000000, 5]]"),
            "group-sizes must be below 2^31"),
        Arguments.of(
            "problem: {type: quadratic, eigenvalues: [1, 2], initial-point: [NaN, 1]}\n"
                + "n: 4\nperiods: [2]\ngamma: 0.1\nT: 10\n",
            "problem.initial-point must be a finite number"),
        Arguments.of(
            "problem: {type: quadratic, eigenvalues: [1, 2], cluster-spread: Infinity}\n"
                + "n: 4\nperiods: [2]\ngamma: 0.1\nT: 10\n",
            "problem.cluster-spread must be finite and not negative"),
        Arguments.of(
            "problem: {type: quadratic, eigenvalues: [1, 2], centers: [[1, NaN], [0, 0]]}\n"
                + "n: 2\nperiods: [2]\ngamma: 0.1\nT: 10\n",
            "problem.centers must be a finite number"),
        Arguments.of(
            "problem: {type: quadratic, dimension: 2000000000, eigenvalues: {min: 1, max: 2}}\n"
                + "n: 2\nperiods: [2]\ngamma: 0.1\nT: 10\n",
            "problem.dimension must be at most"),
        Arguments.of(
            "problem: {type: quadratic, eigenvalues: [1, 2], initial-point: 1e200}\n"
                + "n: 2\nperiods: [2]\ngamma: 0.1\nT: 10\n",
            "problem must have a finite loss and gradient at the starting point"),
        Arguments.of(
            "problem: {type: quadratic, eigenvalues: [1, 2]}\n"
                + "n: 2\nperiods: [2]\ngamma: 0.1\nT: 1e12\neval-every: 1\n",
            "n and the model size must fit in memory"),
        Arguments.of(
            MLP.replace("eval-every: 10", "eval-every: 500"), "eval-every must be at most T"),
        Arguments.of(
            MLP.replace("groups: [4, 2]", "groups: []")
                    .replace("periods: [2, 4, 8]", "periods: [4]")
                + "compare: sandwich\n",
            "compare sandwich needs P_1 < P_K"),
        Arguments.of(MLP + "name: ../../escape\n", "name must be letters, digits"),
        Arguments.of(MLP + "name: /tmp/x\n", "name must be letters, digits"));
  }

  @Test
  void theRerunLineQuotesWhatTheShellWouldSplit() {
    assertEquals("experiments/a.yaml", Inputs.shellQuoted("experiments/a.yaml"));
    assertEquals("'my results/it'\\''s'", Inputs.shellQuoted("my results/it's"));
  }

  @Test
  void threadsInTheBillionsAndAnOutputUnderAFileAreRefusedBeforeRunning(@TempDir Path dir)
      throws Exception {
    Path config = write(dir, "mlp.yaml", MLP);
    Cli threads =
        Cli.run(
            "simulate",
            config.toString(),
            "--threads",
            "2000000000",
            "--out",
            dir.resolve("o").toString());
    BadInputTest.assertOneLineError(threads, "threads must be at most 256");
    Path file = write(dir, "file.txt", "x");
    Cli out = Cli.run("simulate", config.toString(), "--out", file.resolve("sub").toString());
    BadInputTest.assertOneLineError(out, "out must be a folder this user can write");
    assertTrue(out.err().contains("is a file"), out.err());
    assertFalse(out.err().contains("progress"), "refused before any run started");
  }

  @ParameterizedTest
  @MethodSource("badConfigs")
  void badConfigIsOneLineExitTwoAndWritesNothing(String yaml, String expected, @TempDir Path dir)
      throws Exception {
    Path config = write(dir, "bad.yaml", yaml);
    Path out = dir.resolve("out");
    Cli cli = Cli.run("simulate", config.toString(), "--out", out.toString());
    BadInputTest.assertOneLineError(cli, expected); // progress lines before a divergence allowed
    assertFalse(Files.exists(out), "no partial output");
  }

  @Test
  void unequalGroupsRun(@TempDir Path dir) throws Exception {
    Path config =
        write(
            dir,
            "u.yaml",
            MLP.replace("groups: [4, 2]\n", "")
                .replace("periods: [2, 4, 8]", "periods: [2, 8]")
                .replace("grouping: group-non-iid", "grouping: random\ngroup-sizes: [[3, 5]]"));
    Path out = dir.resolve("out");
    Cli cli = Cli.run("simulate", config.toString(), "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    JsonNode m = JSON.readTree(out.resolve("hsgd-seed5.manifest.json").toFile());
    assertEquals("[[3,5],[8]]", m.get("groupSizesPerLevel").toString());
  }

  @Test
  void mnistTwoLevelExample(@TempDir Path dir) {
    TestData.assumeMnist();
    Path out = dir.resolve("out");
    Cli cli = Cli.run("simulate", "experiments/mnist-mlp-two-level.yaml", "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    Table t = Table.read().csv(out.resolve("hsgd-seed1.csv").toFile());
    assertTrue(t.doubleColumn("test_accuracy").get(t.rowCount() - 1) > 0.8, t.print());
    assertTrue(t.doubleColumn("loss").get(t.rowCount() - 1) < t.doubleColumn("loss").get(0));
  }

  @Test
  void theAuthorsSettingRunsWithItsConventions(@TempDir Path dir) {
    TestData.assumeMnist();
    Path out = dir.resolve("out");
    Cli cli =
        Cli.run(
            "simulate", "experiments/authors-mnist.yaml", "--seeds", "1", "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    Table runs = Table.read().csv(out.resolve("runs.csv").toFile());
    // One client of five per group trains in each group period: 2 of 10 clients, T = 1000.
    assertEquals(2000, runs.numberColumn("worker_steps").getDouble(0));
    assertTrue(runs.numberColumn("final_test_accuracy").getDouble(0) > 0.7, runs.print());
    assertTrue(runs.numberColumn("final_test_loss").getDouble(0) < 1, runs.print());
  }

  @Test
  void threeLevelExampleRuns(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Cli cli = Cli.run("simulate", "experiments/three-level.yaml", "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    Table t = Table.read().csv(out.resolve("hsgd-seed1.csv").toFile());
    assertTrue(t.columnNames().containsAll(List.of("div_level_1", "div_level_2", "div_level_3")));
    assertTrue(t.doubleColumn("test_accuracy").get(t.rowCount() - 1) > 0.5);
    assertTrue(cli.err().contains("progress: 100%"), "plain progress lines when not on a terminal");
  }
}
