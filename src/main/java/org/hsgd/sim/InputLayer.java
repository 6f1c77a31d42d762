package org.hsgd.sim;

import org.hsgd.data.Dataset;

/**
 * The input layer shared by the models: weights stored input-major at the start of the parameters
 * (features x width, so each input's weights are one contiguous row, an axpy the JIT vectorises).
 * The loops run over a sample's non-zero features only ({@link Dataset#nonzeroFeatures}), which are
 * about a fifth of an MNIST image.
 */
final class InputLayer {
  private InputLayer() {}

  /** out[outOffset + i] += sum_f x_sample[f] * W[f][i], for i &lt; width. */
  static void forward(
      double[] weights, int width, Dataset data, int sample, double[] out, int outOffset) {
    int[] feature = data.nonzeroFeatures();
    float[] value = data.nonzeroValues();
    for (int k = data.rowStarts()[sample]; k < data.rowStarts()[sample + 1]; k++) {
      double v = value[k];
      int w = feature[k] * width;
      for (int i = 0; i < width; i++) {
        out[outOffset + i] += v * weights[w + i];
      }
    }
  }

  /**
   * W[f][i] += scale * x_sample[f] * delta[deltaOffset + i]: with W the gradient and scale 1, one
   * sample's weight gradient; with W the parameters and scale -gamma / batch, its share of an SGD
   * step, applied in place.
   */
  static void addOuter(
      double[] weights,
      int width,
      Dataset data,
      int sample,
      double scale,
      double[] delta,
      int deltaOffset) {
    int[] feature = data.nonzeroFeatures();
    float[] value = data.nonzeroValues();
    for (int k = data.rowStarts()[sample]; k < data.rowStarts()[sample + 1]; k++) {
      double v = scale * value[k];
      int w = feature[k] * width;
      for (int i = 0; i < width; i++) {
        weights[w + i] += v * delta[deltaOffset + i];
      }
    }
  }
}
