package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/** The sweep and plan commands, and the scenarios shipped in bounds/. */
class SweepAndPlanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A random-grouping scenario swept over G = 2, 4, 8, 16. */
  private static final String G_SWEEP =
      """
      n: 16
      groups: [4]
      periods: [2, 8]
      L: 1
      sigma2: 1
      delta: 5
      eps2-total: 2
      random-grouping: true
      T: 10000
      sweep:
        parameter: periods[2]
        values: [2, 4, 8, 16]
      """;

  @Test
  void sweepWritesCsvPlotsAndManifest(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("g.yaml");
    Files.writeString(config, G_SWEEP);
    Path out = dir.resolve("out");
    Cli cli = Cli.run("bound", "sweep", "--config", config.toString(), "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().contains("sandwich holds at every point"), cli.out());
    assertTrue(cli.out().contains("A3-RG"), "random grouping must be flagged");
    Table t = Table.read().csv(out.resolve("g.csv").toFile());
    assertEquals(4, t.rowCount());
    // The swept period is named G and read back as whole numbers.
    assertArrayEquals(new int[] {2, 4, 8, 16}, t.intColumn("G").asIntArray());
    assertTrue(t.booleanColumn("sandwich_holds").all());
    // At G = I = 2 the three bounds coincide; afterwards H-SGD lies strictly inside.
    assertEquals(t.doubleColumn("lower_total").get(0), t.doubleColumn("upper_total").get(0), 1e-12);
    assertTrue(t.doubleColumn("hsgd_total").get(3) < t.doubleColumn("upper_total").get(3));
    assertTrue(t.doubleColumn("hsgd_total").get(3) > t.doubleColumn("lower_total").get(3));
    byte[] png = Files.readAllBytes(out.resolve("g.png"));
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
    assertTrue(Files.readString(out.resolve("g.svg")).contains("<svg"));
    assertTrue(
        new String(
                Files.readAllBytes(out.resolve("g.pdf")),
                0,
                5,
                java.nio.charset.StandardCharsets.US_ASCII)
            .startsWith("%PDF"));
    JsonNode manifest = JSON.readTree(out.resolve("g.manifest.json").toFile());
    assertEquals(16, manifest.at("/settings/n").asInt());
    assertTrue(manifest.get("rerun").asText().contains("bound sweep --config"));
    // The same config gives the same numbers.
    String first = Files.readString(out.resolve("g.csv"));
    assertEquals(
        0,
        Cli.run("bound", "sweep", "--config", config.toString(), "--out", out.toString())
            .exitCode());
    assertEquals(first, Files.readString(out.resolve("g.csv")));
  }

  @Test
  void logRangeSweepOfTheStepSize(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("gamma.yaml");
    Files.writeString(
        config,
        """
        n: 8
        groups: [2]
        periods: [2, 4]
        L: 1
        sigma2: 1
        delta: 1
        eps2: [1, 0.5]
        T: 1000
        allow-invalid-step: true
        sweep:
          parameter: gamma
          range: {from: 0.001, to: 1, points: 7, scale: log}
        """);
    Path out = dir.resolve("out");
    Cli cli = Cli.run("bound", "sweep", "--config", config.toString(), "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    Table t = Table.read().csv(out.resolve("gamma.csv").toFile());
    assertEquals(7, t.rowCount());
    assertEquals(0.01, t.doubleColumn("gamma").get(2), 1e-15);
    assertTrue(t.booleanColumn("hsgd_step_size_valid").get(0));
    assertTrue(!t.booleanColumn("hsgd_step_size_valid").get(6));
  }

  @Test
  void planRanksFastestFirst() throws Exception {
    Cli cli = Cli.run("plan", "--config", "bounds/plan.yaml", "--format", "json");
    assertEquals(0, cli.exitCode(), cli.err());
    JsonNode plans = JSON.readTree(cli.out()).get("plans");
    assertTrue(plans.size() > 10);
    for (int i = 1; i < plans.size(); i++) {
      assertTrue(
          plans.get(i - 1).get("seconds").asDouble() <= plans.get(i).get("seconds").asDouble());
      assertTrue(plans.get(i).get("bound").asDouble() <= 0.05);
    }
    assertEquals(5, JSON.readTree(cli.out()).get("skippedGridCombinations").asInt());
    Cli top = Cli.run("plan", "--config", "bounds/plan.yaml", "--top", "3", "--format", "csv");
    assertEquals(4, top.out().lines().count(), top.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bounds/two-level.yaml", "bounds/three-level.yaml"})
  void shippedScenariosRunAndHoldTheSandwich(String config) throws Exception {
    for (String format : new String[] {"table", "json", "csv", "latex"}) {
      Cli cli = Cli.run("bound", "--config", config, "--format", format);
      assertEquals(0, cli.exitCode(), cli.err());
      assertTrue(!cli.out().isBlank());
    }
    JsonNode j = JSON.readTree(Cli.run("bound", "--config", config, "--format", "json").out());
    assertTrue(j.at("/sandwich/holds").asBoolean());
    assertTrue(j.get("stepSizeValid").asBoolean());
  }

  @Test
  void shippedSweepShowsTheSandwich(@TempDir Path dir) {
    Cli cli =
        Cli.run(
            "bound",
            "sweep",
            "--config",
            "bounds/random-grouping-sweep.yaml",
            "--out",
            dir.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().contains("sandwich holds at every point"));
    assertTrue(Files.exists(dir.resolve("random-grouping-sweep.svg")));
  }

  @Test
  void theNumericBoundReachesThePlannersTargetSoonerAndSweepsBeside(@TempDir Path dir)
      throws Exception {
    Cli closed = Cli.run("plan", "--config", "bounds/plan.yaml", "--format", "json");
    Cli numeric =
        Cli.run("plan", "--config", "bounds/plan.yaml", "--bound", "numeric", "--format", "json");
    assertEquals(0, numeric.exitCode(), numeric.err());
    JsonNode c = JSON.readTree(closed.out());
    JsonNode n = JSON.readTree(numeric.out());
    assertEquals("numeric", n.get("bound").asText());
    assertEquals(c.get("plans").size(), n.get("plans").size());
    // The numeric bound is below the closed form, so no candidate needs more iterations.
    java.util.Map<String, Long> closedT = new java.util.HashMap<>();
    c.get("plans")
        .forEach(p -> closedT.put(p.get("periods") + "" + p.get("groups"), p.get("T").asLong()));
    n.get("plans")
        .forEach(
            p ->
                assertTrue(
                    p.get("T").asLong() <= closedT.get(p.get("periods") + "" + p.get("groups")),
                    p.toString()));
    Path config = dir.resolve("s.yaml");
    Files.writeString(config, G_SWEEP + "  bound: numeric\n");
    Path out = dir.resolve("out");
    Cli cli = Cli.run("bound", "sweep", "--config", config.toString(), "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    Table t = Table.read().csv(out.resolve("s.csv").toFile());
    for (int row = 0; row < 4; row++) {
      assertTrue(t.doubleColumn("hsgd_numeric").get(row) <= t.doubleColumn("hsgd_total").get(row));
    }
    assertTrue(Files.readString(out.resolve("s.svg")).contains("<svg"));
  }

  @Test
  void aRangeOfAstronomicallyManyPointsSaysSo(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("big.yaml");
    Files.writeString(
        config, G_SWEEP.replace("values: [2, 4, 8, 16]", "range: {from: 1, to: 1e30, step: 1}"));
    Cli cli =
        Cli.run(
            "bound", "sweep", "--config", config.toString(), "--out", dir.resolve("o").toString());
    BadInputTest.assertOneLineError(
        cli, "sweep.range must have at most 1000000 points; found 1.00e+30 points");
  }
}
