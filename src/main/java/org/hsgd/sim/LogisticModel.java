package org.hsgd.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.hsgd.data.Dataset;

/**
 * Multinomial logistic regression: logits = W^T x + b. Parameters: W input-major (features x
 * classes, so that each input adds one contiguous row, an axpy the JIT vectorises), then b.
 */
public final class LogisticModel implements Model {
  private final int features;
  private final int classes;

  public LogisticModel(int features, int classes) {
    this.features = features;
    this.classes = classes;
  }

  @Override
  public int dimension() {
    return features * classes + classes;
  }

  @Override
  public void initialize(double[] x, UniformRandomProvider rng) {
    java.util.Arrays.fill(x, 0); // convex: zero is the usual start
  }

  @Override
  public double[] newScratch(int chunk) {
    return new double[chunk * classes];
  }

  /**
   * The logits' gradients of samples[from .. from + count) into logits; returns the summed loss.
   */
  @Override
  public double backPropagate(
      double[] x, Dataset data, int[] samples, int from, int count, double[] logits) {
    double loss = 0;
    for (int s = 0; s < count; s++) {
      System.arraycopy(x, features * classes, logits, s * classes, classes);
      InputLayer.forward(x, classes, data, samples[from + s], logits, s * classes);
      loss +=
          Model.softmaxCrossEntropy(logits, s * classes, classes, data.label(samples[from + s]));
    }
    return loss;
  }

  /** target += scale * the summed per-sample gradients. */
  @Override
  public void addGradients(
      double[] target, int count, double scale, double[] logits, FeatureGroups groups) {
    int bias = features * classes;
    for (int s = 0; s < count; s++) {
      for (int c = 0; c < classes; c++) {
        target[bias + c] += scale * logits[s * classes + c];
      }
    }
    groups.addOuter(target, classes, scale, logits, classes, 0);
  }

  /** Per sample (|x|^2 + 1) |e|^2, with e the logits' gradient. */
  @Override
  public double sumOfSquaredSampleGradients(
      Dataset data, int[] samples, int from, int count, double[] logits) {
    double sum = 0;
    for (int s = 0; s < count; s++) {
      sum +=
          (data.squaredNorm(samples[from + s]) + 1)
              * MlpModel.squares(logits, s * classes, classes);
    }
    return sum;
  }

  @Override
  public int logits(double[] x, Dataset data, int sample, double[] logits) {
    System.arraycopy(x, features * classes, logits, 0, classes);
    InputLayer.forward(x, classes, data, sample, logits, 0);
    return 0;
  }

  @Override
  public long flopsPerSample() {
    return 4L * features * classes; // forward and gradient: one multiply-add each per weight
  }
}
