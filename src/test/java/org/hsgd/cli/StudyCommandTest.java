package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hsgd.TestData;
import org.hsgd.experiment.ClassificationSpec;
import org.hsgd.experiment.DataSources;
import org.hsgd.experiment.Engine;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.GridPoint;
import org.hsgd.experiment.LocalEngine;
import org.hsgd.experiment.Outcome;
import org.hsgd.experiment.Progress;
import org.hsgd.experiment.QuadraticSpec;
import org.hsgd.experiment.Replicate;
import org.hsgd.experiment.Study;
import org.hsgd.report.Provenance;
import org.hsgd.study.StudyJob;
import org.hsgd.study.StudyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Studies: a grid block expands into points, every engine gives the same tables, an interrupted
 * study resumes without rerunning what it finished, and a failing point does not stop the others.
 */
class StudyCommandTest {
  /** A small two-level quadratic-cos experiment with its sandwich, two seeds. */
  static final String BASE =
      """
      problem: {type: quadratic-cos, dimension: 6, eigenvalues: {min: 0.1, max: 1}, clusters: 2}
      n: 8
      groups: [2]
      periods: [2, 8]
      gamma: 0.02
      T: 40
      eval-every: 10
      seeds: 2
      compare: sandwich
      """;

  private static final List<String> TABLES = List.of("points.csv", "runs.csv", "summary.csv");

  private static Study study(String config) throws Exception {
    Path file = Files.createTempFile("study", ".yaml");
    Files.writeString(file, config);
    Settings settings = ExperimentOptions.load(file);
    Files.delete(file);
    return GridConfig.study(settings, "s", UnaryOperator.identity());
  }

  @Test
  void aGridIsTheProductOfItsKeysInTheirOrder() throws Exception {
    Study s = study(BASE + "grid:\n  periods: [[2, 8], [4, 8]]\n  problem.dimension: [3, 5]\n");
    assertEquals(4, s.points().size());
    GridPoint last = s.points().get(3);
    assertEquals("point-3", last.label());
    assertEquals(Map.of("periods", "[4, 8]", "problem.dimension", "5"), last.coordinates());
    assertEquals(List.of("periods", "problem.dimension"), List.copyOf(last.coordinates().keySet()));
    assertArrayEquals(new long[] {4, 8}, last.spec().topology().periods());
    // A key inside a block replaces that key only: the rest of the block stays.
    QuadraticSpec q = (QuadraticSpec) last.spec().problem();
    assertEquals(5, q.eigenvalues().size());
    assertEquals(2, ((QuadraticSpec.Clustered) q.centers()).clusters());
    assertEquals(QuadraticSpec.DEFAULT_COS_WEIGHT, q.cosWeight());
    // The last key varies fastest.
    assertArrayEquals(new long[] {2, 8}, s.points().get(1).spec().topology().periods());
    assertEquals(5, ((QuadraticSpec) s.points().get(1).spec().problem()).eigenvalues().size());
    assertArrayEquals(new long[] {4, 8}, s.points().get(2).spec().topology().periods());
    assertEquals(3, ((QuadraticSpec) s.points().get(2).spec().problem()).eigenvalues().size());
    assertEquals(8, s.replicates().size(), "4 points x 2 seeds");
  }

  @Test
  void explicitPointsAreTakenOneByOne() throws Exception {
    Study s = study(BASE + "grid:\n  points:\n    - {gamma: 0.01}\n    - {gamma: 0.03, T: 20}\n");
    assertEquals(2, s.points().size());
    assertEquals(0.01, s.points().get(0).spec().run().stepSize());
    assertEquals(40, s.points().get(0).spec().run().iterations());
    assertEquals(20, s.points().get(1).spec().run().iterations());
    assertEquals(Map.of("gamma", "0.03", "T", "20"), s.points().get(1).coordinates());
  }

  @Test
  void theReplicateKeyIsTheResultsNotTheName() throws Exception {
    Study a = study(BASE + "grid: {gamma: [0.01, 0.02]}\n");
    Study b =
        study("name: other\n" + BASE.replace("seeds: 2", "seeds: 3") + "grid: {gamma: [0.02]}\n");
    assertEquals(a.replicates().get(2).key(), b.replicates().get(0).key(), "same point, seed 1");
    assertTrue(!a.replicates().get(0).key().equals(a.replicates().get(2).key()), "gamma counts");
    assertTrue(!a.replicates().get(0).key().equals(a.replicates().get(1).key()), "seed counts");
  }

