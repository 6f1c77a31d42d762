package org.hsgd.sim;

/**
 * The input layer shared by the models: weights stored input-major at the start of the parameters
 * (features x width, so each input's weights are one contiguous row, an axpy the JIT vectorises).
 * The loops skip zero inputs, which make up most of an MNIST image.
 */
final class InputLayer {
  private InputLayer() {}

  /** out[outOffset + i] += sum_f input[row + f] * W[f][i], for i &lt; width. */
  static void forward(
      double[] weights,
      int width,
      float[] input,
      int row,
      int features,
      double[] out,
      int outOffset) {
    for (int f = 0; f < features; f++) {
      double v = input[row + f];
      if (v != 0) {
        int w = f * width;
        for (int i = 0; i < width; i++) {
          out[outOffset + i] += v * weights[w + i];
        }
      }
    }
  }

  /** grad W[f][i] += input[row + f] * delta[deltaOffset + i]: the weight gradient of one sample. */
  static void addGradient(
      double[] grad,
      int width,
      float[] input,
      int row,
      int features,
      double[] delta,
      int deltaOffset) {
    for (int f = 0; f < features; f++) {
      double v = input[row + f];
      if (v != 0) {
        int w = f * width;
        for (int i = 0; i < width; i++) {
          grad[w + i] += v * delta[deltaOffset + i];
        }
      }
    }
  }
}
