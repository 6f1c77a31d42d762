package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import org.hsgd.bounds.BoundQuery;
import org.hsgd.bounds.Divergences;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.NumericBoundProperties;
import org.hsgd.bounds.ProblemConstants;
import org.hsgd.bounds.SandwichResult;
import org.hsgd.bounds.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

class BoundCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A two-level scenario's constants and horizon, without divergences or a step size. */
  static final String[] SCENARIO = {
    "bound",
    "--n",
    "4",
    "--groups",
    "2",
    "--periods",
    "2,4",
    "--L",
    "1",
    "--sigma2",
    "1",
    "--delta",
    "1",
    "--T",
    "100"
  };

  /** The scenario with its divergences, at gamma = 0.1 (B = 0.34, computed by hand below). */
  static final String[] TWO_LEVEL = with(SCENARIO, "--eps2", "0.5,0.25", "--gamma", "0.1");

  static String[] with(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void jsonHasTheHandComputedTwoLevelBound() throws Exception {
    Cli cli = Cli.run(with(TWO_LEVEL, "--format", "json"));
    assertEquals(0, cli.exitCode(), cli.err());
    JsonNode j = JSON.readTree(cli.out());
    // ConvergenceBoundTest.twoLevelHandComputed: 0.2 + 0.025 + 0.025 + 0.09 = 0.34
    assertEquals(0.34, j.get("total").asDouble(), 1e-12);
    assertEquals(0.2, j.at("/terms/optimization").asDouble(), 1e-12);
    assertEquals(0.025, j.at("/terms/noise").asDouble(), 1e-12);
    assertEquals(0.025, j.at("/terms/noiseDrift").asDouble(), 1e-12);
    assertEquals(0.09, j.at("/terms/divergenceDrift").asDouble(), 1e-12);
    assertEquals(1 / (2 * Math.sqrt(12)), j.get("gammaMax").asDouble(), 1e-15);
    assertTrue(j.get("stepSizeValid").asBoolean());
    assertTrue(j.at("/sandwich/holds").asBoolean());
    // Lower: local SGD P=2, n=4, eps2 = 0.75: 0.2 + 0.025 + 2*0.01*1*(3/4) + (4/3)*0.01*3*0.75 =
    // 0.27
    assertEquals(0.27, j.at("/sandwich/lower/total").asDouble(), 1e-12);
    // Upper: P=4: 0.2 + 0.025 + 2*0.01*3*(3/4) + (4/3)*0.01*21*0.75 = 0.2 + 0.025 + 0.045 + 0.21 =
    // 0.48
    assertEquals(0.48, j.at("/sandwich/upper/total").asDouble(), 1e-12);
    assertEquals(
        "[25, 25]", j.get("aggregationsPerLevel").toString().replace(" ", "").replace(",", ", "));
  }

  @Test
  void jsonCarriesTheNumericBoundOfEveryRowAsTheSpecDefinesIt() throws Exception {
    Cli cli = Cli.run(with(TWO_LEVEL, "--format", "json"));
    JsonNode j = JSON.readTree(cli.out());
    ProblemConstants c = new ProblemConstants(1, 1, 1);
    Map<String, Scenario> rows =
        Map.of(
            "",
            new Scenario(Hierarchy.twoLevel(4, 2, 2, 4), c, Divergences.perLevel(0.5, 0.25)),
            "/sandwich/lower",
            new Scenario(Hierarchy.localSgd(4, 2), c, Divergences.perLevel(0.75)),
            "/sandwich/upper",
            new Scenario(Hierarchy.localSgd(4, 4), c, Divergences.perLevel(0.75)));
    rows.forEach(
        (at, scenario) -> {
          double expected = NumericBoundProperties.reference(scenario, 0.1, 100);
          assertEquals(expected, j.at(at + "/numeric/total").asDouble(), 1e-9 * expected, at);
          assertTrue(j.at(at + "/numeric/total").asDouble() <= j.at(at + "/total").asDouble(), at);
          assertTrue(j.at(at + "/numeric/stepSizeValid").asBoolean(), at);
          assertEquals(
              j.at(at + "/numeric/total").asDouble() / j.at(at + "/total").asDouble(),
              j.at(at + "/numeric/ratioToClosedForm").asDouble(),
              1e-15,
              at);
        });
    assertTrue(j.at("/sandwich/numericHolds").asBoolean());
  }

  @Test
  void aStepSizeAboveGammaMaxButWithinOneOverLKeepsOnlyTheNumericGuarantee() throws Exception {
    // gamma_max = 1/(2 sqrt(12)) = 0.144 for H-SGD; 0.5 <= 1/L = 1.
    Cli cli = Cli.run(with(TWO_LEVEL, "--gamma", "0.5", "--format", "json"));
    assertEquals(0, cli.exitCode(), cli.err());
    JsonNode j = JSON.readTree(cli.out());
    assertFalse(j.get("stepSizeValid").asBoolean());
    assertTrue(j.at("/numeric/stepSizeValid").asBoolean());
    assertTrue(j.get("notes").toString().contains("the numeric bound applies"), j.toString());
  }

  @Test
  void csvHasThreeRowsAtFullPrecision() throws Exception {
    Cli cli = Cli.run(with(TWO_LEVEL, "--format", "csv"));
    assertEquals(0, cli.exitCode(), cli.err());
    Table t = Table.read().usingOptions(CsvReadOptions.builder(new StringReader(cli.out())));
    assertEquals(3, t.rowCount());
    assertEquals(0.27, t.doubleColumn("total").get(0), 1e-12);
    assertEquals(0.34, t.doubleColumn("total").get(1), 1e-12);
    assertEquals(0.48, t.doubleColumn("total").get(2), 1e-12);
  }

  @Test
  void latexIsABooktabsTableWithAlignedNumbers() {
    Cli cli = Cli.run(with(TWO_LEVEL, "--format", "latex"));
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().contains("\\begin{table}[tbp]"), "fits a column: " + cli.out());
    assertTrue(cli.out().contains("{lS[table-format=1.0,group-digits=false]S[table"), cli.out());
    assertTrue(cli.out().contains("\\toprule") && cli.out().contains("\\bottomrule"));
    assertTrue(
        cli.out().contains("H-SGD, $I=2$, $G=4$ & 2 & 4 & "),
        "the algorithm in notation, its periods I and G: " + cli.out());
    assertTrue(cli.out().contains(" & 0.34 & "), cli.out());
    assertTrue(cli.out().contains("{$\\gamma_{\\max}$}"), "math headers");
    assertTrue(cli.out().contains("$T=100$: the sandwich holds"), "the verdict in the caption");
    assertTrue(
        cli.out().contains("% note: all three bounds at the given gamma"), "the notes as comments");
  }

  @Test
  void tableIsReadableAndSaysWhetherTheSandwichHolds() {
    Cli cli = Cli.run(TWO_LEVEL);
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().contains("2 level(s): n=4 N=[2] P=[2, 4]"), cli.out());
    assertTrue(cli.out().contains("  0.34  "), cli.out());
    assertTrue(cli.out().lines().allMatch(l -> l.length() <= 120), cli.out());
    assertTrue(cli.out().contains("sandwich (local SGD P_1 <= H-SGD <= local SGD P_K): holds"));
  }

  @Test
  void twoLevelAliasesMeanTheSameAsTheGeneralKeys() {
    Cli general = Cli.run(with(TWO_LEVEL, "--format", "json"));
    Cli alias =
        Cli.run(
            "bound",
            "--n",
            "4",
            "--groups",
            "2",
            "--local-period",
            "2",
            "--global-period",
            "4",
            "--L",
            "1",
            "--sigma2",
            "1",
            "--delta",
            "1",
            "--eps-down2",
            "0.5",
            "--eps-up2",
            "0.25",
            "--gamma",
            "0.1",
            "--T",
            "100",
            "--format",
            "json");
    assertEquals(general.out(), alias.out());
  }

  @Test
  void configFileAndFlagsAgreeAndFlagsOverride(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("s.yaml");
    Files.writeString(
        config,
        "n: 4\ngroups: [2]\nperiods: [2, 4]\nL: 1\nsigma2: 1\ndelta: 1\neps2: [0.5, 0.25]\ngamma: 0.1\nT: 50\n");
    Cli fromConfig =
        Cli.run("bound", "--config", config.toString(), "--T", "100", "--format", "json");
    assertEquals(0, fromConfig.exitCode(), fromConfig.err());
    assertEquals(Cli.run(with(TWO_LEVEL, "--format", "json")).out(), fromConfig.out());
  }

  @Test
  void optimalGammaAndTargetMatchTheLibrary() throws Exception {
    Cli cli =
        Cli.run(
            "bound",
            "--n",
            "8",
            "--groups",
            "4,2",
            "--periods",
            "2,4,8",
            "--L",
            "2",
            "--sigma2",
            "0.5",
            "--delta",
            "3",
            "--eps2-total",
            "0.6",
            "--random-grouping",
            "--T",
            "5000",
            "--target",
            "0.5",
            "--format",
            "json");
    assertEquals(0, cli.exitCode(), cli.err());
    JsonNode j = JSON.readTree(cli.out());
    Hierarchy h = Hierarchy.of(8, new int[] {4, 2}, new long[] {2, 4, 8});
    Scenario s =
        new Scenario(h, new ProblemConstants(2, 0.5, 3), Divergences.randomGrouping(h, 0.6));
    SandwichResult r =
        new BoundQuery(s, OptionalDouble.empty(), 5000, OptionalDouble.of(0.5), false).evaluate();
    assertEquals(r.hsgd().total(), j.get("total").asDouble(), 0);
    assertEquals(r.hsgd().stepSize(), j.get("gamma").asDouble(), 0);
    assertEquals(r.hsgd().horizonForTarget().getAsLong(), j.get("horizonForTarget").asLong());
    assertEquals("optimal", j.get("gammaChoice").asText());
    assertTrue(j.get("divergences").get("randomGrouping").asBoolean());
    assertTrue(j.get("notes").toString().contains("A3-RG"), "random grouping must be flagged");
  }

  @Test
  void allowInvalidStepComputesAndMarksNoGuarantee() throws Exception {
    Cli cli =
        Cli.run(with(TWO_LEVEL, "--gamma", "0.5", "--allow-invalid-step", "--format", "json"));
    assertEquals(0, cli.exitCode(), cli.err());
    JsonNode j = JSON.readTree(cli.out());
    assertFalse(j.get("stepSizeValid").asBoolean());
    assertTrue(j.get("notes").toString().contains("without guarantee"));
  }

  @Test
  void unreachableTargetAtAFixedStepSizeIsSaidNotHidden() throws Exception {
    // At gamma = 0.1 the H-SGD noise and drift add up to 0.14 (ConvergenceBoundTest): 0.1 is out of
    // reach.
    Cli cli = Cli.run(with(TWO_LEVEL, "--target", "0.1", "--format", "json"));
    assertEquals(0, cli.exitCode(), cli.err());
    JsonNode j = JSON.readTree(cli.out());
    assertTrue(j.get("horizonForTarget").isNull());
    assertTrue(
        j.get("notes").toString().contains("unreachable at this gamma for"),
        j.get("notes").toString());
    // 0.3401 is reached at T = 100 by H-SGD (ConvergenceBoundTest.smallestHorizonAtFixedStepSize).
    assertEquals(
        100,
        JSON.readTree(Cli.run(with(TWO_LEVEL, "--target", "0.3401", "--format", "json")).out())
            .get("horizonForTarget")
            .asLong());
  }

  @Test
  void outWritesTheReportToAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/bound.json");
    Cli cli = Cli.run(with(TWO_LEVEL, "--format", "json", "--out", file.toString()));
    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals(0.34, JSON.readTree(file.toFile()).get("total").asDouble(), 1e-12);
    assertTrue(cli.err().contains("wrote " + file));
    // A manifest beside it reproduces it: the command as typed and every input.
    var manifest = JSON.readTree(dir.resolve("sub/bound.json.manifest.json").toFile());
    String rerun = manifest.get("rerun").asText();
    assertTrue(rerun.startsWith("./hsgd bound ") && rerun.contains("--format json"), rerun);
    assertEquals(file.toString(), manifest.at("/outputs/0").asText());
    assertTrue(manifest.get("settings").size() > 3, manifest.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "--help", "bound --help", "bound sweep --help", "plan --help", "--version"})
  void helpAndVersionExitZero(String args) {
    Cli cli = Cli.run(args.isEmpty() ? new String[0] : args.split(" "));
    assertEquals(0, cli.exitCode(), cli.err());
    assertFalse(cli.out().isBlank());
  }
}
