package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hsgd.TestData;
import org.hsgd.bounds.Divergences;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.ProblemConstants;
import org.hsgd.bounds.Scenario;
import org.hsgd.check.BoundValidityCheck;
import org.hsgd.check.CheckResult;
import org.hsgd.check.CheckSettings;
import org.hsgd.check.SandwichCheck;
import org.hsgd.check.SandwichCheckTest;
import org.hsgd.check.TheoryCheck;
import org.hsgd.check.Verdict;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.QuadraticSpec;
import org.hsgd.experiment.RunBounds;
import org.hsgd.experiment.Topology;
import org.hsgd.report.CheckReport;
import org.hsgd.sim.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class CheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theNonConvexSandwichHoldsWithEveryOutput(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Cli cli = Cli.run("check", "experiments/quadratic-cos-sandwich.yaml", "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli.out() + cli.err());
    assertTrue(cli.out().contains("verdict: holds"), cli.out());
    for (String file :
        List.of(
            "check-summary.csv",
            "check-theory.csv",
            "check-bound-validity.csv",
            "check-sandwich.csv",
            "check.txt",
            "check.json",
            "check.manifest.json",
            "runs.csv",
            "hsgd-seed10.csv",
            "local-P16-seed1.manifest.json",
            "trace.csv",
            "summary.csv",
            "bound-curves.csv",
            "check.tex",
            "training.pdf",
            "divergences.svg",
            "bounds.png",
            "bound-vs-measured.pdf",
            "figures.manifest.json")) {
      assertTrue(Files.exists(out.resolve(file)), file);
      assertTrue(cli.out().contains(out.toString()), "says where it wrote");
    }
    Table validity = Table.read().csv(out.resolve("check-bound-validity.csv").toFile());
    assertEquals(6, validity.rowCount()); // closed form and numeric for each of the three
    for (int row = 0; row < 6; row++) {
      assertEquals("holds", validity.stringColumn("verdict").get(row));
      assertTrue(validity.doubleColumn("ratio").get(row) > 1);
    }
    for (int row = 0; row < 6; row += 2) { // numeric <= closed form
      assertTrue(
          validity.doubleColumn("value").get(row + 1) <= validity.doubleColumn("value").get(row));
    }
    JsonNode json = JSON.readTree(out.resolve("check.json").toFile());
    assertEquals("holds", json.get("verdict").asText());
    assertEquals(10, json.at("/checks/bound validity/rows/1/seeds").asInt());
    JsonNode manifest = JSON.readTree(out.resolve("check.manifest.json").toFile());
    assertTrue(manifest.get("rerun").asText().startsWith("./hsgd check "), manifest.toString());
    assertEquals(0.016, manifest.at("/spec/run/stepSize").asDouble(), 0);
  }

  @Test
  void theConvexQuadraticIsInconclusiveWithExitThree(@TempDir Path dir) throws Exception {
    Cli cli =
        Cli.run(
            "check",
            "experiments/quadratic-exact.yaml",
            "--seeds",
            "2",
            "--out",
            dir.resolve("out").toString());
    assertEquals(ExitCodes.INCONCLUSIVE, cli.exitCode(), cli.out() + cli.err());
    assertTrue(cli.out().contains("verdict: inconclusive"), cli.out());
    assertTrue(cli.out().contains("the runs cannot be told apart"), cli.out());
    assertTrue(cli.out().contains("Bound validity: "), cli.out());
    // The convex quadratic's exact expectation replaces the confidence limit.
    Table validity = Table.read().csv(dir.resolve("out/check-bound-validity.csv").toFile());
    assertEquals(
        "the bound stays above the exact expectation on every seed",
        validity.stringColumn("reason").get(1));
    assertTrue(validity.doubleColumn("exact").get(1) > 0);
  }

  @Test
  void injectedViolationsOfEachCheckExitOneWithTheirMargins() {
    ExperimentSpec spec =
        ExperimentSpec.builder(
                "injected",
                QuadraticSpec.builder(List.of(1.0)).build(),
                new Topology.Equal(Hierarchy.twoLevel(16, 4, 4, 16)),
                new RunSettings(100, 0.01, 10))
            .sandwich(true)
            .seeds(3)
            .build();
    // Theory: a single-level eps^2 below the levels' puts B(H-SGD) above B(local SGD P_K).
    TheoryCheck theory =
        TheoryCheck.of(
            List.of(1L),
            List.of(
                RunBounds.of(
                    new Scenario(
                        Hierarchy.twoLevel(16, 4, 4, 16),
                        new ProblemConstants(1, 1, 10),
                        Divergences.perLevel(new double[] {1, 0.5}, 0.01)),
                    false,
                    0.01,
                    100)));
    // Bound validity: a measurement above its bound on every seed.
    BoundValidityCheck validity =
        BoundValidityCheck.of(
            List.of(
                BoundValidityCheck.Row.of(
                    "H-SGD 4/16",
                    BoundValidityCheck.CLOSED_FORM,
                    new double[] {1, 1, 1},
                    new double[] {1.9, 2.0, 2.1},
                    new double[0],
                    true,
                    CheckSettings.DEFAULT)));
    // Empirical sandwich: H-SGD ends below local SGD at P_1.
    SandwichCheck sandwich =
        SandwichCheck.of(
            List.of("local SGD P=4", "H-SGD 4/16", "local SGD P=16"),
            SandwichCheckTest.seeds(0.4, 0.2, 0.01),
            SandwichCheckTest.seeds(0.3, 0.1, 0.012),
            SandwichCheckTest.seeds(0.6, 0.5, 0.008),
            CheckSettings.DEFAULT);
    List<CheckResult> each =
        List.of(
            new CheckResult(List.of(theory, none(), notRun())),
            new CheckResult(List.of(notRunTheory(), validity, notRun())),
            new CheckResult(List.of(notRunTheory(), none(), sandwich)));
    List<String> expected =
        List.of(
            "theory violated (seed 1, run gamma): the bounds are out of order by 0.",
            "bound validity violated (H-SGD 4/16, closed form): the measurement exceeds the bound by 1.00",
            "empirical sandwich violated (final-window loss, local SGD P=4 <= H-SGD 4/16): reversed by");
    for (int i = 0; i < 3; i++) {
      CheckResult result = each.get(i);
      assertEquals(1, ExitCodes.of(result.verdict()));
      String text = new CheckReport(spec, CheckSettings.DEFAULT, result, List.of()).text();
      assertTrue(text.contains("verdict: violated"), text);
      assertTrue(text.contains(expected.get(i)), expected.get(i) + " in\n" + text);
    }
  }

  private static BoundValidityCheck none() {
    return BoundValidityCheck.of(List.of());
  }

  private static SandwichCheck notRun() {
    return SandwichCheck.notApplicable("not run");
  }

  private static TheoryCheck notRunTheory() {
    return TheoryCheck.notApplicable("not run");
  }

  @Test
  void sampleWeightedRunsAreNotComparedWithTheUniformBounds(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("w.yaml");
    Files.writeString(
        config,
        """
        problem: {type: logistic}
        data: {source: gaussian-mixture, classes: 3, features: 5, samples: 120}
        partition: {type: dirichlet, alpha: 0.3}
        weighting: samples
        n: 4
        groups: [2]
        periods: [2, 4]
        gamma: 0.05
        T: 40
        eval-every: 10
        seeds: 2
        compare: sandwich
        """);
    Cli cli = Cli.run("check", config.toString(), "--out", dir.resolve("out").toString());
    assertTrue(cli.exitCode() == 0 || cli.exitCode() == 3, cli.err());
    List<String> rows = Files.readAllLines(dir.resolve("out/check-summary.csv"));
    for (String check : List.of("theory", "bound validity")) {
      String row = rows.stream().filter(r -> r.startsWith(check + ",")).findFirst().orElseThrow();
      assertTrue(
          row.startsWith(check + ",not applicable,")
              && row.contains("bounds are derived for uniform weights"),
          row);
    }
    String theory = String.join("\n", rows);
    assertTrue(!theory.contains("empirical sandwich,not applicable"), "the sandwich still runs");
  }

  @Test
  void exitCodesFollowTheVerdict() {
    assertEquals(0, ExitCodes.of(Verdict.HOLDS));
    assertEquals(0, ExitCodes.of(Verdict.NOT_APPLICABLE));
    assertEquals(1, ExitCodes.of(Verdict.VIOLATED));
    assertEquals(3, ExitCodes.of(Verdict.INCONCLUSIVE));
  }

  @Test
  void badInputIsOneLineAndWritesNothing(@TempDir Path dir) throws Exception {
    Path config =
        SimulateCommandTest.write(
            dir,
            "bad.yaml",
            Files.readString(Path.of("experiments/quadratic-exact.yaml"))
                + "check: {level: 1.5}\n");
    Path out = dir.resolve("out");
    Cli cli = Cli.run("check", config.toString(), "--out", out.toString());
    BadInputTest.assertOneLineError(cli, "check.level must lie strictly between 0 and 1");
    assertFalse(Files.exists(out));
  }

  @Test
  void theDefaultStudyFindsTheSandwichOnMnist(@TempDir Path dir) throws Exception {
    TestData.assumeMnist();
    Cli cli = Cli.run("check", "--out", dir.resolve("out").toString());
    assertEquals(0, cli.exitCode(), cli.out() + cli.err());
    assertTrue(cli.out().contains("check of mnist-sandwich"), cli.out());
    assertTrue(
        cli.out()
            .contains(
                "Empirical sandwich: local SGD P_1 <= H-SGD <= local SGD P_K, paired by seed: holds"),
        cli.out());
    // Theory on the MLP: constants estimated along the runs, labelled so wherever a verdict is.
    for (String check : List.of("Theory: order", "Bound validity: each", "Time averages: at")) {
      assertTrue(
          cli.flatOut()
              .lines()
              .anyMatch(l -> l.startsWith(check) && l.contains("(estimated constants)")),
          check + " in " + cli.out());
    }
    assertTrue(cli.out().contains("P_K): holds (estimated constants)"), cli.out());
    assertTrue(cli.flatOut().contains("no guarantee: gamma = 0.0500 > gamma_max"), cli.out());
    assertTrue(cli.out().contains("note: the bounds use constants estimated along each run, L = "));
    Path out = dir.resolve("out");
    for (String figure :
        List.of("training", "divergences", "bounds", "bound-vs-measured", "time-averages")) {
      for (String format : List.of("pdf", "svg", "png")) {
        assertTrue(Files.exists(out.resolve(figure + "." + format)), figure + "." + format);
      }
    }
    String json = Files.readString(out.resolve("check.json"));
    assertTrue(json.contains("\"estimatedConstants\""), "check.json carries the estimates");
    assertTrue(json.contains("trajectory maxima can understate"), "and what they are worth");
    assertTrue(
        Files.readString(out.resolve("hsgd-seed1.manifest.json"))
            .contains("\"hessianVectorProducts\""));
  }
}
