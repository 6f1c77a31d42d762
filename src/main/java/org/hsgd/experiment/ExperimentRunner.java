package org.hsgd.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.hsgd.Require;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.data.Dataset;
import org.hsgd.data.GaussianMixture;
import org.hsgd.data.Mnist;
import org.hsgd.data.TrainTest;
import org.hsgd.sim.ClassificationProblem;
import org.hsgd.sim.Grouping;
import org.hsgd.sim.GroupingStrategy;
import org.hsgd.sim.Problem;
import org.hsgd.sim.QuadraticExpectation;
import org.hsgd.sim.QuadraticProblem;
import org.hsgd.sim.RandomStreams;
import org.hsgd.sim.RunSettings;
import org.hsgd.sim.Simulation;

/**
 * Runs an experiment: every seed, and for each seed every variant on the same problem (data,
 * partition, initial point) drawn from that seed's streams. Deterministic: the same spec gives the
 * same runs, bit for bit, whatever the thread count.
 */
public final class ExperimentRunner {
  /** The MNIST train/test split is the same for every run: a fixed seed, not the run's. */
  private static final long MNIST_SPLIT_SEED = 20_221_010L;

  /** The most operations (T d n^2) spent on an exact expectation: a few seconds. */
  private static final double EXPECTATION_BUDGET = 2e9;

  private final ExperimentSpec spec;
  private final Path mnistCache;
  private Dataset mnist;

  private ExperimentRunner(ExperimentSpec spec, Path mnistCache) {
    this.spec = spec;
    this.mnistCache = mnistCache;
  }

  /**
   * Runs every seed and variant of the spec, seed by seed, in the order of {@link
   * ExperimentSpec#variants()}.
   *
   * @param threads the size of each simulation's worker team (the numbers do not depend on it)
   * @throws org.hsgd.InvalidInputException if a run diverges, or MNIST is not in the cache
   */
  public static List<Run> run(ExperimentSpec spec, int threads, Progress progress) {
    return run(spec, threads, progress, run -> {});
  }

  /**
   * As {@link #run(ExperimentSpec, int, Progress)}, handing each run to {@code finished} as soon as
   * it ends, so that its outputs can be written while the next one runs.
   */
  public static List<Run> run(
      ExperimentSpec spec, int threads, Progress progress, Consumer<Run> finished) {
    requireFits(spec, 1);
    return new ExperimentRunner(spec, Mnist.defaultCache()).runAll(threads, progress, finished);
  }

  /**
   * One replicate: every variant of the spec on the problem of one seed, in the order of {@link
   * ExperimentSpec#variants()}; the same runs, bit for bit, as that seed's in {@link #run}.
   *
   * @param mnistCache where the MNIST digits are, when the spec uses them (an engine's executors
   *     may hold them elsewhere than the cache)
   */
  public static List<Run> runReplicate(
      ExperimentSpec spec, long seed, int threads, Progress progress, Path mnistCache) {
    List<Run> runs = new ArrayList<>();
    new ExperimentRunner(spec, mnistCache)
        .runSeed(seed, threads, progress, 0, spec.variants().size(), runs::add);
    return runs;
  }

  /**
   * The bytes a spec needs, estimated before anything is allocated: for a run, the workers' models
   * and gradients (2 n d doubles), the group means of the divergence meter (sum_k N_k d doubles),
   * the global average and the problem's data; for all runs, their checkpoints.
   */
  public static long memoryEstimate(ExperimentSpec spec) {
    long d = spec.problem().parameters();
    int n = spec.topology().workers();
    long groups = 0;
    if (spec.topology() instanceof Topology.Equal e) {
      for (int k = 1; k <= e.hierarchy().levelCount(); k++) {
        groups += e.hierarchy().groups(k);
      }
    } else {
      groups = n; // at most n groups per level below the top, and one above
    }
    double doubles = (double) d * (2.0 * n + groups + 2);
    // Every run's checkpoints stay in memory until the outputs are written together: about 100
    // bytes per checkpoint and level.
    RunSettings run = spec.run();
    double checkpoints =
        (run.iterations() / (double) run.evalEvery() + 2)
            * spec.seeds()
            * spec.variants().size()
            * (100.0 + 16 * spec.topology().levelCount());
    return (long) Math.min(Long.MAX_VALUE, 8 * doubles + spec.problem().dataBytes(n) + checkpoints);
  }

  /**
   * Refuses a spec whose runs cannot fit, {@code concurrent} of them at a time: a model too large
   * for an array, or more memory than the JVM may use.
   */
  public static void requireFits(ExperimentSpec spec, int concurrent) {
    long d = spec.problem().parameters();
    String field = spec.problem() instanceof QuadraticSpec ? "problem.dimension" : "model.hidden";
    Require.that(
        d <= Integer.MAX_VALUE - 8,
        field,
        "must keep the model below 2^31 parameters",
        () -> "d=" + d);
    long needed = (long) Math.min(Long.MAX_VALUE, (double) memoryEstimate(spec) * concurrent);
    Runtime rt = Runtime.getRuntime();
    long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    Require.that(
        needed <= available,
        "n",
        "and the model size must fit in memory: "
            + (concurrent == 1 ? "a run needs" : concurrent + " runs at a time need")
            + " about "
            + gib(needed)
            + " GiB for n = "
            + spec.topology().workers()
            + " workers of d = "
            + d
            + " parameters, and the JVM may use "
            + gib(available)
            + " GiB more (raise it with HSGD_JAVA_OPTS=-Xmx<size>, or use fewer workers or a"
            + " smaller model, or measure less often with a larger eval-every"
            + (concurrent == 1 ? "" : ", or fewer --threads")
            + ")",
        () -> "n=" + spec.topology().workers() + ", d=" + d);
  }

