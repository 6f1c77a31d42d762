package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs never replace what is not an ordinary file or folder of hsgd's: devices, FIFOs, links,
 * folders where a file goes, a user's own files; and all of it is refused before anything runs.
 */
class OutputPathsTest {

  private static final String EXPERIMENT =
      """
      problem: {type: quadratic, dimension: 4, eigenvalues: {min: 0.1, max: 1}}
      n: 4
      groups: [2]
      periods: [2, 4]
      gamma: 0.05
      T: 20
      """;

  private static Cli bound(Path out) {
    return Cli.run(BoundCommandTest.with(BoundCommandTest.TWO_LEVEL, "--out", out.toString()));
  }

  private static void assertRefused(Cli cli, String what) {
    assertEquals(2, cli.exitCode(), what + ": " + cli.err());
    assertTrue(cli.err().startsWith("hsgd "), cli.err());
    assertEquals(1, cli.err().lines().count(), "one line: " + cli.err());
    assertTrue(cli.err().contains("out must"), cli.err());
  }

  @Test
  void aReportIsNeverWrittenOverALinkADeviceAFifoOrAFolder(@TempDir Path dir) throws Exception {
    Path mine = Files.writeString(dir.resolve("mine.txt"), "keep me");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), mine);
    assertRefused(bound(link), "a link");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("keep me", Files.readString(mine));

    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("nowhere"));
    assertRefused(bound(dangling), "a dangling link");
    assertTrue(!Files.exists(dir.resolve("nowhere")));

    Path fifo = dir.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    assertRefused(bound(fifo), "a FIFO");

    Path folder = Files.createDirectories(dir.resolve("folder"));
    assertRefused(bound(folder), "a folder");
    try (var left = Files.list(folder)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void aResultFolderIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("e.yaml"), EXPERIMENT);
    Path file = Files.writeString(dir.resolve("file"), "mine");
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("gone"));
    Path linked =
        Files.createSymbolicLink(
            dir.resolve("linked"), Files.createDirectories(dir.resolve("real")));
    for (Path out : List.of(file, dangling, linked)) {
      Cli cli = Cli.run("simulate", config.toString(), "--out", out.toString());
      assertRefused(cli, out.getFileName().toString());
      assertTrue(!cli.err().contains("progress"), "refused before running: " + cli.err());
    }
    assertEquals("mine", Files.readString(file));
    assertTrue(Files.isSymbolicLink(dangling) && Files.isSymbolicLink(linked));
  }

  @Test
  void plotNeverOverwritesAUsersFiguresButRedrawsItsOwn(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("e.yaml"), EXPERIMENT);
    Path results = dir.resolve("results");
    assertEquals(0, Cli.run("simulate", config.toString(), "--out", results.toString()).exitCode());
    Path figures = Files.createDirectories(dir.resolve("figures"));
    Path users = Files.writeString(figures.resolve("training.png"), "my own figure");
    assertRefused(Cli.run("plot", results.toString(), "--out", figures.toString()), "a user's");
    assertEquals("my own figure", Files.readString(users));

    Path fresh = dir.resolve("fresh");
    for (int i = 0; i < 2; i++) { // the second time, it replaces the figures it drew
      Cli plot = Cli.run("plot", results.toString(), "--out", fresh.toString());
      assertEquals(0, plot.exitCode(), plot.err());
    }
    assertEquals(0, Cli.run("plot", results.toString()).exitCode(), "into the results folder");
  }
}
