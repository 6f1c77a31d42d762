package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.check.BoundValidityCheck;
import org.hsgd.check.CheckResult;
import org.hsgd.check.CheckSettings;
import org.hsgd.check.TheoryCheck;
import org.hsgd.check.Verdict;
import org.hsgd.experiment.ConstantsSpec;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.QuadraticSpec;
import org.hsgd.experiment.Topology;
import org.hsgd.sim.ExactConstants;
import org.hsgd.sim.GroupingStrategy;
import org.hsgd.sim.RunSettings;
import org.hsgd.study.ExperimentJob;
import org.hsgd.study.ExperimentResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Constants the user gives: theory and bound validity on any problem, labelled as theirs. */
class GivenConstantsTest {
  private static final String MLP =
      """
      problem: {type: mlp}
      data: {source: gaussian-mixture, classes: 3, features: 4, samples: 200}
      model: {hidden: 4}
      n: 8
      groups: [2]
      periods: [2, 8]
      gamma: 0.05
      T: 40
      seeds: 2
      """;

  @Test
  void anMlpGetsTheTheoryAndBoundValidityChecksLabelledAsGiven(@TempDir Path dir) throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("m.yaml"),
            MLP + "constants: {L: 2, sigma2: 1, delta: 3, eps2: [0.5, 0.2]}\n");
    Cli cli = Cli.run("check", config.toString(), "--out", dir.resolve("out").toString());
    assertTrue(cli.exitCode() != 2, cli.err());
    assertTrue(cli.out().contains("P_K): holds (given constants)"), cli.out());
    assertTrue(cli.out().contains("it bounds: "), cli.out());
    assertTrue(
        cli.out().contains("note: the bounds use the constants given in the config"), cli.out());
    String summary = Files.readString(dir.resolve("out/check-summary.csv"));
    assertTrue(summary.contains("; given constants"), summary);
    assertTrue(Files.exists(dir.resolve("out/bounds.pdf")), "the bound figures are drawn too");
    // Without them, the same runs get constants estimated along them.
    Path plain = Files.writeString(dir.resolve("p.yaml"), MLP);
    Cli without = Cli.run("check", plain.toString(), "--out", dir.resolve("plain").toString());
    assertTrue(without.out().contains("P_K): holds (estimated constants)"), without.out());
  }

  @Test
  void theRerunLineKeepsTheConstantsFlag(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Cli cli =
        Cli.run(
            "simulate",
            "experiments/quadratic-exact.yaml",
            "--seeds",
            "1",
            "--constants",
            "estimated",
            "--out",
            out.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    String manifest = Files.readString(out.resolve("hsgd-seed1.manifest.json"));
    assertTrue(manifest.contains("--seeds 1 --constants estimated --out"), manifest);
    assertTrue(manifest.contains("\"estimatedConstants\""), "estimated as asked");
  }

  @Test
  void givenConstantsThatBreakTheTheorysOrderAreReportedViolated(@TempDir Path dir)
      throws Exception {
    // Local SGD's single-level eps^2 far below the levels' puts B(H-SGD) above B(local SGD P_K).
    Path config =
        Files.writeString(
            dir.resolve("v.yaml"),
            MLP + "constants: {L: 2, sigma2: 1, delta: 3, eps2: [0.5, 0.2], eps2-total: 0.001}\n");
    Cli cli = Cli.run("check", config.toString(), "--out", dir.resolve("out").toString());
    assertEquals(1, cli.exitCode(), cli.out() + cli.err());
    assertTrue(cli.out().contains("P_K): violated (given constants)"), cli.out());
    assertTrue(cli.out().contains("theory violated (seed 1, run gamma)"), cli.out());
  }

  @Test
  void theExactConstantsGivenByHandGiveTheSameBounds(@TempDir Path dir) {
    ExperimentSpec exact =
        ExperimentSpec.builder(
                "q",
                QuadraticSpec.builder(List.of(1.0, 0.4)).noiseVariance(0.1).build(),
                new Topology.Equal(Hierarchy.twoLevel(8, 2, 2, 8)),
                new RunSettings(40, 0.05, 10))
            .grouping(GroupingStrategy.SEQUENTIAL)
            .build();
    ExperimentResult first =
        ExperimentJob.check(exact, CheckSettings.DEFAULT).run(dir.resolve("a"));
    ExactConstants c = first.runs().get(1).exactConstants().orElseThrow();
    ExperimentSpec given =
        ExperimentSpec.builder(exact.name(), exact.problem(), exact.topology(), exact.run())
            .grouping(GroupingStrategy.SEQUENTIAL)
            .constants(
                new ConstantsSpec.Given(
                    c.smoothness(),
                    c.noiseVariance(),
                    c.initialGap(),
                    c.divergencePerLevel(),
                    c.divergenceTotal()))
            .build();
    ExperimentResult second =
        ExperimentJob.check(given, CheckSettings.DEFAULT).run(dir.resolve("b"));
    TheoryCheck a = theory(first.check().orElseThrow());
    TheoryCheck b = theory(second.check().orElseThrow());
    assertEquals(a.rows().get(0).bounds(), b.rows().get(0).bounds());
    assertEquals("", a.basis());
    assertEquals("given constants", b.basis());
    BoundValidityCheck validity =
        second.check().orElseThrow().find(BoundValidityCheck.class).orElseThrow();
    assertNotEquals(Verdict.NOT_APPLICABLE, validity.verdict());
  }

  private static TheoryCheck theory(CheckResult result) {
    return result.find(TheoryCheck.class).orElseThrow();
  }

  @Test
  void givenConstantsAreCheckedLikeAnyInput(@TempDir Path dir) throws Exception {
    List<String[]> bad =
        List.of(
            new String[] {"constants: guessed", "constants must be exact, estimated or a map"},
            new String[] {"constants: exact", "constants must be estimated or given for this"},
            new String[] {"constants: {L: 2, sigma2: 1, delta: 3, eps2: [0.5]}", "constants.eps2"},
            new String[] {
              "constants: {L: -2, sigma2: 1, delta: 3, eps2: [1, 1]}", "(in constants:)"
            },
            new String[] {
              "constants: {L: 2, sigma2: 1, eps2: [1, 1]}", "constants.delta is required"
            },
            new String[] {
              "constants: {L: 2, sigma2: 1, delta: 3, eps2: [1, x]}", "constants.eps2[2]"
            },
            new String[] {"constants: {L: 2, sigma2: 1, delta: 3, eps2: [1, 1], mu: 1}", "mu"});
    for (String[] c : bad) {
      Path config = Files.writeString(dir.resolve("b.yaml"), MLP + c[0] + "\n");
      Cli cli = Cli.run("simulate", config.toString(), "--out", dir.resolve("x").toString());
      assertEquals(2, cli.exitCode(), c[0] + ": " + cli.err());
      assertTrue(cli.err().contains(c[1]), c[1] + " in " + cli.err());
      assertTrue(!Files.exists(dir.resolve("x")));
    }
    Path config = Files.writeString(dir.resolve("f.yaml"), MLP);
    Cli flag =
        Cli.run(
            "simulate",
            config.toString(),
            "--constants",
            "guessed",
            "--out",
            dir.resolve("x").toString());
    assertEquals(2, flag.exitCode(), flag.err());
    assertTrue(flag.err().contains("constants must be exact or estimated"), flag.err());
    assertTrue(!Files.exists(dir.resolve("x")));
  }
}
