package org.hsgd.sim;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.hsgd.Require;
import org.hsgd.bounds.Hierarchy;

/**
 * The groups of every level, for a hierarchy of K levels: level k's groups are consecutive blocks
 * of level-(k-1) groups, and level-1 groups are consecutive blocks of a worker order chosen by the
 * strategy. Groups may be unequal. Immutable.
 */
public final class Grouping {

  private final int workers;
  private final long[] periods;
  private final int[][][] members; // [k-1][g] -> workers of level-k group g, in order
  private final int[][][] children; // [k-1][g] -> level-(k-1) groups of level-k group g

  private Grouping(int workers, long[] periods, int[][][] members, int[][][] children) {
    this.workers = workers;
    this.periods = periods;
    this.members = members;
    this.children = children;
  }

  /**
   * Equal groups as in the hierarchy, workers ordered by the strategy.
   *
   * @param keys one number per worker summarising its data (e.g. its dominant label), used by the
   *     group-IID and group-non-IID strategies
   */
  public static Grouping of(
      Hierarchy h, GroupingStrategy strategy, double[] keys, UniformRandomProvider rng) {
    int[][] childCounts = new int[h.levelCount()][];
    for (int k = 1; k <= h.levelCount(); k++) {
      childCounts[k - 1] = new int[h.groups(k)];
      Arrays.fill(childCounts[k - 1], h.groups(k - 1) / h.groups(k));
    }
    int[] order = order(h.workers(), h.groups(1), strategy, keys, rng);
    return build(h.workers(), h.periods(), childCounts, order);
  }

  /**
   * Explicit, possibly unequal, groups: {@code childCounts[k-1][g]} is the number of level-(k-1)
   * groups (workers for k = 1) in level-k group g, for levels 1..K-1; the top level holds all.
   *
   * @throws org.hsgd.InvalidInputException if counts do not add up, or the strategy needs equal
   *     groups
   */
  public static Grouping explicit(
      int workers,
      long[] periods,
      int[][] childCounts,
      GroupingStrategy strategy,
      UniformRandomProvider rng) {
    Require.that(
        childCounts.length == periods.length - 1,
        "group-sizes",
        "must give one list per level below the top",
        () -> childCounts.length + " lists for " + periods.length + " levels");
    Require.that(
        strategy == GroupingStrategy.SEQUENTIAL || strategy == GroupingStrategy.RANDOM,
        "grouping",
        "must be sequential or random with unequal group-sizes",
        () -> strategy.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    int[][] counts = new int[periods.length][];
    int below = workers;
    for (int k = 1; k < periods.length; k++) {
      int[] level = childCounts[k - 1].clone();
      int levelIndex = k;
      int expected = below;
      Require.that(
          IntStream.of(level).allMatch(c -> c >= 1) && IntStream.of(level).sum() == expected,
          "group-sizes",
          "must list positive sizes adding up to the level below (" + expected + ")",
          () -> "level " + levelIndex + ": " + Arrays.toString(level));
      counts[k - 1] = level;
      below = level.length;
    }
    counts[periods.length - 1] = new int[] {below};
    for (int k = 2; k <= periods.length; k++) {
      Hierarchy.requireNested(k, periods[k - 1], periods[k - 2]);
    }
    return build(
        workers, periods.clone(), counts, order(workers, counts[0].length, strategy, null, rng));
  }

  private static int[] order(
      int n, int groups, GroupingStrategy strategy, double[] keys, UniformRandomProvider rng) {
    int[] order = PermutationSampler.natural(n);
    switch (strategy) {
      case SEQUENTIAL -> {}
      case RANDOM -> PermutationSampler.shuffle(rng, order);
      case GROUP_NON_IID -> order = sortedByKey(keys);
      case GROUP_IID -> {
        // Deal the key-sorted workers round-robin: group g gets sorted[g], sorted[g + N], ...
        int[] sorted = sortedByKey(keys);
        int m = n / groups;
        for (int p = 0; p < n; p++) {
          order[p] = sorted[(p % m) * groups + p / m];
        }
      }
    }
    return order;
  }

  private static int[] sortedByKey(double[] keys) {
    return IntStream.range(0, keys.length)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer j) -> keys[j]).thenComparingInt(j -> j))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /**
   * Level-1 groups take consecutive blocks of the worker order; level-k groups take consecutive
   * blocks of level-(k-1) groups. Children of a level-1 group are worker ids.
   */
  private static Grouping build(int n, long[] periods, int[][] childCounts, int[] order) {
    int levels = periods.length;
    int[][][] members = new int[levels][][];
    int[][][] children = new int[levels][][];
    for (int k = 1; k <= levels; k++) {
      int[] counts = childCounts[k - 1];
      int[][] lower = k == 1 ? null : members[k - 2];
      members[k - 1] = new int[counts.length][];
      children[k - 1] = new int[counts.length][];
      int next = 0;
      for (int g = 0; g < counts.length; g++) {
        int[] kids =
            k == 1
                ? Arrays.copyOfRange(order, next, next + counts[g])
                : IntStream.range(next, next + counts[g]).toArray();
        children[k - 1][g] = kids;
        members[k - 1][g] =
            k == 1 ? kids : IntStream.of(kids).flatMap(c -> IntStream.of(lower[c])).toArray();
        next += counts[g];
      }
    }
    return new Grouping(n, periods, members, children);
  }

  public int workers() {
    return workers;
  }

  /** K. */
  public int levelCount() {
    return periods.length;
  }

  /** P_k in iterations, 1 &lt;= k &lt;= K. */
  public long period(int k) {
    return periods[k - 1];
  }

  /** N_k (N_0 = n). */
  public int groupCount(int k) {
    return k == 0 ? workers : members[k - 1].length;
  }

  /** Workers of level-k group g (shared array: do not modify). */
  public int[] members(int k, int g) {
    return members[k - 1][g];
  }

  /**
   * The level-(k-1) groups inside level-k group g: worker ids for k = 1 (shared array: do not
   * modify).
   */
  public int[] children(int k, int g) {
    return children[k - 1][g];
  }

  /** The highest level whose period divides the number of completed steps, or 0 if none. */
  public int levelDue(long completedSteps) {
    for (int k = levelCount(); k >= 1; k--) {
      if (completedSteps % periods[k - 1] == 0) {
        return k;
      }
    }
    return 0;
  }

  /** The number of steps from {@code completedSteps} to the next aggregation of any level. */
  public long stepsToNextAggregation(long completedSteps) {
    long steps = Long.MAX_VALUE;
    for (long period : periods) {
      steps = Math.min(steps, period - completedSteps % period);
    }
    return steps;
  }

  /** Whether every level's groups are of equal size (so the bound calculator applies). */
  public boolean equalGroups() {
    for (int[][] level : members) {
      for (int[] g : level) {
        if (g.length != level[0].length) {
          return false;
        }
      }
    }
    return true;
  }
}
