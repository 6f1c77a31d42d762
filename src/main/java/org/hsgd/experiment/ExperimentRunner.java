package org.hsgd.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.hsgd.Require;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.sim.Grouping;
import org.hsgd.sim.GroupingStrategy;
import org.hsgd.sim.Problem;
import org.hsgd.sim.RandomStreams;
import org.hsgd.sim.RunSettings;
import org.hsgd.sim.Simulation;

/**
 * Runs an experiment: every seed, and for each seed every variant on the same problem (data,
 * partition, initial point) drawn from that seed's streams. Deterministic: the same spec gives the
 * same runs, bit for bit, whatever the thread count.
 */
public final class ExperimentRunner {
  private final ExperimentSpec spec;
  private final DataSources data;

  private ExperimentRunner(ExperimentSpec spec, DataSources data) {
    this.spec = spec;
    this.data = data;
  }

  /**
   * Runs every seed and variant of the spec, seed by seed, in the order of {@link
   * ExperimentSpec#variants()}.
   *
   * @param threads the size of each simulation's worker team (the numbers do not depend on it)
   * @throws org.hsgd.InvalidInputException if a run diverges, or a dataset is not in the cache
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
    return new ExperimentRunner(spec, ExperimentSpec.dataSources(List.of(spec)))
        .runAll(threads, progress, finished);
  }

  /**
   * One replicate: every variant of the spec on the problem of one seed, in the order of {@link
   * ExperimentSpec#variants()}; the same runs, bit for bit, as that seed's in {@link #run}.
   *
   * @param data where the datasets the spec reads are (an engine's executors may hold them
   *     elsewhere than the cache)
   */
  public static List<Run> runReplicate(
      ExperimentSpec spec, long seed, int threads, Progress progress, DataSources data) {
    List<Run> runs = new ArrayList<>();
    new ExperimentRunner(spec, data)
        .runSeed(seed, threads, progress, 0, spec.variants().size(), runs::add);
    return runs;
  }

  /**
   * The bytes a spec needs, estimated before anything is allocated: for a run, the workers' models
   * and gradients (2 n d doubles), the group means of the divergence meter (sum_k N_k d doubles),
   * the global average and the problem's data; with estimated constants, the estimator's
   * directions, Lanczos bases and contexts (as much again as the data, at most); for all runs,
   * their checkpoints.
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
    long data = spec.problem().dataBytes(n);
    if (spec.constants() instanceof ConstantsSpec.Estimated) {
      int parts = Math.min(n, Runtime.getRuntime().availableProcessors());
      doubles += org.hsgd.sim.Simulation.estimatorDoubles(n, d, parts);
      data *= 2;
    }
    // Every run's checkpoints stay in memory until the outputs are written together: about 100
    // bytes per checkpoint and level.
    RunSettings run = spec.run();
    double checkpoints =
        (run.iterations() / (double) run.evalEvery() + 2)
            * spec.seeds()
            * spec.variants().size()
            * (100.0 + 16 * spec.topology().levelCount());
    return (long) Math.min(Long.MAX_VALUE, 8 * doubles + data + checkpoints);
  }

  /**
   * Refuses a spec whose runs cannot fit, {@code concurrent} of them at a time: a model too large
   * for an array, or more memory than the JVM may use; or runs made by another program.
   */
  public static void requireFits(ExperimentSpec spec, int concurrent) {
    if (spec.problem() instanceof ExternalSpec) {
      throw ExternalSpec.notRunnable();
    }
    long d = spec.problem().parameters();
    String field = spec.problem().sizeField();
    Require.that(
        d <= Integer.MAX_VALUE - 8,
        field,
        "must keep the model below 2^31 parameters",
        () -> "d=" + d);
    long needed = (long) Math.min(Long.MAX_VALUE, (double) memoryEstimate(spec) * concurrent);
    Runtime rt = Runtime.getRuntime();
    long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (needed > available) {
      throw new org.hsgd.InvalidInputException(
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
                  + " GiB more (give it more, or use fewer workers or a smaller model, or measure"
                  + " less often with a larger eval-every"
                  + (concurrent == 1 ? "" : ", or run fewer at a time")
                  + ")",
              "n=" + spec.topology().workers() + ", d=" + d)
          .withRemedy(
              concurrent == 1
                  ? org.hsgd.InvalidInputException.Remedy.MORE_MEMORY
                  : org.hsgd.InvalidInputException.Remedy.FEWER_AT_ONCE);
    }
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
    Problem<?> problem = spec.problem().create(spec.topology().workers(), streams, data);
    for (Variant v : spec.variants()) {
      progress.runStarted(index++, count, v.name() + " seed " + seed, spec.run().iterations());
      Grouping grouping = grouping(v, problem, streams);
      Simulation.Result result =
          Simulation.run(
              problem,
              grouping,
              spec.run(),
              threads,
              streams,
              progress::advanced,
              spec.constants() instanceof ConstantsSpec.Estimated
                  && BoundBasis.reasonAgainst(spec, v).isEmpty()); // no bound: nothing to estimate
      finished.accept(
          new Run(
              v,
              seed,
              Run.groupSizes(grouping),
              result.trace(),
              problem.knownConstants(grouping),
              result.estimates(),
              problem.exactTimeAverage(grouping, spec.run()),
              problem.describe()));
    }
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
}
