package org.hsgd.sim;

/** The few vector operations the simulator's measurements share, on flat arrays, in index order. */
final class Vectors {
  private Vectors() {}

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** y += a x. */
  static void axpy(double[] y, double a, double[] x) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }

  /** y *= a. */
  static void scale(double[] y, double a) {
    for (int i = 0; i < y.length; i++) {
      y[i] *= a;
    }
  }

  /** |a - b|^2. */
  static double distanceSquared(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return s;
  }
}
