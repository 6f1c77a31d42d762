package org.hsgd.bounds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hsgd.Require;

/**
 * n workers and K nested aggregation levels, bottom level first. Level k has N_k equal groups, each
 * a union of N_{k-1}/N_k groups of level k-1 (N_0 = n, N_K = 1), and aggregates every P_k
 * iterations, with P_{k-1} dividing P_k.
 *
 * @param workers n
 * @param levels levels 1..K, bottom first; the top level is one group of all workers
 */
public record Hierarchy(int workers, List<Level> levels) implements java.io.Serializable {

  /**
   * @throws org.hsgd.InvalidInputException if a count or period is not positive, a level's groups
   *     do not split the level below into equal groups, the periods are not nested, or the top
   *     level is not a single group
   */
  public Hierarchy {
    Require.that(workers >= 1, "n", "must be at least 1", () -> "n=" + workers);
    Require.that(
        levels != null && !levels.isEmpty(),
        "periods",
        "must list at least one level",
        () -> "none");
    levels = List.copyOf(levels);
    int groupsBelow = workers;
    long periodBelow = 1;
    for (int k = 1; k <= levels.size(); k++) {
      checkLevel(k, levels.get(k - 1), periodBelow, groupsBelow);
      groupsBelow = levels.get(k - 1).groups();
      periodBelow = levels.get(k - 1).period();
    }
    int top = groupsBelow;
    int count = levels.size();
    Require.that(
        top == 1,
        "groups",
        "must end with one group of all workers at the top level",
        () -> "N_" + count + "=" + top);
  }

  /**
   * The rule of nested periods, for every reader of periods: P_k a multiple of P_{k-1}.
   *
   * @throws org.hsgd.InvalidInputException naming both periods otherwise
   */
  public static void requireNested(int k, long period, long periodBelow) {
    Require.that(
        period % periodBelow == 0,
        "periods",
        "must be nested, each a multiple of the one below",
        () -> "P_" + k + "=" + period + ", P_" + (k - 1) + "=" + periodBelow);
  }

  /** Level k against the level below it (periodBelow = 1 and groupsBelow = n for k = 1). */
  private static void checkLevel(int k, Level level, long periodBelow, int groupsBelow) {
    long p = level.period();
    int g = level.groups();
    Require.that(
        p >= 1, "periods", "must be positive numbers of iterations", () -> "P_" + k + "=" + p);
    requireNested(k, p, periodBelow);
    Require.that(g >= 1, "groups", "must be positive", () -> "N_" + k + "=" + g);
    Require.that(
        g <= groupsBelow && groupsBelow % g == 0,
        "groups",
        "must split the level below into equal groups (N_k divides N_{k-1}, N_0 = n)",
        () -> "N_" + k + "=" + g + ", N_" + (k - 1) + "=" + groupsBelow);
  }

  /**
   * A hierarchy from group counts and periods as the command line spells them.
   *
   * @param workers n
   * @param groups N_1..N_{K-1}, bottom first (the top level's single group is implied)
   * @param periods P_1..P_K, bottom first
   */
  public static Hierarchy of(int workers, int[] groups, long[] periods) {
    Require.that(
        periods.length == groups.length + 1,
        "periods",
        "must have one entry more than groups (the top level is one group of all workers)",
        () -> periods.length + " periods for " + groups.length + " group counts");
    List<Level> levels = new ArrayList<>(periods.length);
    for (int k = 0; k < periods.length; k++) {
      levels.add(new Level(periods[k], k < groups.length ? groups[k] : 1));
    }
    return new Hierarchy(workers, levels);
  }

  /** Two-level H-SGD: N groups aggregated every I iterations, all workers every G iterations. */
  public static Hierarchy twoLevel(int workers, int groups, long localPeriod, long globalPeriod) {
    return of(workers, new int[] {groups}, new long[] {localPeriod, globalPeriod});
  }

  /** Local SGD: all workers averaged every {@code period} iterations. */
  public static Hierarchy localSgd(int workers, long period) {
    return of(workers, new int[0], new long[] {period});
  }

  /** K, the number of levels. */
  public int levelCount() {
    return levels.size();
  }

  /** P_k for 1 <= k <= K. */
  public long period(int k) {
    return levels.get(k - 1).period();
  }

  /** N_k for 0 <= k <= K (N_0 = n). */
  public int groups(int k) {
    return k == 0 ? workers : levels.get(k - 1).groups();
  }

  /** Whether level k merges anything (N_{k-1} > N_k); a level that does not has no effect. */
  public boolean merges(int k) {
    return groups(k - 1) > groups(k);
  }

  /** P_1, the bottom period. */
  public long bottomPeriod() {
    return period(1);
  }

  /** P_K, the top period. */
  public long topPeriod() {
    return period(levelCount());
  }

  /** P_top: the period of the highest level that merges, 1 if none does (n = 1). */
  public long topMergingPeriod() {
    for (int k = levelCount(); k >= 1; k--) {
      if (merges(k)) {
        return period(k);
      }
    }
    return 1;
  }

  /**
   * Aggregations in T iterations whose highest level is k, for k = 1..K: floor(T/P_k) -
   * floor(T/P_{k+1}), with no level K+1. For two levels: local-only, then global.
   */
  public long[] aggregationCounts(long iterations) {
    long[] counts = new long[levelCount()];
    for (int k = 1; k <= levelCount(); k++) {
      long above = k < levelCount() ? iterations / period(k + 1) : 0;
      counts[k - 1] = iterations / period(k) - above;
    }
    return counts;
  }

  /** Group counts N_1..N_{K-1}, as the command line spells them. */
  public int[] groupCountsBelowTop() {
    return levels.stream().limit(levelCount() - 1L).mapToInt(Level::groups).toArray();
  }

  /** Periods P_1..P_K. */
  public long[] periods() {
    return levels.stream().mapToLong(Level::period).toArray();
  }

  /** A compact description, e.g. {@code "n=64 N=[8] P=[4, 32]"}. */
  public String describe() {
    return "n="
        + workers
        + " N="
        + Arrays.toString(groupCountsBelowTop())
        + " P="
        + Arrays.toString(periods());
  }
}
