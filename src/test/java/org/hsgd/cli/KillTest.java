package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hsgd.report.ResultFolder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} at random moments of a run, many times: the results folder is then either absent
 * or complete (never a partial file under a final name, never a CSV without its manifest), and the
 * next run leaves no temporary behind.
 */
class KillTest {
  private static final int KILLS = 6;

  private static final String EXPERIMENT =
      """
      problem: {type: quadratic-cos, dimension: 8, eigenvalues: {min: 0.1, max: 1}, clusters: 4}
      n: 16
      groups: [4]
      periods: [4, 16]
      gamma: 0.02
      T: 1500
      seeds: 3
      compare: sandwich
      """;

  @ParameterizedTest
  @ValueSource(strings = {"simulate", "bound sweep"})
  void aKilledRunLeavesNothingPartialAndTheNextCleansUp(String command, @TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("c.yaml");
    Files.writeString(
        config,
        command.equals("simulate")
            ? EXPERIMENT
            : Files.readString(Path.of("bounds/random-grouping-sweep.yaml")));
    Path out = dir.resolve("out");
    long start = System.nanoTime();
    assertEquals(0, run(command, config, out, Long.MAX_VALUE));
    double seconds = (System.nanoTime() - start) / 1e9;
    Set<String> complete = files(out);
    Random random = new Random(42);
    for (int i = 0; i < KILLS; i++) {
      // From the middle of the run to past its end, where the writing happens.
      long killAfter = (long) (seconds * 1000 * (0.5 + 0.6 * random.nextDouble()));
      run(command, config, out, killAfter);
      if (Files.exists(out)) {
        assertEquals(
            complete, files(out), "complete or absent after a kill at " + killAfter + " ms");
      }
    }
    assertEquals(0, run(command, config, out, Long.MAX_VALUE));
    assertEquals(complete, files(out));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(
          Set.of("c.yaml", "out"),
          new TreeSet<>(left.map(p -> p.getFileName().toString()).toList()),
          "no temporary survives the next run");
    }
  }

  /** Runs hsgd in its own JVM, killed with SIGKILL after {@code killAfterMs}; its exit code. */
  private static int run(String command, Path config, Path out, long killAfterMs) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
    if (command.equals("simulate")) {
      args.add(config.toString());
    } else {
      args.addAll(List.of("--config", config.toString()));
    }
    args.addAll(List.of("--out", out.toString()));
    Process p = Cli.start(args);
    if (!p.waitFor(Math.min(killAfterMs, 120_000), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      p.waitFor();
    }
    return p.exitValue();
  }

  /** Every file below {@code dir}, which must hold the marker. */
  private static Set<String> files(Path dir) throws Exception {
    Set<String> files = new TreeSet<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.add(dir.relativize(p).toString());
      }
    }
    assertTrue(files.contains(ResultFolder.MARKER), "the marker: " + files);
    return files;
  }
}
