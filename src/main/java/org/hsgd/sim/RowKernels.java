package org.hsgd.sim;

/**
 * The kernel of the models' input layers: a sum of scaled rows added to one output row. With
 * weights stored input-major (features x width, each input's weights one contiguous row), the
 * forward pass adds a sample's weight rows scaled by its non-zero inputs, and the backward pass
 * adds to a weight row the back-propagated deltas of the samples that use that input.
 *
 * <p>C2 does not vectorise these loops (the arrays may alias), so where the JVM runs with {@code
 * --add-modules jdk.incubator.vector} (the launcher, the tests and the benchmarks do) the kernel
 * runs on the Vector API ({@link VectorRowKernels}); elsewhere as the plain loop below. Both add
 * the terms of each output element one by one, in the same order, multiplying and rounding, then
 * adding and rounding, with no sum across lanes: they give the same bits.
 */
final class RowKernels {
  /** Whether the Vector API's module is in this JVM. */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private RowKernels() {}

  /**
   * out[o + i] += sum over k in [from, to) of (scale * coefficient[k]) * rows[row[k] * stride +
   * offset + i], for i &lt; width, the terms added in order of k.
   */
  static void addRows(
      double[] out,
      int o,
      int width,
      double[] rows,
      int[] row,
      int stride,
      int offset,
      float[] coefficient,
      double scale,
      int from,
      int to) {
    if (VECTOR) {
      VectorRowKernels.addRows(
          out, o, width, rows, row, stride, offset, coefficient, scale, from, to);
    } else {
      addRows(out, o, 0, width, rows, row, stride, offset, coefficient, scale, from, to);
    }
  }

  /** {@link #addRows} for the elements [first, width) only, as a plain loop. */
  static void addRows(
      double[] out,
      int o,
      int first,
      int width,
      double[] rows,
      int[] row,
      int stride,
      int offset,
      float[] coefficient,
      double scale,
      int from,
      int to) {
    for (int k = from; k < to; k++) {
      double v = scale * coefficient[k];
      int r = row[k] * stride + offset;
      for (int i = first; i < width; i++) {
        out[o + i] += v * rows[r + i];
      }
    }
  }
}
