package org.hsgd.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study on a real Spark standalone cluster: a master and two workers as processes on 127.0.0.1
 * ({@code scripts/spark-cluster}), the packaged jar run through {@code ./hsgd} as a user runs it.
 * Its tables must equal the local engine's to the byte, also when an executor is killed mid-study.
 */
class SparkClusterIT {
  private static final String GRID = "experiments/quadratic-grid.yaml";
  private static final List<String> TABLES =
      List.of("points.csv", "runs.csv", "summary.csv", "check-summary.csv");

  @TempDir static Path dir;
  private static String master;
  private static Path local;

  @BeforeAll
  static void startTheClusterAndRunLocally() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    master = "spark://127.0.0.1:" + port;
    Result started = cluster("start", "2").waitFor(120);
    assertEquals(0, started.exit(), started.output());
    local = dir.resolve("local");
    Result run = hsgd("check", GRID, "--out", local.toString()).waitFor(300);
    assertEquals(
        3,
        run.exit(),
        "the grid's sandwich is inconclusive where P_1 and P_K cannot be told apart: " + run);
  }

  @AfterAll
  static void stopTheCluster() throws Exception {
    Result stopped = cluster("stop").waitFor(60);
    assertEquals(0, stopped.exit(), stopped.output());
  }

  @Test
  void aStudyOnTheClusterGivesTheLocalEnginesTables() throws Exception {
    Path out = dir.resolve("cluster");
    Result run =
        hsgd("check", GRID, "--engine", "spark", "--master", master, "--out", out.toString())
            .waitFor(300);
    assertEquals(3, run.exit(), run.output());
    assertSameTables(local, out);
    String manifest = Files.readString(out.resolve("study.manifest.json"));
    assertTrue(
        manifest.contains("--engine spark --master " + master), "the rerun line: " + manifest);
    assertTrue(manifest.contains("\"sparkVersion\" : \"4."), manifest);
  }

  @Test
  void aKilledExecutorCostsNothingButTime() throws Exception {
    Path out = dir.resolve("killed-executor");
    Running run =
        hsgd("check", GRID, "--engine", "spark", "--master", master, "--out", out.toString());
    // Once replicates have come back, kill -9 one executor: a child of a worker.
    run.awaitOutput("progress: ", 240);
    long worker = Long.parseLong(Files.readString(state().resolve("pids/worker-1")).trim());
    List<ProcessHandle> executors = ProcessHandle.of(worker).orElseThrow().children().toList();
    assertTrue(!executors.isEmpty(), "worker 1 runs an executor");
    executors.forEach(ProcessHandle::destroyForcibly);
    Result done = run.waitFor(300);
    assertEquals(3, done.exit(), done.output());
    assertSameTables(local, out);
  }

  @Test
  void aStudyWhoseDriverWasKilledResumesOnTheCluster() throws Exception {
    Path out = dir.resolve("killed-driver");
    Running run =
        hsgd("check", GRID, "--engine", "spark", "--master", master, "--out", out.toString());
    // Once a replicate is stored in the study's hidden staging folder, kill -9 the driver.
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (storedReplicates() == 0) {
      assertTrue(run.process().isAlive(), "ended early: " + Files.readString(run.log()));
      assertTrue(System.nanoTime() < end, "no replicate stored after 240 s");
      Thread.sleep(50);
    }
    List<ProcessHandle> driver =
        Stream.concat(run.process().descendants(), Stream.of(run.process().toHandle())).toList();
    driver.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : driver) {
      p.onExit().get(30, TimeUnit.SECONDS);
    }
    Result rerun =
        hsgd("check", GRID, "--engine", "spark", "--master", master, "--out", out.toString())
            .waitFor(300);
    assertEquals(3, rerun.exit(), rerun.output());
    assertTrue(rerun.output().contains("resumed: "), rerun.output());
    assertSameTables(local, out);
  }

  /** The replicates stored by studies in progress (their hidden staging folders in dir). */
  private static long storedReplicates() throws IOException {
    try (Stream<Path> stored = Files.walk(dir, 3)) {
      return stored
          .filter(p -> p.toString().endsWith(".outcome") && p.toString().contains("hsgd-partial"))
          .count();
    }
  }

  @Test
  void anAbortedJobIsOneLineAndKeepsWhatFinished() throws Exception {
    // Executors given another jar than hsgd's cannot load a replicate: every task fails.
    String other =
        java.util.Arrays.stream(Files.readString(Path.of("target/spark.classpath")).split(":"))
            .filter(jar -> jar.contains("jul-to-slf4j"))
            .findFirst()
            .orElseThrow();
    Path out = dir.resolve("aborted");
    Running run =
        start(
            List.of(
                "./hsgd",
                "check",
                GRID,
                "--engine",
                "spark",
                "--master",
                master,
                "--out",
                out.toString()),
            "-Dspark.jars=" + other.strip());
    Result done = run.waitFor(300);
    assertEquals(1, done.exit(), done.output());
    List<String> lines = done.output().lines().filter(l -> !l.startsWith("progress")).toList();
    String last = lines.get(lines.size() - 1);
    assertTrue(last.startsWith("hsgd check: a Spark job aborted: "), done.output());
    assertTrue(last.contains("ClassNotFoundException"), last);
    assertTrue(done.output().lines().noneMatch(l -> l.startsWith("\tat ")), done.output());
    assertTrue(!Files.exists(out), "nothing published");
  }

  private static void assertSameTables(Path expected, Path actual) throws IOException {
    List<String> files = new ArrayList<>(TABLES);
    try (Stream<Path> points = Files.list(expected.resolve("points"))) {
      points.forEach(p -> files.add("points/" + p.getFileName() + "/check-bound-validity.csv"));
    }
    for (String file : files) {
      assertArrayEquals(
          Files.readAllBytes(expected.resolve(file)),
          Files.readAllBytes(actual.resolve(file)),
          file);
    }
  }

  private static Path state() {
    return dir.resolve("state");
  }

  private static Running cluster(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("bash", "scripts/spark-cluster"));
    command.addAll(List.of(args));
    return start(command);
  }

  private static Running hsgd(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("./hsgd"));
    command.addAll(List.of(args));
    return start(command);
  }

  private static Running start(List<String> command) throws IOException {
    return start(command, "");
  }

  private static Running start(List<String> command, String javaOptions) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("HSGD_JAVA_OPTS", javaOptions);
    pb.environment().put("HSGD_SPARK_CLUSTER", state().toString());
    pb.environment().put("HSGD_SPARK_PORT", master.substring(master.lastIndexOf(':') + 1));
    Path log = Files.createTempFile(dir, "process", ".log");
    pb.redirectOutput(log.toFile());
    return new Running(pb.start(), log);
  }

  /** A process whose output goes to a file. */
  private record Running(Process process, Path log) {
    Result waitFor(long seconds) throws Exception {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError("no end after " + seconds + " s: " + Files.readString(log));
      }
      return new Result(process.exitValue(), Files.readString(log));
    }

    void awaitOutput(String text, long seconds) throws Exception {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (!Files.readString(log).contains(text)) {
        assertTrue(process.isAlive(), "ended early: " + Files.readString(log));
        assertTrue(System.nanoTime() < end, "no '" + text + "' after " + seconds + " s");
        Thread.sleep(100);
      }
    }
  }

  private record Result(int exit, String output) {}
}