  @Test
  void theLocalEngineAndSparkGiveTheSameTablesBitForBit(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("g.yaml");
    Files.writeString(config, BASE + "grid:\n  periods: [[2, 8], [4, 16]]\n");
    Cli local = simulate(config, dir.resolve("local"));
    // What a driver killed with kill -9 left of Spark's temporary files is deleted by the next.
    Path left = org.hsgd.spark.SparkEngine.scratchRoot().resolve(Long.toString(deadProcess()));
    Files.createDirectories(left.resolve("spark-0/userFiles"));
    Cli spark = simulate(config, dir.resolve("spark"), "--engine", "spark", "--master", "local[2]");
    assertTrue(!Files.exists(left), "a dead driver's temporary files are gone");
    assertTrue(
        !Files.exists(
            org.hsgd.spark.SparkEngine.scratchRoot()
                .resolve(Long.toString(ProcessHandle.current().pid()))),
        "and so are this driver's own, once it ends");
    for (String table : TABLES) {
      assertEquals(
          Files.readString(dir.resolve("local").resolve(table)),
          Files.readString(dir.resolve("spark").resolve(table)),
          table);
    }
    assertEquals(
        Files.readString(dir.resolve("local/points/point-1/trace.csv")),
        Files.readString(dir.resolve("spark/points/point-1/trace.csv")));
    assertTrue(local.out().contains("point-1"), local.out());
    Cli plot = Cli.run("plot", dir.resolve("spark").toString(), "--formats", "svg");
    assertEquals(0, plot.exitCode(), plot.err());
    assertTrue(Files.isRegularFile(dir.resolve("spark/study-periods.svg")), plot.out());
  }

  @Test
  void estimatedConstantsReachSparksExecutors(@TempDir Path dir) throws Exception {
    // The spec crosses to the executors serialized: its constants arrive as a new instance.
    Path config = dir.resolve("e.yaml");
    Files.writeString(
        config,
        """
        problem: {type: mlp}
        data: {source: gaussian-mixture, classes: 3, features: 4, samples: 200}
        model: {hidden: 4}
        n: 4
        groups: [2]
        periods: [2, 4]
        gamma: 0.05
        T: 16
        eval-every: 4
        grid: {gamma: [0.02, 0.05]}
        """);
    Cli local = Cli.run("check", config.toString(), "--out", dir.resolve("l").toString());
    Cli spark =
        Cli.run(
            "check",
            config.toString(),
            "--engine",
            "spark",
            "--master",
            "local[2]",
            "--out",
            dir.resolve("s").toString());
    assertEquals(local.exitCode(), spark.exitCode(), spark.err());
    String summary = Files.readString(dir.resolve("s/check-summary.csv"));
    assertTrue(summary.contains("estimated constants"), summary);
    assertEquals(Files.readString(dir.resolve("l/check-summary.csv")), summary);
  }

  @Test
  void sparkShipsTheMnistDigitsToItsExecutors(@TempDir Path dir) throws Exception {
    TestData.assumeMnist();
    Path config = dir.resolve("m.yaml");
    Files.writeString(
        config,
        """
        problem: {type: logistic}
        data: {source: mnist}
        n: 4
        groups: [2]
        periods: [2, 4]
        gamma: 0.05
        T: 8
        eval-every: 4
        grid: {batch: [4, 8]}
        """);
    simulate(config, dir.resolve("l"));
    simulate(config, dir.resolve("s"), "--engine", "spark", "--master", "local[2]");
    assertEquals(
        Files.readString(dir.resolve("l/summary.csv")),
        Files.readString(dir.resolve("s/summary.csv")));
    assertEquals(
        List.of("mnist"),
        List.copyOf(
            ExperimentSpec.dataSources(study(Files.readString(config)).specs()).files().keySet()));
    assertTrue(
        study(Files.readString(config)).points().get(0).spec().problem()
            instanceof ClassificationSpec);
  }

