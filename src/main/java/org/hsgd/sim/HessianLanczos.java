package org.hsgd.sim;

import java.util.Arrays;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * Lanczos on the Hessian of one F_j at x, with Hessian-vector products by forward differences of
 * full gradients: H v ~ (grad F_j(x + h v) - grad F_j(x)) / h for |v| = 1, h = {@link
 * ConstantsEstimator#DIFFERENCE_STEP} max(1, |x|), one gradient pass each. Every basis vector is
 * orthogonalised against all before it (the basis is short). The largest |Ritz value| never exceeds
 * the largest |eigenvalue|: a lower estimate that improves with every step. Holds its scratch: one
 * instance per thread.
 */
final class HessianLanczos {
  private final int d;
  private final double[][] basis;
  private final double[] product;
  private final double[] shifted;
  private final double[] alpha;
  private final double[] beta;
  private int steps;

  /** Scratch for up to {@code maxSteps} steps in dimension d. */
  HessianLanczos(int d, int maxSteps) {
    this.d = d;
    basis = new double[maxSteps][d];
    product = new double[d];
    shifted = new double[d];
    alpha = new double[maxSteps];
    beta = new double[maxSteps];
  }

  /** The doubles an instance holds. */
  static double doubles(long d, int maxSteps) {
    return (double) d * (maxSteps + 2);
  }

  /** A buffer of the dimension, free between calls to {@link #largest}. */
  double[] scratch() {
    return product;
  }

  /** The Hessian-vector products the last {@link #largest} took. */
  int steps() {
    return steps;
  }

  /**
   * Up to {@code maxSteps} Lanczos steps from {@code direction}, which receives the Ritz vector of
   * the largest |Ritz value|; returns that |value|. Stops early where the basis spans an invariant
   * subspace, whose Ritz values are exact.
   *
   * @param gradient grad F_j(x), from the context's problem
   */
  <C> double largest(
      Problem<C> problem,
      C context,
      double[] x,
      double[] gradient,
      double[] direction,
      int maxSteps) {
    double h = ConstantsEstimator.DIFFERENCE_STEP * Math.max(1, Math.sqrt(Vectors.dot(x, x)));
    double[] w = product;
    System.arraycopy(direction, 0, basis[0], 0, d);
    Vectors.scale(basis[0], 1 / Math.sqrt(Vectors.dot(basis[0], basis[0])));
    int m = 0;
    while (m < maxSteps) {
      double[] q = basis[m];
      for (int i = 0; i < d; i++) {
        shifted[i] = x[i] + h * q[i];
      }
      problem.lossAndFullGradient(shifted, w, context);
      for (int i = 0; i < d; i++) {
        w[i] = (w[i] - gradient[i]) / h;
      }
      alpha[m] = Vectors.dot(w, q);
      for (int k = 0; k <= m; k++) { // w - alpha q_m - beta q_(m-1), and against the rest
        Vectors.axpy(w, -Vectors.dot(w, basis[k]), basis[k]);
      }
      m++;
      double norm = Math.sqrt(Vectors.dot(w, w));
      if (m == maxSteps || norm <= 1e-10 * Math.abs(alpha[m - 1])) {
        break;
      }
      beta[m - 1] = norm;
      System.arraycopy(w, 0, basis[m], 0, d);
      Vectors.scale(basis[m], 1 / norm);
    }
    steps = m;
    return ritz(m, direction);
  }

  /** The Ritz pair of largest |value| of the m-step tridiagonal; its vector into direction. */
  private double ritz(int m, double[] direction) {
    double[] weights = {1};
    double value = alpha[0];
    if (m > 1) {
      EigenDecompositionSymmetric eigen =
          new EigenDecompositionSymmetric(Arrays.copyOf(alpha, m), Arrays.copyOf(beta, m - 1));
      double[] values = eigen.getEigenvalues();
      int best = 0;
      for (int i = 1; i < m; i++) {
        if (Math.abs(values[i]) > Math.abs(values[best])) {
          best = i;
        }
      }
      value = values[best];
      weights = eigen.getEigenvector(best).toArray();
    }
    Arrays.fill(direction, 0);
    for (int k = 0; k < m; k++) {
      Vectors.axpy(direction, weights[k], basis[k]);
    }
    return Math.abs(value);
  }
}
