package org.hsgd.sim;

/**
 * The level terms of assumption A3 for given per-worker vectors v_j (gradients at one point):
 * term_k = (1/n) sum_g sum_{c child of g} |V_c| |mean_c - mean_g|^2, where mean_g is the mean of
 * v_j over g's workers. With v_j = grad F_j(x) this is the measured level-k divergence at x, and
 * the top mean is grad f(x). Buffers are allocated once; sums run in a fixed order.
 */
final class DivergenceMeter {
  private final Grouping grouping;
  private final double[][][] means; // [k][g][i], k = 1..K
  private final double[][] sizes; // [k][g] = the weight of V_g (|V_g| for unit weights), k = 0..K
  private final double total;

  /** With every worker of weight 1: the theory's terms. */
  DivergenceMeter(Grouping grouping, int dimension) {
    this(grouping, dimension, ones(grouping.workers()));
  }

  /**
   * With weighted workers: every mean is weighted, and each child counts by its weight over the
   * total instead of |V_c| / n (the same with unit weights, bit for bit).
   */
  DivergenceMeter(Grouping grouping, int dimension, double[] weights) {
    this.grouping = grouping;
    int levels = grouping.levelCount();
    means = new double[levels + 1][][];
    sizes = new double[levels + 1][];
    sizes[0] = weights.clone();
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    total = sum;
    for (int k = 1; k <= levels; k++) {
      means[k] = new double[grouping.groupCount(k)][dimension];
      sizes[k] = new double[grouping.groupCount(k)];
      for (int g = 0; g < sizes[k].length; g++) {
        for (int j : grouping.members(k, g)) {
          sizes[k][g] += weights[j];
        }
      }
    }
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    return w;
  }

  /**
   * Fills {@code terms[k-1]} with the level-k term for k = 1..K and returns the mean of all v_j (a
   * buffer owned by this meter, valid until the next call).
   */
  double[] measure(double[][] perWorker, double[] terms) {
    means[0] = perWorker; // level-0 "groups" are workers, the children of level-1 groups
    for (int k = 1; k <= grouping.levelCount(); k++) {
      double term = 0;
      for (int g = 0; g < grouping.groupCount(k); g++) {
        double[] mean = means[k][g];
        int[] kids = grouping.children(k, g);
        if (kids.length == 1) { // a group of one child: the same mean, and a term of exactly 0
          System.arraycopy(means[k - 1][kids[0]], 0, mean, 0, mean.length);
          continue;
        }
        java.util.Arrays.fill(mean, 0);
        for (int c : kids) {
          Vectors.axpy(mean, sizes[k - 1][c], means[k - 1][c]);
        }
        Vectors.scale(mean, 1.0 / sizes[k][g]);
        for (int c : kids) {
          term += sizes[k - 1][c] * Vectors.distanceSquared(means[k - 1][c], mean);
        }
      }
      terms[k - 1] = term / total;
    }
    return means[grouping.levelCount()][0];
  }
}
