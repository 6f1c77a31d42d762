package org.hsgd.spark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.hsgd.experiment.DataSources;
import org.hsgd.experiment.Engine;
import org.hsgd.experiment.EngineFailure;
import org.hsgd.experiment.Outcome;
import org.hsgd.experiment.OutcomeFormat;
import org.hsgd.experiment.Progress;
import org.hsgd.experiment.Replicate;

/**
 * Runs each replicate of a study as a Spark task (one job of one task per replicate, all submitted
 * at once, so that Spark spreads them over its executors and reruns the tasks of a lost one). A
 * task runs its replicate with a one-thread simulation, exactly as the local engine does, and sends
 * back its outcome as plain data ({@link OutcomeFormat}): the outcomes are the same, bit for bit,
 * whatever ran them. The files of the datasets a study reads travel to the executors with {@code
 * SparkContext.addFile}: no shared file system is needed.
 *
 * @param master the Spark master URL ({@code local[2]}, {@code spark://host:7077}), or null to take
 *     it from spark-submit
 * @param data the datasets to ship
 */
public record SparkEngine(String master, DataSources data) implements Engine {
  private static final long POLL_MILLIS = 50;

  /** The engine, its master (as given, or spark-submit's) and the version of Spark that ran. */
  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("engine", "spark");
    d.put("master", master != null ? master : System.getProperty("spark.master", ""));
    d.put("sparkVersion", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    return d;
  }

  /** Whether a master is given or spark-submit set one. */
  public static boolean hasMaster(String master) {
    return master != null || System.getProperty("spark.master") != null;
  }

  @Override
  public void run(List<Replicate> replicates, Progress progress, Consumer<Outcome> finished) {
    SparkConf conf = new SparkConf().setAppName("hsgd").set("spark.ui.enabled", "false");
    if (master != null) {
      conf.setMaster(master);
    }
    String url = conf.get("spark.master", "");
    if (url.startsWith("spark://")) {
      requireReachable(url);
      if (url.contains("://127.0.0.1:") || url.contains("://localhost:")) {
        // A cluster on loopback: the driver, whom executors call back, stays on it too.
        conf.setIfMissing("spark.driver.host", "127.0.0.1");
        conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      }
    }
    if (!url.startsWith("local")) {
      // Executors elsewhere need hsgd's classes: the executor jar beside the jar this runs from
      // (or that jar itself), unless spark-submit (or the user) named the jars already.
      executorJar().ifPresent(jar -> conf.setIfMissing("spark.jars", jar.toString()));
    }
    Path scratch = scratchFolder();
    conf.setIfMissing("spark.local.dir", scratch.toString());
    JavaSparkContext started;
    try {
      started = new JavaSparkContext(conf);
    } catch (RuntimeException e) {
      deleteTree(scratch);
      throw new EngineFailure("Spark could not start an application on " + url, e);
    }
    try (JavaSparkContext spark = started) {
      Map<String, String> shipped = new LinkedHashMap<>();
      data.files()
          .forEach(
              (name, file) -> {
                spark.addFile(file.toString());
                shipped.put(name, file.getFileName().toString());
              });
      Task task = new Task(data, shipped);
      Map<Future<List<byte[]>>, Replicate> pending = new LinkedHashMap<>();
      try {
        for (Replicate r : replicates) {
          pending.put(spark.parallelize(List.of(r), 1).map(task).collectAsync(), r);
        }
      } catch (RuntimeException e) { // a stopped context: the master or the application is gone
        throw new EngineFailure("Spark refused the study's jobs", e);
      }
      handOver(pending, replicates.size(), progress, finished);
    } finally {
      deleteTree(scratch);
    }
  }

  /**
   * Where drivers keep Spark's temporary files: a folder per process under the temporary folder.
   */
  public static Path scratchRoot() {
    return Path.of(System.getProperty("java.io.tmpdir"), "hsgd-spark");
  }

  /**
   * This process's folder for Spark's temporary files (its spark.local.dir), after deleting those
   * of processes that no longer run: a driver killed with kill -9 deletes nothing itself.
   */
  static Path scratchFolder() {
    Path root = scratchRoot();
    try (java.util.stream.Stream<Path> folders =
        java.nio.file.Files.isDirectory(root)
            ? java.nio.file.Files.list(root)
            : java.util.stream.Stream.empty()) {
      folders
          .filter(f -> f.getFileName().toString().matches("\\d{1,19}"))
          .filter(f -> ProcessHandle.of(Long.parseLong(f.getFileName().toString())).isEmpty())
          .forEach(SparkEngine::deleteTree);
    } catch (java.io.IOException | NumberFormatException e) {
      // Unreadable or odd entries stay; this process's own folder below is what matters.
    }
    return root.resolve(Long.toString(ProcessHandle.current().pid()));
  }