  @Test
  void anInterruptedStudyResumesWithoutRerunningWhatItFinished(@TempDir Path dir) throws Exception {
    Study s = study(BASE + "grid: {gamma: [0.01, 0.02, 0.03]}\n");
    Path complete = dir.resolve("complete");
    simulate(s, new LocalEngine(2, DataSources.none()), complete);
    // What a process killed half-way leaves: its hidden folder with some finished replicates.
    long deadPid = deadProcess();
    Path partial = dir.resolve(".study." + deadPid + ".00000000000001a2.hsgd-partial/replicates");
    Files.createDirectories(partial);
    List<Path> stored;
    try (Stream<Path> files = Files.list(complete.resolve("replicates"))) {
      stored = files.sorted().toList();
    }
    for (Path f : stored.subList(0, 4)) {
      Files.copy(f, partial.resolve(f.getFileName()));
    }
    Counting engine = new Counting(new LocalEngine(2, DataSources.none()));
    Path study = dir.resolve("study");
    StudyResult resumed = simulate(s, engine, study);
    assertEquals(4, resumed.resumed());
    assertEquals(2, engine.ran.size(), "only the replicates not finished run again");
    for (String table : TABLES) {
      assertEquals(
          Files.readString(complete.resolve(table)), Files.readString(study.resolve(table)), table);
    }
    assertTrue(!Files.exists(partial), "the dead process's folder is cleaned up");
    // The published study has them all: running it again starts no engine at all (on Spark, no
    // application).
    engine.ran.clear();
    engine.calls = 0;
    StudyResult again = simulate(s, engine, study);
    assertEquals(6, again.resumed());
    assertEquals(0, engine.calls);
    String manifest = Files.readString(study.resolve("study.manifest.json"));
    assertTrue(manifest.contains("\"engine\" : {"), manifest);
    assertTrue(manifest.contains("\"threads\" : 2"), manifest);
  }

