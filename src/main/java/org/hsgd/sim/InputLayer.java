package org.hsgd.sim;

import org.hsgd.data.Dataset;

/**
 * The input layer's forward pass for one sample (predictions): weights stored input-major at the
 * start of the parameters (features x width, so each input's weights are one contiguous row: an
 * {@link Axpy}), over the sample's non-zero features only ({@link Dataset#nonzeroFeatures}). Chunks
 * of samples go through {@link FeatureGroups} instead.
 */
final class InputLayer {
  private InputLayer() {}

  /** out[outOffset + i] += sum_f x_sample[f] * W[f][i], for i &lt; width. */
  static void forward(
      double[] weights, int width, Dataset data, int sample, double[] out, int outOffset) {
    int[] feature = data.nonzeroFeatures();
    float[] value = data.nonzeroValues();
    for (int k = data.rowStarts()[sample]; k < data.rowStarts()[sample + 1]; k++) {
      Axpy.add(out, outOffset, value[k], weights, feature[k] * width, width);
    }
  }
}
