package org.hsgd.sim;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Which workers take part in an aggregation of each group: all of them by default; with a fraction
 * q &lt; 1 at a level, a uniformly random round(q * children) of the group's children (at least
 * one), whose workers' models are averaged. Draws happen on the calling thread. The groups of a
 * level partition the workers, so the takers of every group fit in one array of n, group g's in
 * [start(g), start(g) + count(g)).
 */
final class Participation {
  private final Grouping grouping;
  private final List<Double> fractions;
  private final UniformRandomProvider[] rngs;
  private final int[] takers;
  private final int[] start;
  private final int[] count;
  private final int[] order;
  private final int[] all;
  // For idle-unsampled participation, per level k (index k) and child c of its groups:
  private final boolean[][] chosen; // whether c was drawn for the current level-k period
  private final double[][] childWeight; // the weight of the workers under c
  private final int[][] parentOf; // the level-k group of c
  private final double[][] chosenWeight; // per level-k group, the weight of its children drawn
  private final int[][] groupOf; // [k][j]: worker j's level-k group (k = 0: the worker itself)
  private final boolean[] active; // whether the worker steps in the current periods
  private final double[] effective; // each worker's weight in the aggregation under way
  private int activeCount;

  Participation(
      Grouping grouping, List<Double> fractions, double[] weights, RandomStreams streams) {
    this.grouping = grouping;
    this.fractions = fractions;
    int levels = grouping.levelCount();
    int n = grouping.workers();
    groupOf = new int[levels + 1][n];
    groupOf[0] = java.util.stream.IntStream.range(0, n).toArray();
    chosen = new boolean[levels + 1][];
    childWeight = new double[levels + 1][];
    parentOf = new int[levels + 1][];
    chosenWeight = new double[levels + 1][];
    for (int k = 1; k <= levels; k++) {
      for (int g = 0; g < grouping.groupCount(k); g++) {
        for (int j : grouping.members(k, g)) {
          groupOf[k][j] = g;
        }
      }
      int children = k == 1 ? n : grouping.groupCount(k - 1);
      chosen[k] = new boolean[children];
      java.util.Arrays.fill(chosen[k], true);
      childWeight[k] = new double[children];
      parentOf[k] = new int[children];
      chosenWeight[k] = new double[grouping.groupCount(k)];
      for (int j = 0; j < n; j++) {
        childWeight[k][groupOf[k - 1][j]] += weights[j];
        parentOf[k][groupOf[k - 1][j]] = groupOf[k][j];
      }
    }
    this.active = new boolean[n];
    this.effective = new double[n];
    this.rngs = new UniformRandomProvider[levels + 1];
    for (int k = 1; k <= levels; k++) {
      rngs[k] = streams.stream(RandomStreams.Purpose.PARTICIPATION, k);
    }
    int maxGroups = 0;
    int maxChildren = 0;
    for (int k = 1; k <= levels; k++) {
      maxGroups = Math.max(maxGroups, grouping.groupCount(k));
      for (int g = 0; g < grouping.groupCount(k); g++) {
        maxChildren = Math.max(maxChildren, grouping.children(k, g).length);
      }
    }
    this.takers = new int[grouping.workers()];
    this.start = new int[maxGroups];
    this.count = new int[maxGroups];
    this.order = new int[maxChildren];
    this.all = java.util.stream.IntStream.range(0, grouping.workers()).toArray();
  }

  int[] allWorkers() {
    return all;
  }

  void draw(int level) {
    double q = fractions.isEmpty() ? 1 : fractions.get(level - 1);
    int next = 0;
    for (int g = 0; g < grouping.groupCount(level); g++) {
      int[] kids = grouping.children(level, g);
      int chosen = drawInto(order, kids, q, rngs[level]);
      java.util.Arrays.sort(order, 0, chosen); // sum in a fixed order
      start[g] = next;
      for (int i = 0; i < chosen; i++) {
        if (level == 1) {
          takers[next++] = order[i]; // level-1 children are workers
        } else {
          for (int j : grouping.members(level - 1, order[i])) {
            takers[next++] = j;
          }
        }
      }
      count[g] = next - start[g];
    }
  }

  int[] takers() {
    return takers;
  }

  /**
   * Draws round(q k) of the k children (at least one) uniformly: they end up first in {@code into},
   * the rest after them; returns how many were drawn.
   */
  private static int drawInto(int[] into, int[] kids, double q, UniformRandomProvider rng) {
    int count = q == 1 ? kids.length : Math.max(1, (int) Math.round(q * kids.length));
    System.arraycopy(kids, 0, into, 0, kids.length);
    for (int i = 0; i < count && count < kids.length; i++) { // partial Fisher-Yates
      int r = i + rng.nextInt(kids.length - i);
      int tmp = into[i];
      into[i] = into[r];
      into[r] = tmp;
    }
    return count;
  }

  /**
   * Begins new periods of levels 1..upTo: in each of their groups, draws the children whose workers
   * step until the level's next aggregation; the others stay idle.
   */
  void drawPeriods(int upTo) {
    for (int k = 1; k <= upTo; k++) {
      double q = fractions.isEmpty() ? 1 : fractions.get(k - 1);
      java.util.Arrays.fill(chosenWeight[k], 0);
      for (int g = 0; g < grouping.groupCount(k); g++) {
        int[] kids = grouping.children(k, g);
        int count = drawInto(order, kids, q, rngs[k]);
        for (int i = 0; i < kids.length; i++) {
          chosen[k][order[i]] = i < count;
        }
        for (int c : kids) {
          chosenWeight[k][g] += chosen[k][c] ? childWeight[k][c] : 0;
        }
      }
    }
    activeCount = 0;
    for (int j = 0; j < active.length; j++) {
      boolean on = true;
      for (int k = 1; k <= grouping.levelCount(); k++) {
        on &= chosen[k][groupOf[k - 1][j]];
      }
      active[j] = on;
      activeCount += on ? 1 : 0;
    }
  }

  boolean active(int worker) {
    return active[worker];
  }

  int activeCount() {
    return activeCount;
  }

  /**
   * Each worker's weight in an aggregation at {@code level}: along its path up to the level, the
   * product of each child's weight over that of the children drawn beside it, or 0 if a child on
   * the path was not drawn. A group's aggregate is then the weighted average, over its children
   * drawn, of their own aggregates.
   */
  void effectiveWeights(int level) {
    for (int j = 0; j < effective.length; j++) {
      double e = 1;
      for (int k = 1; k <= level && e != 0; k++) {
        int c = groupOf[k - 1][j];
        e = chosen[k][c] ? e * childWeight[k][c] / chosenWeight[k][parentOf[k][c]] : 0;
      }
      effective[j] = e;
    }
  }

  double[] effective() {
    return effective;
  }

  int start(int g) {
    return start[g];
  }

  int count(int g) {
    return count[g];
  }
}
