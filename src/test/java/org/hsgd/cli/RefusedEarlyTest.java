package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that cannot run are refused at once, in one line naming the key the user wrote, before
 * anything is computed or made on disk.
 */
class RefusedEarlyTest {
  private static final String QUADRATIC =
      """
      problem: {type: quadratic, dimension: 4, eigenvalues: {min: 0.1, max: 1}%s}
      n: 4
      groups: [2]
      periods: [2, 4]
      gamma: 0.05
      T: 20
      """;

  private static final String MLP =
      """
      problem: {type: mlp}
      data: {source: gaussian-mixture, classes: 2, features: 3, samples: 100}
      partition: {type: shards, shards-per-worker: %s}
      model: {hidden: 2}
      n: 4
      periods: [2]
      gamma: 0.05
      T: 20
      """;

  private static Cli refused(Path dir, String config, String... flags) throws Exception {
    Path file = Files.writeString(Files.createTempFile(dir, "c", ".yaml"), config);
    String[] args = new String[flags.length + 2];
    args[0] = "simulate";
    args[1] = file.toString();
    System.arraycopy(flags, 0, args, 2, flags.length);
    Cli cli = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.run(args));
    assertEquals(2, cli.exitCode(), config + ": " + cli.err());
    assertEquals(1, cli.err().lines().count(), cli.err());
    return cli;
  }

  @Test
  void sizesThatCannotFitAreRefusedByTheirKey(@TempDir Path dir) throws Exception {
    assertTrue(
        refused(dir, QUADRATIC.formatted(", clusters: 1000000000"))
            .err()
            .contains("must fit in memory"),
        "the clusters' centers are counted before they are drawn");
    assertTrue(
        refused(dir, MLP.formatted("1073741824"))
            .err()
            .contains("partition.shards-per-worker times n must be at most the samples"));
    assertTrue(
        refused(dir, MLP.formatted("26")).err().contains("partition.shards-per-worker"),
        "26 x 4 shards of 80 training samples");
  }

  @Test
  void aRunThatCannotFitInMemoryMakesNothingOnDisk(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("results/big");
    Cli cli =
        refused(
            dir,
            QUADRATIC
                .formatted("")
                .replace("dimension: 4", "dimension: 10000000")
                .replace("n: 4", "n: 512"),
            "--out",
            out.toString());
    assertTrue(cli.err().contains("must fit in memory"), cli.err());
    assertTrue(cli.err().contains("HSGD_JAVA_OPTS"), "the cli names its remedy: " + cli.err());
    assertTrue(!Files.exists(dir.resolve("results")), "no empty results folder left behind");
  }

  @Test
  void aSecondRunIntoAFolderBeingWrittenIsRefusedAtOnce(@TempDir Path dir) throws Exception {
    Process other = new ProcessBuilder("sleep", "60").start();
    try {
      Path out = dir.resolve("out");
      Files.createDirectories(
          dir.resolve(".out." + other.pid() + ".0123456789abcdef.hsgd-partial"));
      Cli cli = refused(dir, QUADRATIC.formatted(""), "--out", out.toString());
      assertTrue(
          cli.err().contains("out must not be written by two runs at once; found " + out),
          cli.err());
      assertTrue(cli.err().contains("process " + other.pid()), cli.err());
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void aHugeValueIsShownCut(@TempDir Path dir) throws Exception {
    String huge = "9".repeat(3_000_000);
    Cli cli = refused(dir, QUADRATIC.formatted("").replace("gamma: 0.05", "gamma: x" + huge));
    assertTrue(cli.err().length() < 1000, "a line, not the file: " + cli.err().length());
    assertTrue(cli.err().endsWith("characters)" + System.lineSeparator()), cli.err());
  }

  @Test
  void aNegativeTotalIsBlamedOnTheKeyGiven() {
    Cli cli =
        Cli.run(
            BoundCommandTest.with(
                BoundCommandTest.SCENARIO, "--eps2-total", "-1", "--random-grouping"));
    assertEquals(2, cli.exitCode(), cli.err());
    assertTrue(cli.err().startsWith("hsgd bound: eps2-total must"), cli.err());
  }

  @Test
  void aWholeNumberJustBelowItsLimitIsTakenExactly() {
    String[] twoLevel = BoundCommandTest.TWO_LEVEL;
    Cli below = Cli.run(BoundCommandTest.with(twoLevel, "--T", "4611686018427387903"));
    assertEquals(0, below.exitCode(), "2^62 - 1: " + below.err());
    for (String over : List.of("4611686018427387904", "9223372036854775807", "1e30")) {
      Cli cli = Cli.run(BoundCommandTest.with(twoLevel, "--T", over));
      assertEquals(2, cli.exitCode(), over);
      assertTrue(cli.err().contains("T must be a whole number below 2^62"), cli.err());
    }
  }
}