  @Test
  void aKilledStudyResumesFromWhatItFinished(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("k.yaml");
    Files.writeString(
        config, BASE.replace("T: 40", "T: 3000") + "grid: {gamma: [0.01, 0.02, 0.03, 0.04]}\n");
    Path out = dir.resolve("out");
    Process p =
        Cli.start(
            List.of("simulate", config.toString(), "--threads", "1", "--out", out.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (finishedReplicates(dir) < 2 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    p.destroyForcibly();
    p.waitFor();
    int finished = finishedReplicates(dir);
    Cli rerun = Cli.run("simulate", config.toString(), "--out", out.toString());
    assertEquals(0, rerun.exitCode(), rerun.err());
    assertTrue(finished >= 2 && finished < 8, "killed half-way: " + finished + " of 8 done");
    assertTrue(rerun.out().contains("resumed: " + finished + " of 8 replicates"), rerun.out());
    Cli fresh = Cli.run("simulate", config.toString(), "--out", dir.resolve("fresh").toString());
    for (String table : TABLES) {
      assertEquals(
          Files.readString(dir.resolve("fresh").resolve(table)),
          Files.readString(out.resolve(table)),
          table);
    }
    assertEquals(0, fresh.exitCode());
  }

  @Test
  void aCheckedStudyExitsWithItsWorstPointsVerdict(@TempDir Path dir) throws Exception {
    // The non-convex sandwich holds; with cos-weight 0 the quadratic is convex, u_t does not depend
    // on the schedule and the sandwich cannot be told apart: inconclusive, which wins.
    Path config = dir.resolve("v.yaml");
    Files.writeString(
        config,
        Files.readString(Path.of("experiments/quadratic-cos-sandwich.yaml"))
            + "grid: {problem.cos-weight: [1.0, 0.0]}\n");
    Cli cli = Cli.run("check", config.toString(), "--out", dir.resolve("out").toString());
    assertEquals(ExitCodes.INCONCLUSIVE, cli.exitCode(), cli.out() + cli.err());
    List<String> points = Files.readAllLines(dir.resolve("out/points.csv"));
    assertTrue(points.get(1).endsWith(",holds,"), points.toString());
    assertTrue(points.get(2).contains(",inconclusive,\"empirical sandwich"), points.toString());
    assertTrue(points.get(2).contains("the runs cannot be told apart"), "why: " + points);
  }

  @Test
  void aPointThatDivergesIsReportedAndTheOthersRun(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("d.yaml");
    Files.writeString(config, BASE + "grid: {gamma: [0.02, 1000000]}\n");
    Cli cli = Cli.run("simulate", config.toString(), "--out", dir.resolve("out").toString());
    assertEquals(1, cli.exitCode(), "a failed point fails the study: " + cli.err());
    assertTrue(
        cli.err().contains("1 of 2 points failed (the first, point-1: gamma must"), cli.err());
    List<String> points = Files.readAllLines(dir.resolve("out/points.csv"));
    assertTrue(points.get(1).startsWith("point-0,0.02,ok"), points.toString());
    assertTrue(
        points.get(2).startsWith("point-1,1000000,failed,gamma must keep the run finite"),
        points.toString());
    assertTrue(Files.isDirectory(dir.resolve("out/points/point-0")));
    assertTrue(!Files.exists(dir.resolve("out/points/point-1")));
  }

  @Test
  void aCheckOfAStudyWithFailedPointsExitsOne(@TempDir Path dir) throws Exception {
    // Every point diverging, and one that holds beside one that fails: never exit 0.
    for (String grid : List.of("{gamma: [1000000, 2000000]}", "{gamma: [0.02, 1000000]}")) {
      Path config = dir.resolve("c.yaml");
      Files.writeString(config, BASE + "grid: " + grid + "\n");
      Cli cli = Cli.run("check", config.toString(), "--out", dir.resolve("out").toString());
      assertEquals(1, cli.exitCode(), grid + ": " + cli.out() + cli.err());
      assertTrue(cli.err().contains("points failed"), cli.err());
    }
  }

  /** A study run as {@code hsgd simulate} runs it, on the given engine. */
  private static StudyResult simulate(Study study, Engine engine, Path out) {
    return StudyJob.simulate(
            study, org.hsgd.report.FigureSettings.DEFAULT, Provenance.capture("test", Map.of()))
        .run(engine, out, Progress.SILENT);
  }

  /** {@code hsgd simulate CONFIG --out OUT FLAGS...}, which must succeed. */
  private static Cli simulate(Path config, Path out, String... flags) {
    List<String> args =
        new ArrayList<>(List.of("simulate", config.toString(), "--out", out.toString()));
    args.addAll(List.of(flags));
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertEquals(0, cli.exitCode(), cli.err());
    return cli;
  }

  /** The process id of a process that has ended. */
  private static long deadProcess() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  /** Replicates finished in the hidden folders of {@code dir}. */
  private static int finishedReplicates(Path dir) throws Exception {
    int count = 0;
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p :
          entries.filter(e -> e.getFileName().toString().endsWith(".hsgd-partial")).toList()) {
        Path replicates = p.resolve("replicates");
        if (Files.isDirectory(replicates)) {
          try (Stream<Path> files = Files.list(replicates)) {
            count += (int) files.filter(f -> f.toString().endsWith(".outcome")).count();
          }
        }
      }
    }
    return count;
  }

  /** An engine that records which replicates it was asked to run. */
  private static final class Counting implements Engine {
    private final Engine inner;
    final List<Replicate> ran = new ArrayList<>();
    int calls;

    Counting(Engine inner) {
      this.inner = inner;
    }

    @Override
    public void run(
        List<Replicate> replicates, Progress progress, java.util.function.Consumer<Outcome> done) {
      calls++;
      ran.addAll(replicates);
      inner.run(replicates, progress, done);
    }

    @Override
    public java.util.Map<String, Object> describe() {
      return inner.describe();
    }
  }

  @Test
  void aMalformedSparkMasterIsOneLine(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("m.yaml");
    Files.writeString(config, BASE + "grid: {gamma: [0.02]}\n");
    for (String master : List.of("nonsense", "spark://", "local[x]", "spark://host", "local[0]")) {
      Cli cli =
          Cli.run(
              "simulate",
              config.toString(),
              "--engine",
              "spark",
              "--master",
              master,
              "--out",
              dir.resolve("out").toString());
      assertEquals(2, cli.exitCode(), master + ": " + cli.err());
      assertTrue(
          cli.err().startsWith("hsgd simulate: master must be a Spark master URL"), cli.err());
      assertEquals(1, cli.err().lines().count(), cli.err());
    }
    for (String master :
        List.of("local", "local[2]", "local[*]", "local[2,3]", "spark://127.0.0.1:7077", "yarn")) {
      assertTrue(ExperimentOptions.SPARK_MASTER.matcher(master).matches(), master);
    }
  }
}
