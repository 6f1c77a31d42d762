package org.hsgd.experiment;

import java.util.ArrayList;
import java.util.List;
import org.hsgd.Require;
import org.hsgd.sim.GroupingStrategy;
import org.hsgd.sim.RunSettings;

/**
 * Everything that decides an experiment's numbers: the problem, the workers and their groups, how
 * groups are formed, how to run, which algorithms to compare and which seeds. Two equal specs give
 * the same numbers, bit for bit. Build with {@link #builder}; the defaults live there.
 *
 * @param name used for output folders and titles
 * @param problem what to minimise
 * @param topology workers, periods and group sizes
 * @param grouping how workers are assigned to groups (each seed draws its own assignment)
 * @param run T, gamma, checkpoints, participation and the time average
 * @param sandwich whether to run local SGD at P_1 and P_K beside the hierarchy, on identical data,
 *     initial point, gamma, T and seeds
 * @param firstSeed the master seed of the first replicate
 * @param seeds how many replicates: seeds firstSeed, firstSeed + 1, ...
 * @param constants where the constants of a bound at a run come from; they change no number of a
 *     run's trace
 */
public record ExperimentSpec(
    String name,
    ProblemSpec problem,
    Topology topology,
    GroupingStrategy grouping,
    RunSettings run,
    boolean sandwich,
    long firstSeed,
    int seeds,
    ConstantsSpec constants)
    implements java.io.Serializable {

  /**
   * @throws org.hsgd.InvalidInputException if the parts do not fit together: participation with the
   *     wrong number of levels or with the sandwich, explicit centers not one per worker, a
   *     key-based grouping with unequal groups, or fewer than one seed
   */
  public ExperimentSpec {
    Require.that(
        name.matches("[A-Za-z0-9][A-Za-z0-9._-]*"),
        "name",
        "must be letters, digits, '.', '_' or '-', starting with a letter or digit (it names the"
            + " output folder)",
        () -> "'" + name + "'");
    int levels = topology.levelCount();
    Require.that(
        run.participation().isEmpty() || run.participation().size() == levels,
        "participation",
        "must give one fraction per level",
        () -> run.participation().size() + " for " + levels + " levels");
    Require.that(
        !sandwich || !run.partialParticipation(),
        "participation",
        "must be left out with compare: sandwich",
        () -> run.participation().toString());
    Require.that(
        topology instanceof Topology.Equal
            || grouping == GroupingStrategy.SEQUENTIAL
            || grouping == GroupingStrategy.RANDOM,
        "grouping",
        "must be sequential or random with unequal group-sizes",
        () -> grouping.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    if (problem instanceof QuadraticSpec q && q.centers() instanceof QuadraticSpec.Explicit e) {
      Require.that(
          e.rows().size() == topology.workers(),
          "problem.centers",
          "must give one center per worker (n=" + topology.workers() + ")",
          () -> e.rows().size() + " centers");
    }
    if (problem instanceof ClassificationSpec c
        && c.partition() instanceof PartitionSpec.Shards shards) {
      long needed = (long) shards.perWorker() * topology.workers();
      Require.that(
          needed <= c.data().samples(),
          "partition.shards-per-worker",
          "times n must be at most the samples (" + c.data().samples() + "), a shard each",
          () -> shards.perWorker() + " x n=" + topology.workers());
    }
    Require.that(
        run.weighting() == RunSettings.Weighting.UNIFORM || problem instanceof ClassificationSpec,
        "weighting",
        "must be uniform for the quadratic problems (their workers hold no samples)",
        () -> "samples");
    Require.atLeast("seeds", seeds, 1);
    Require.that(
        !(constants instanceof ConstantsSpec.Exact) || problem instanceof QuadraticSpec,
        "constants",
        "must be estimated or given for this problem: only the quadratics know theirs exactly",
        () -> "exact");
    if (constants instanceof ConstantsSpec.Given g) {
      Require.that(
          g.divergencePerLevel().size() == levels,
          "constants.eps2",
          "must give one value per level of the hierarchy",
          () -> g.divergencePerLevel().size() + " for " + levels + " levels");
    }
    long[] periods = topology.periods();
    Require.that(
        !sandwich || periods[0] < periods[periods.length - 1],
        "compare",
        "sandwich needs P_1 < P_K (with one period the three runs would be one algorithm)",
        () -> "periods " + java.util.Arrays.toString(periods));
  }

  /**
   * A builder with the defaults: random grouping, no comparison, seed 1, one replicate.
   *
   * @param run T, gamma and the rest; see {@link #runSettings} for the usual defaults
   */
  public static Builder builder(
      String name, ProblemSpec problem, Topology topology, RunSettings run) {
    return new Builder(name, problem, topology, run);
  }

  /**
   * Run settings with the usual defaults: about 20 checkpoints, full participation, and the
   * problem's default time average.
   */
  public static RunSettings runSettings(ProblemSpec problem, long iterations, double stepSize) {
    return RunSettings.builder(iterations, stepSize, Math.max(1, iterations / 20))
        .gradientAverage(problem.defaultGradientAverage())
        .build();
  }

  /** Where the datasets of these specs are, from the cache, checked up front. */
  public static DataSources dataSources(java.util.Collection<ExperimentSpec> specs) {
    return DataSources.fromCache(
        specs.stream().flatMap(s -> s.problem().dataSource().stream()).distinct().toList());
  }

  /** The algorithms to run: the hierarchy, with local SGD at P_1 and P_K around it if asked. */
  public List<Variant> variants() {
    List<Long> periods = new ArrayList<>();
    for (long p : topology.periods()) {
      periods.add(p);
    }
    Variant hierarchy = new Variant(Variant.Role.HSGD, periods);
    if (!sandwich) {
      return List.of(hierarchy);
    }
    return List.of(
        new Variant(Variant.Role.LOCAL_BOTTOM, List.of(periods.get(0))),
        hierarchy,
        new Variant(Variant.Role.LOCAL_TOP, List.of(periods.get(periods.size() - 1))));
  }

  /** The master seeds of the replicates. */
  public long[] seedList() {
    long[] list = new long[seeds];
    for (int i = 0; i < seeds; i++) {
      list[i] = firstSeed + i;
    }
    return list;
  }

  /** The same spec with another number of replicates. */
  public ExperimentSpec withSeeds(int count) {
    return new ExperimentSpec(
        name, problem, topology, grouping, run, sandwich, firstSeed, count, constants);
  }

  /** The same spec with its constants from elsewhere. */
  public ExperimentSpec withConstants(ConstantsSpec value) {
    return new ExperimentSpec(
        name, problem, topology, grouping, run, sandwich, firstSeed, seeds, value);
  }

  /**
   * Whether local SGD at P_1 and P_K can run beside the hierarchy: full participation and P_1 &lt;
   * P_K.
   */
  public boolean allowsSandwich() {
    long[] periods = topology.periods();
    return !run.partialParticipation() && periods[0] < periods[periods.length - 1];
  }

  /** The same spec with or without local SGD at P_1 and P_K beside the hierarchy. */
  public ExperimentSpec withSandwich(boolean value) {
    return new ExperimentSpec(
        name, problem, topology, grouping, run, value, firstSeed, seeds, constants);
  }

  /** Builds an {@link ExperimentSpec}; each setter replaces one default. */
  public static final class Builder {
    private final String name;
    private final ProblemSpec problem;
    private final Topology topology;
    private final RunSettings run;
    private GroupingStrategy grouping = GroupingStrategy.RANDOM;
    private boolean sandwich;
    private long firstSeed = 1;
    private int seeds = 1;
    private ConstantsSpec constants;

    private Builder(String name, ProblemSpec problem, Topology topology, RunSettings run) {
      this.name = name;
      this.problem = problem;
      this.topology = topology;
      this.run = run;
    }

    public Builder grouping(GroupingStrategy value) {
      grouping = value;
      return this;
    }

    /** Also run local SGD at P_1 and P_K. */
    public Builder sandwich(boolean value) {
      sandwich = value;
      return this;
    }

    public Builder firstSeed(long value) {
      firstSeed = value;
      return this;
    }

    public Builder seeds(int value) {
      seeds = value;
      return this;
    }

    /** Where a bound's constants come from; by default {@link ConstantsSpec#defaultFor}. */
    public Builder constants(ConstantsSpec value) {
      constants = value;
      return this;
    }

    public ExperimentSpec build() {
      return new ExperimentSpec(
          name,
          problem,
          topology,
          grouping,
          run,
          sandwich,
          firstSeed,
          seeds,
          constants == null ? ConstantsSpec.defaultFor(problem) : constants);
    }
  }
}