  private static String gib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.2f", bytes / (double) (1L << 30));
  }

  private List<Run> runAll(int threads, Progress progress, Consumer<Run> finished) {
    int count = spec.seeds() * spec.variants().size();
    List<Run> runs = new ArrayList<>(count);
    for (long seed : spec.seedList()) {
      runSeed(
          seed,
          threads,
          progress,
          runs.size(),
          count,
          run -> {
            runs.add(run);
            finished.accept(run);
          });
    }
    return runs;
  }

  /** Every variant on the problem of one seed; progress counts runs from {@code index}. */
  private void runSeed(
      long seed, int threads, Progress progress, int index, int count, Consumer<Run> finished) {
    RandomStreams streams = new RandomStreams(seed);
    Problem<?> problem = problem(streams);
    for (Variant v : spec.variants()) {
      progress.runStarted(index++, count, v.name() + " seed " + seed, spec.run().iterations());
      Grouping grouping = grouping(v, problem, streams);
      finished.accept(
          new Run(
              v,
              seed,
              grouping,
              Simulation.run(problem, grouping, spec.run(), threads, streams, progress::advanced),
              problem instanceof QuadraticProblem q
                  ? Optional.of(q.exactConstants(grouping))
                  : Optional.empty(),
              expectation(problem, grouping),
              problem.describe()));
    }
  }

  /**
   * The exact expected time average, for convex quadratics with full participation whose recursion
   * costs at most {@link #EXPECTATION_BUDGET} operations (T d n^2).
   */
  private OptionalDouble expectation(Problem<?> problem, Grouping grouping) {
    if (!(problem instanceof QuadraticProblem q)
        || q.cosWeight() != 0
        || spec.run().partialParticipation()) {
      return OptionalDouble.empty();
    }
    double cost = (double) spec.run().iterations() * q.dimension() * q.workers() * q.workers();
    if (cost > EXPECTATION_BUDGET
        || (double) q.dimension() * q.workers() * q.workers() > QuadraticExpectation.MAX_ENTRIES) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(QuadraticExpectation.of(q, grouping, spec.run()).meanGradNormSq());
  }

  /** The variant's groups for a seed; local SGD is one level of all workers. */
  private Grouping grouping(Variant v, Problem<?> p, RandomStreams streams) {
    UniformRandomProvider rng = streams.stream(RandomStreams.Purpose.GROUPING, 0);
    int n = spec.topology().workers();
    if (v.local()) {
      return Grouping.of(
          Hierarchy.localSgd(n, v.periods().get(0)),
          GroupingStrategy.SEQUENTIAL,
          p.groupingKeys(),
          rng);
    }
    return spec.topology().grouping(spec.grouping(), p.groupingKeys(), rng);
  }

  /** The problem of a seed: data, partition and initial point all drawn from its streams. */
  private Problem<?> problem(RandomStreams streams) {
    int n = spec.topology().workers();
    UniformRandomProvider dataRng = streams.stream(RandomStreams.Purpose.DATA, 0);
    return spec.problem() instanceof QuadraticSpec q
        ? quadratic(q, n, dataRng)
        : classification((ClassificationSpec) spec.problem(), n, streams, dataRng);
  }

  private static QuadraticProblem quadratic(QuadraticSpec q, int n, UniformRandomProvider rng) {
    double[] eigenvalues = q.eigenvalues().stream().mapToDouble(Double::doubleValue).toArray();
    if (q.centers() instanceof QuadraticSpec.Clustered c) {
      return QuadraticProblem.clustered(
          eigenvalues,
          n,
          c.clusters(),
          c.clusterSpread(),
          c.workerSpread(),
          q.startingPoint(),
          q.noiseVariance(),
          q.cosWeight(),
          rng);
    }
    double[][] centers =
        ((QuadraticSpec.Explicit) q.centers())
            .rows().stream()
                .map(row -> row.stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
    double[] keys = new double[n];
    for (int j = 0; j < n; j++) {
      keys[j] = centers[j][0];
    }
    return new QuadraticProblem(
        eigenvalues, centers, q.startingPoint(), q.noiseVariance(), q.cosWeight(), keys);
  }

  private ClassificationProblem classification(
      ClassificationSpec c, int n, RandomStreams streams, UniformRandomProvider dataRng) {
    TrainTest split = trainTest(c.data(), dataRng);
    Dataset train = split.train();
    UniformRandomProvider partitionRng = streams.stream(RandomStreams.Purpose.PARTITION, 0);
    return new ClassificationProblem(
        c.model().create(train.features(), train.classes()),
        train,
        split.test(),
        c.partition().split(train, n, partitionRng),
        c.batch(),
        c.model().l2(),
        streams.stream(RandomStreams.Purpose.INIT, 0));
  }

  private TrainTest trainTest(DataSpec data, UniformRandomProvider rng) {
    if (data instanceof DataSpec.GaussianMixture g) {
      return TrainTest.split(
          GaussianMixture.generate(g.classes(), g.features(), g.samples(), g.separation(), rng),
          g.testFraction(),
          rng);
    }
    if (mnist == null) {
      mnist = Mnist.load(mnistCache);
    }
    return TrainTest.split(
        mnist,
        data.testFraction(),
        new RandomStreams(MNIST_SPLIT_SEED).stream(RandomStreams.Purpose.DATA, 0));
  }
}
