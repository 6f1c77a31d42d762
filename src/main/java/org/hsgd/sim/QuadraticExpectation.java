package org.hsgd.sim;

import org.hsgd.Require;

/**
 * The exact expectation over the gradient noise of H-SGD on a convex quadratic (no cosine term):
 * the state is linear-Gaussian, so per coordinate i (A is diagonal) the workers' mean vector mu and
 * their n x n covariance Sigma follow
 *
 * <pre>
 * step:        mu &lt;- (1 - gamma a_i) mu + gamma a_i b_i,  Sigma &lt;- (1 - gamma a_i)^2 Sigma + (gamma^2 sigma^2 / d) I
 * aggregation: mu &lt;- M mu,  Sigma &lt;- M Sigma M^T   (M averages the groups of the level due)
 * </pre>
 *
 * and E|grad f(u_t)|^2 = sum_i a_i^2 ((mean mu_i - bbar_i)^2 + 1^T Sigma_i 1 / n^2), E_t = (1/n)
 * sum_i (|(I - J) mu_i|^2 + tr Sigma_i - 1^T Sigma_i 1 / n), with no Monte-Carlo error. Costs O(T d
 * n^2) time and d n^2 memory: for small problems.
 *
 * @param gradNormSq E|grad f(u_t)|^2 for t = 0..T
 * @param deviation E_t = (1/n) sum_j E|x_j(t) - u_t|^2 for t = 0..T
 */
public record QuadraticExpectation(double[] gradNormSq, double[] deviation) {
  /** The most covariance entries (d n^2) kept: 8 bytes each, 400 MB in all. */
  public static final long MAX_ENTRIES = 50_000_000L;

  /**
   * Runs the recursion for T iterations of the settings' step size.
   *
   * @throws org.hsgd.InvalidInputException if the problem has a cosine term, the settings ask for
   *     partial participation, or d n^2 exceeds {@link #MAX_ENTRIES}
   */
  public static QuadraticExpectation of(
      QuadraticProblem problem, Grouping grouping, RunSettings settings) {
    Require.that(
        problem.cosWeight() == 0,
        "problem.type",
        "must be quadratic (no cosine term) for the exact expectation",
        () -> "cos-weight " + problem.cosWeight());
    Require.that(
        !settings.partialParticipation(),
        "participation",
        "must be full for the exact expectation",
        () -> settings.participation().toString());
    int n = problem.workers();
    int d = problem.dimension();
    long entries = (long) d * n * n;
    Require.that(
        entries <= MAX_ENTRIES,
        "n",
        "with the dimension must keep d n^2 <= " + MAX_ENTRIES + " for the exact expectation",
        () -> "d n^2 = " + entries);
    int horizon = (int) Require.atLeast("T", settings.iterations(), 1);
    Require.that(horizon < Integer.MAX_VALUE, "T", "must be below 2^31", () -> "" + horizon);
    double gamma = settings.stepSize();
    double noise = gamma * gamma * problem.noiseVariance() / d;
    double[][] mu = new double[d][n];
    double[][] sigma = new double[d][n * n];
    double[] start = problem.start();
    double[] bbar = new double[d];
    for (int i = 0; i < d; i++) {
      java.util.Arrays.fill(mu[i], start[i]);
      for (int j = 0; j < n; j++) {
        bbar[i] += problem.center(j)[i] / n;
      }
    }
    double[] gradNormSq = new double[horizon + 1];
    double[] deviation = new double[horizon + 1];
    for (int t = 0; ; t++) {
      for (int i = 0; i < d; i++) {
        double a = problem.curvature(i);
        double mean = mean(mu[i]);
        double total = sum(sigma[i]) / ((double) n * n); // Var of the average
        gradNormSq[t] += a * a * ((mean - bbar[i]) * (mean - bbar[i]) + total);
        double spread = 0;
        for (int j = 0; j < n; j++) {
          spread += (mu[i][j] - mean) * (mu[i][j] - mean) + sigma[i][j * n + j];
        }
        deviation[t] += (spread - n * total) / n;
      }
      if (t == horizon) {
        return new QuadraticExpectation(gradNormSq, deviation);
      }
      for (int i = 0; i < d; i++) {
        double a = problem.curvature(i);
        double keep = 1 - gamma * a;
        for (int j = 0; j < n; j++) {
          mu[i][j] = keep * mu[i][j] + gamma * a * problem.center(j)[i];
        }
        double[] s = sigma[i];
        for (int e = 0; e < s.length; e++) {
          s[e] *= keep * keep;
        }
        for (int j = 0; j < n; j++) {
          s[j * n + j] += noise;
        }
      }
      int level = grouping.levelDue(t + 1);
      if (level > 0) {
        for (int i = 0; i < d; i++) {
          average(grouping, level, mu[i], sigma[i], n);
        }
      }
    }
  }

  /** mu &lt;- M mu and Sigma &lt;- M Sigma M^T for the groups of one level. */
  private static void average(Grouping g, int level, double[] mu, double[] sigma, int n) {
    for (int group = 0; group < g.groupCount(level); group++) {
      int[] members = g.members(level, group);
      double m = 0;
      for (int j : members) {
        m += mu[j] / members.length;
      }
      for (int j : members) {
        mu[j] = m;
      }
      for (int col = 0; col < n; col++) { // rows of the group, column by column
        double s = 0;
        for (int j : members) {
          s += sigma[j * n + col] / members.length;
        }
        for (int j : members) {
          sigma[j * n + col] = s;
        }
      }
      for (int row = 0; row < n; row++) { // then columns of the group, row by row
        double s = 0;
        for (int j : members) {
          s += sigma[row * n + j] / members.length;
        }
        for (int j : members) {
          sigma[row * n + j] = s;
        }
      }
    }
  }

  /** (1/T) sum_{t&lt;T} E|grad f(u_t)|^2: the quantity the theorem bounds, exactly. */
  public double meanGradNormSq() {
    double sum = 0;
    for (int t = 0; t < gradNormSq.length - 1; t++) {
      sum += gradNormSq[t];
    }
    return sum / (gradNormSq.length - 1);
  }

  private static double mean(double[] v) {
    return sum(v) / v.length;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }
}
