package org.hsgd.data;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hsgd.Require;

/**
 * Synthetic classification data: class c has mean separation * v_c for a random unit vector v_c,
 * and samples are that mean plus standard Gaussian noise. Classes are balanced (labels i mod C).
 */
public final class GaussianMixture {
  private GaussianMixture() {}

  /**
   * @throws org.hsgd.InvalidInputException for non-positive sizes or a negative separation
   */
  public static Dataset generate(
      int classes, int features, int samples, double separation, UniformRandomProvider rng) {
    Require.that(
        samples >= classes,
        "data.samples",
        "must be at least the number of classes",
        () -> "samples=" + samples);
    Require.nonNegative("data.separation", separation);
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] means = new double[classes * features];
    for (int c = 0; c < classes; c++) {
      double norm = 0;
      for (int f = 0; f < features; f++) {
        double v = gauss.sample();
        means[c * features + f] = v;
        norm += v * v;
      }
      double scale = separation / Math.sqrt(norm);
      for (int f = 0; f < features; f++) {
        means[c * features + f] *= scale;
      }
    }
    float[] x = new float[samples * features];
    int[] y = new int[samples];
    for (int i = 0; i < samples; i++) {
      y[i] = i % classes;
      for (int f = 0; f < features; f++) {
        x[i * features + f] = (float) (means[y[i] * features + f] + gauss.sample());
      }
    }
    return new Dataset(features, classes, x, y);
  }
}
