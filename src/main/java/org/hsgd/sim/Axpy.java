package org.hsgd.sim;

/**
 * out[o + i] += v * w[off + i] for i &lt; n: the kernel of the models' input layers. C2 does not
 * vectorise this loop (the two arrays may alias), so where the JVM runs with {@code --add-modules
 * jdk.incubator.vector} (the tests and the benchmarks do) it runs on the Vector API; elsewhere as a
 * plain loop. Both multiply, round, add and round lane by lane, with no sum across lanes, so they
 * give the same bits.
 */
final class Axpy {
  /** Whether the Vector API's module is in this JVM. */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private Axpy() {}

  static void add(double[] out, int o, double v, double[] w, int off, int n) {
    if (VECTOR) {
      VectorAxpy.add(out, o, v, w, off, n);
    } else {
      scalar(out, o, v, w, off, n);
    }
  }

  static void scalar(double[] out, int o, double v, double[] w, int off, int n) {
    for (int i = 0; i < n; i++) {
      out[o + i] += v * w[off + i];
    }
  }
}
