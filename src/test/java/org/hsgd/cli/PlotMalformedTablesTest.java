package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hsgd plot on tables that hsgd did not write as they are: one line, exit 2, never a crash. */
class PlotMalformedTablesTest {
  @TempDir static Path dir;
  private static Path results;

  @BeforeAll
  static void check() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("e.yaml"),
            """
            problem: {type: quadratic, dimension: 4, eigenvalues: {min: 0.1, max: 1}}
            n: 4
            groups: [2]
            periods: [2, 4]
            gamma: 0.05
            T: 20
            seeds: 2
            """);
    results = dir.resolve("results");
    Cli cli = Cli.run("check", config.toString(), "--out", results.toString());
    assertTrue(cli.exitCode() != 2, cli.err());
  }

  /** A copy of the results with one table rewritten. */
  private static Path edited(String name, String table, UnaryOperator<String> edit)
      throws Exception {
    Path copy = Files.createDirectories(dir.resolve(name));
    try (var files = Files.list(results)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Path file = copy.resolve(table);
    Files.writeString(file, edit.apply(Files.readString(file)));
    return copy;
  }

  private static void assertRefused(Path folder, String naming) {
    Cli cli = Cli.run("plot", folder.toString(), "--out", dir.resolve("figures").toString());
    assertEquals(2, cli.exitCode(), folder + ": " + cli.err());
    assertEquals(1, cli.err().lines().count(), cli.err());
    assertTrue(cli.err().contains(naming), naming + " in " + cli.err());
  }

  private static String textInValueColumn(String csv) {
    List<String> lines = csv.lines().toList();
    int index = List.of(lines.get(0).split(",")).indexOf("value");
    StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = new java.util.ArrayList<>(List.of(line.split(",", -1)));
      cells.set(index, "high");
      out.append(String.join(",", cells)).append('\n');
    }
    return out.toString();
  }

  private static String withoutColumn(String csv, String column) {
    List<String> lines = csv.lines().toList();
    int index = List.of(lines.get(0).split(",")).indexOf(column);
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      List<String> cells = new java.util.ArrayList<>(List.of(line.split(",", -1)));
      cells.remove(index);
      out.append(String.join(",", cells)).append('\n');
    }
    return out.toString();
  }

  @Test
  void aMissingColumnAHeaderWithoutRowsOrTextForNumbersIsNamed() throws Exception {
    assertRefused(
        edited("no-iteration", "trace.csv", t -> withoutColumn(t, "iteration")), "iteration");
    assertRefused(
        edited("header-only", "trace.csv", t -> t.lines().findFirst().orElse("") + "\n"),
        "at least one row");
    assertRefused(
        edited("text-values", "bound-curves.csv", PlotMalformedTablesTest::textInValueColumn),
        "numbers in the column value");
    assertRefused(edited("no-value", "bound-curves.csv", t -> withoutColumn(t, "value")), "value");
  }

  @Test
  void nonFiniteNumbersNeverCrash() throws Exception {
    for (String bad : List.of("NaN", "Infinity", "-Infinity")) {
      Path folder =
          edited("iteration-" + bad, "trace.csv", t -> t.replaceAll("(?m),20,", "," + bad + ","));
      Cli cli = Cli.run("plot", folder.toString(), "--out", dir.resolve("f-" + bad).toString());
      assertTrue(cli.exitCode() == 0 || cli.exitCode() == 2, bad + ": " + cli.err());
      assertTrue(cli.err().lines().count() <= 1, cli.err());
    }
  }

  @Test
  void aStudysPointsTableWithoutItsStatusIsRefused() throws Exception {
    Path study = Files.createDirectories(dir.resolve("study"));
    Files.writeString(study.resolve("points.csv"), "point,gamma\npoint-0,0.01\n");
    Files.writeString(
        study.resolve("runs.csv"),
        "point,gamma,algorithm,seed,mean_grad_norm_sq\np,0.01,hsgd,1,2\n");
    assertRefused(study, "status");
  }
}
