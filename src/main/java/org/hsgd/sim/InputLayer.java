package org.hsgd.sim;

import org.hsgd.data.Dataset;

/**
 * The input layer's forward pass for one sample: weights stored input-major at the start of the
 * parameters (features x width, so each input's weights are one contiguous row), over the sample's
 * non-zero features only ({@link Dataset#nonzeroFeatures}), in increasing order. Its backward pass
 * goes through {@link FeatureGroups}.
 */
final class InputLayer {
  private InputLayer() {}

  /** out[outOffset + i] += sum_f x_sample[f] * W[f][i], for i &lt; width. */
  static void forward(
      double[] weights, int width, Dataset data, int sample, double[] out, int outOffset) {
    RowKernels.addRows(
        out,
        outOffset,
        width,
        weights,
        data.nonzeroFeatures(),
        width,
        0,
        data.nonzeroValues(),
        1,
        data.rowStarts()[sample],
        data.rowStarts()[sample + 1]);
  }
}