  /** Deletes a folder and all below it, as far as it can (temporary files only). */
  static void deleteTree(Path folder) {
    if (!java.nio.file.Files.exists(folder)) {
      return;
    }
    try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(folder)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      // What cannot be deleted now is deleted by the next driver (its process is gone then).
    }
  }

  /** How long the engine tries to reach a standalone master before giving up. */
  private static final int CONNECT_MILLIS = 3000;

  /**
   * Refuses a standalone master none of whose addresses answers within {@link #CONNECT_MILLIS}:
   * Spark itself would try for about a minute and then fail with a message about a stopped context.
   *
   * @throws org.hsgd.InvalidInputException naming the addresses and why each failed
   */
  static void requireReachable(String url) {
    List<String> failures = new java.util.ArrayList<>();
    for (String address : url.substring("spark://".length()).split(",")) {
      int colon = address.lastIndexOf(':');
      String host = address.substring(0, colon);
      int port = Integer.parseInt(address.substring(colon + 1));
      try (java.net.Socket socket = new java.net.Socket()) {
        socket.connect(new java.net.InetSocketAddress(host, port), CONNECT_MILLIS);
        return;
      } catch (java.io.IOException e) {
        failures.add(
            address
                + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
    }
    throw new org.hsgd.InvalidInputException(
        "master",
        "must be a Spark master that answers (tried for up to "
            + CONNECT_MILLIS / 1000
            + " s; scripts/spark-cluster start runs one on 127.0.0.1:7077)",
        String.join("; ", failures));
  }

  /** The jar the build makes for executors (no tables, figures or command line; 5 MB, not 50). */
  static final String EXECUTOR_JAR = "hsgd-executor.jar";

  /**
   * What executors get: {@link #EXECUTOR_JAR} beside the jar hsgd's classes were loaded from, else
   * that jar; empty where the classes come from a folder (as in unit tests).
   */
  private static java.util.Optional<Path> executorJar() {
    try {
      Path location =
          Path.of(SparkEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!java.nio.file.Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
        return java.util.Optional.empty();
      }
      Path executor = location.resolveSibling(EXECUTOR_JAR);
      return java.util.Optional.of(
          java.nio.file.Files.isRegularFile(executor) ? executor : location);
    } catch (java.net.URISyntaxException | SecurityException e) {
      return java.util.Optional.empty();
    }
  }

  /** Hands each outcome over as its job ends, in the order they end. */
  private static void handOver(
      Map<Future<List<byte[]>>, Replicate> pending,
      int total,
      Progress progress,
      Consumer<Outcome> finished) {
    int done = 0;
    try {
      while (!pending.isEmpty()) {
        for (var job : List.copyOf(pending.entrySet())) {
          if (!job.getKey().isDone()) {
            continue;
          }
          pending.remove(job.getKey());
          Replicate r = job.getValue();
          Outcome outcome =
              OutcomeFormat.decode(job.getKey().get().get(0), r)
                  .orElseThrow(
                      () -> new IllegalStateException("an executor sent back a damaged outcome"));
          progress.runStarted(done++, total, r.label(), 1);
          progress.advanced(1);
          finished.accept(outcome);
        }
        if (!pending.isEmpty()) {
          Thread.sleep(POLL_MILLIS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new EngineFailure("a Spark job aborted", e.getCause());
    }
  }

  /**
   * What an executor does with a replicate; the datasets are found among Spark's files.
   *
   * @param shipped each dataset's file name among Spark's files, by dataset
   */
  private record Task(DataSources data, Map<String, String> shipped)
      implements Function<Replicate, byte[]> {
    @Override
    public byte[] call(Replicate r) {
      Map<String, Path> local = new LinkedHashMap<>();
      shipped.forEach((name, file) -> local.put(name, Path.of(SparkFiles.get(file))));
      return OutcomeFormat.encode(Outcome.of(r, 1, data.relocated(local)));
    }
  }
}
