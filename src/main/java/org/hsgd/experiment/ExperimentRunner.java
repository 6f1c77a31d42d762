package org.hsgd.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
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
  private Dataset mnist;

  private ExperimentRunner(ExperimentSpec spec) {
    this.spec = spec;
  }

  /**
   * Runs every seed and variant of the spec, seed by seed, in the order of {@link
   * ExperimentSpec#variants()}.
   *
   * @param threads the size of each simulation's worker team (the numbers do not depend on it)
   * @throws org.hsgd.InvalidInputException if a run diverges, or MNIST is not in the cache
   */
  public static List<Run> run(ExperimentSpec spec, int threads, Progress progress) {
    return new ExperimentRunner(spec).runAll(threads, progress);
  }

  private List<Run> runAll(int threads, Progress progress) {
    List<Variant> variants = spec.variants();
    int count = spec.seeds() * variants.size();
    List<Run> runs = new ArrayList<>(count);
    for (long seed : spec.seedList()) {
      RandomStreams streams = new RandomStreams(seed);
      Problem<?> problem = problem(streams);
      for (Variant v : variants) {
        progress.runStarted(
            runs.size(), count, v.name() + " seed " + seed, spec.run().iterations());
        Grouping grouping = grouping(v, problem, streams);
        runs.add(
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
    return runs;
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
      mnist = Mnist.load(Mnist.defaultCache());
    }
    return TrainTest.split(
        mnist,
        data.testFraction(),
        new RandomStreams(MNIST_SPLIT_SEED).stream(RandomStreams.Purpose.DATA, 0));
  }
}
