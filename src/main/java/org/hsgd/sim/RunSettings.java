package org.hsgd.sim;

import java.util.List;
import org.hsgd.Require;

/**
 * How to run: T iterations at step size gamma, measuring every evalEvery iterations (and at 0 and
 * T), on a team of threads; per level, the fraction of children that take part in an aggregation.
 *
 * @param iterations T
 * @param stepSize gamma
 * @param evalEvery iterations between measurements
 * @param threads threads of the worker team (results do not depend on it)
 * @param participation per level k = 1..K, the fraction of children averaged (1 = all: the plain
 *     average of the theory)
 */
public record RunSettings(
    long iterations, double stepSize, long evalEvery, int threads, List<Double> participation) {

  public RunSettings {
    Require.atLeast("T", iterations, 1);
    Require.positive("gamma", stepSize);
    Require.atLeast("eval-every", evalEvery, 1);
    Require.atLeast("threads", threads, 1);
    participation = List.copyOf(participation);
    for (int k = 1; k <= participation.size(); k++) {
      double q = participation.get(k - 1);
      int level = k;
      Require.that(
          q > 0 && q <= 1,
          "participation",
          "must lie in (0, 1] at every level",
          () -> "level " + level + ": " + q);
    }
  }

  /** The same settings on another number of threads. */
  public RunSettings withThreads(int count) {
    return new RunSettings(iterations, stepSize, evalEvery, count, participation);
  }
}
