package org.hsgd.sim;

/**
 * The two kernels of the models' input layers, over weights stored input-major (features x width,
 * so each input's weights are one contiguous row). C2 does not vectorise these loops (the arrays
 * may alias), so where the JVM runs with {@code --add-modules jdk.incubator.vector} (the launcher,
 * the tests and the benchmarks do) they run on the Vector API ({@link VectorRowKernels}); elsewhere
 * as the plain loops below. Both add the terms of every output element one by one, in the same
 * order, multiplying and rounding, then adding and rounding, with no sum across lanes: they give
 * the same bits.
 */
final class RowKernels {
  /** Whether the Vector API's module is in this JVM. */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private RowKernels() {}

  /**
   * out[o + i] += sum over k in [from, to) of value[k] * w[feature[k] * width + i], for i &lt;
   * width, the terms added in order of k: one sparse input row times the weight matrix.
   */
  static void gather(
      double[] out, int o, double[] w, int width, int[] feature, float[] value, int from, int to) {
    if (VECTOR) {
      VectorRowKernels.gather(out, o, w, width, feature, value, from, to);
    } else {
      gatherScalar(out, o, 0, w, width, feature, value, from, to);
    }
  }

  /**
   * w[off + i] += sum over p in [from, to) of (scale * value[p]) * delta[slot[p] * stride + offset
   * + i], for i &lt; width, the terms added in order of p: one weight row's share of an outer
   * product.
   */
  static void scatter(
      double[] w,
      int off,
      int width,
      double scale,
      int[] slot,
      double[] value,
      int from,
      int to,
      double[] delta,
      int stride,
      int offset) {
    if (VECTOR) {
      VectorRowKernels.scatter(w, off, width, scale, slot, value, from, to, delta, stride, offset);
    } else {
      scatterScalar(w, off, 0, width, scale, slot, value, from, to, delta, stride, offset);
    }
  }

  /** {@link #gather} for the elements [first, width) only. */
  static void gatherScalar(
      double[] out,
      int o,
      int first,
      double[] w,
      int width,
      int[] feature,
      float[] value,
      int from,
      int to) {
    for (int k = from; k < to; k++) {
      double v = value[k];
      int row = feature[k] * width;
      for (int i = first; i < width; i++) {
        out[o + i] += v * w[row + i];
      }
    }
  }

  /** {@link #scatter} for the elements [first, width) only. */
  static void scatterScalar(
      double[] w,
      int off,
      int first,
      int width,
      double scale,
      int[] slot,
      double[] value,
      int from,
      int to,
      double[] delta,
      int stride,
      int offset) {
    for (int p = from; p < to; p++) {
      double v = scale * value[p];
      int row = slot[p] * stride + offset;
      for (int i = first; i < width; i++) {
        w[off + i] += v * delta[row + i];
      }
    }
  }
}
