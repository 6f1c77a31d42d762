package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code hsgd plot} redraws figures from results on disk, in the style its options give. */
class PlotCommandTest {
  private static final String QUADRATIC =
      """
      problem: {type: quadratic, dimension: 4, eigenvalues: [1.0, 0.5, 0.2, 0.1], clusters: 2}
      n: 8
      groups: [2]
      periods: [2, 8]
      gamma: 0.05
      T: 200
      seeds: 2
      compare: sandwich
      """;

  @Test
  void redrawsEveryFigureOfACheckWithoutRerunning(@TempDir Path dir) throws Exception {
    Path config = SimulateCommandTest.write(dir, "q.yaml", QUADRATIC);
    Path results = dir.resolve("results");
    Cli check = Cli.run("check", config.toString(), "--out", results.toString());
    assertTrue(check.exitCode() != 2, check.err());
    Path figures = dir.resolve("figures");
    Cli plot =
        Cli.run(
            "plot",
            results.toString(),
            "--out",
            figures.toString(),
            "--figure-width",
            "two-column",
            "--band",
            "sd",
            "--formats",
            "pdf,svg");
    assertEquals(0, plot.exitCode(), plot.err());
    for (String name : List.of("training", "divergences", "bounds", "bound-vs-measured")) {
      assertTrue(Files.exists(figures.resolve(name + ".pdf")), name);
      assertTrue(Files.exists(figures.resolve(name + ".svg")), name);
      assertFalse(Files.exists(figures.resolve(name + ".png")), "only the formats asked for");
      assertTrue(plot.out().contains("wrote " + figures.resolve(name + ".pdf")), plot.out());
    }
    JsonNode manifest =
        new ObjectMapper().readTree(figures.resolve("figures.manifest.json").toFile());
    assertEquals(6.9, manifest.at("/style/widthInches").asDouble(), 0);
    assertEquals("sd", manifest.at("/band").asText());
    assertTrue(manifest.get("rerun").asText().startsWith("./hsgd plot "), manifest.toString());
    assertTrue(
        manifest
            .get("rerun")
            .asText()
            .endsWith("--figure-width two-column --formats pdf,svg --band sd"),
        "the rerun line restyles alike: " + manifest.get("rerun"));
    assertTrue(
        manifest.at("/figures/0/caption").asText().contains("1 sd over seeds"),
        "the caption says what the band is: " + manifest);
  }

  @Test
  void aFolderWithoutResultsIsRefused(@TempDir Path dir) {
    BadInputTest.assertOneLineError(
        Cli.run("plot", dir.toString()),
        "must be a results folder of hsgd simulate, check or import");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--band|wide|figures.band must be min-max, sd or ci95",
        "--formats|pdf,gif|figures.formats must list pdf, svg or png",
        "--figure-width|0.5|figures.width must lie between 1.0 and 20.0",
        "--figure-width|one column|figures.width must be a number",
        "--font-size|30|figures.font-size must lie between 5.0 and 14.0",
        "--metrics|loss,accuracy|figures.metrics must list loss, test_accuracy, test_loss or grad_norm_sq"
      })
  void badFigureOptionsAreOneLineAndWriteNothing(
      String flag, String value, String expected, @TempDir Path dir) throws Exception {
    Path config = SimulateCommandTest.write(dir, "q.yaml", QUADRATIC);
    Path out = dir.resolve("out");
    BadInputTest.assertOneLineError(
        Cli.run("simulate", config.toString(), "--out", out.toString(), flag, value), expected);
    assertFalse(Files.exists(out), "refused before running");
  }

  @Test
  void theFiguresBlockOfAConfigIsChecked(@TempDir Path dir) throws Exception {
    Path config =
        SimulateCommandTest.write(
            dir, "q.yaml", QUADRATIC + "figures: {width: two-column, colour: red}\n");
    BadInputTest.assertOneLineError(
        Cli.run("simulate", config.toString(), "--out", dir.resolve("out").toString()), "colour");
  }
}
