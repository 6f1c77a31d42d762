package org.hsgd.experiment;

import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.hsgd.Require;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.sim.Grouping;
import org.hsgd.sim.GroupingStrategy;

/** The workers, the levels' periods and how many children each group has. */
public sealed interface Topology extends java.io.Serializable {
  int workers();

  /** P_1..P_K, bottom first. */
  long[] periods();

  default int levelCount() {
    return periods().length;
  }

  /**
   * The groups of one seed.
   *
   * @param keys one number per worker summarising its data, for the key-based strategies
   */
  Grouping grouping(GroupingStrategy strategy, double[] keys, UniformRandomProvider rng);

  /** The hierarchy, where every group of a level has as many children as the others. */
  Optional<Hierarchy> equalHierarchy();

  /** Equal groups at every level: what the bound calculator covers. */
  record Equal(Hierarchy hierarchy) implements Topology {
    @Override
    public Optional<Hierarchy> equalHierarchy() {
      return Optional.of(hierarchy);
    }

    @Override
    public int workers() {
      return hierarchy.workers();
    }

    @Override
    public long[] periods() {
      return hierarchy.periods();
    }

    @Override
    public Grouping grouping(GroupingStrategy strategy, double[] keys, UniformRandomProvider rng) {
      return Grouping.of(hierarchy, strategy, keys, rng);
    }
  }

  /**
   * Explicit, possibly unequal groups: {@code sizes.get(k-1).get(g)} is the number of level-(k-1)
   * groups (workers for k = 1) in level-k group g, for the levels below the top.
   */
  record Unequal(int workers, List<Long> periodList, List<List<Integer>> sizes)
      implements Topology {
    public Unequal {
      periodList = List.copyOf(periodList);
      sizes = sizes.stream().map(List::copyOf).toList();
      int lists = sizes.size();
      int levels = periodList.size();
      Require.that(workers >= 1, "n", "must be at least 1", () -> "n=" + workers);
      Require.that(
          lists == levels - 1,
          "group-sizes",
          "must give one list per level below the top",
          () -> lists + " lists for " + levels + " levels");
      periodList.forEach(p -> Require.that(p >= 1, "periods", "must be positive", () -> "P=" + p));
    }

    @Override
    public long[] periods() {
      return periodList.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public Optional<Hierarchy> equalHierarchy() {
      if (sizes.stream().anyMatch(level -> level.stream().distinct().count() > 1)) {
        return Optional.empty();
      }
      return Optional.of(
          Hierarchy.of(workers, sizes.stream().mapToInt(List::size).toArray(), periods()));
    }

    @Override
    public Grouping grouping(GroupingStrategy strategy, double[] keys, UniformRandomProvider rng) {
      int[][] counts =
          sizes.stream()
              .map(level -> level.stream().mapToInt(Integer::intValue).toArray())
              .toArray(int[][]::new);
      return Grouping.explicit(workers, periods(), counts, strategy, rng);
    }
  }
}
