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

  @Override
  public double addLossAndGradient(
      double[] x,
      Dataset data,
      int[] samples,
      int from,
      int count,
      double[] grad,
      double[] logits,
      FeatureGroups groups) {
    double loss = logitGradients(x, data, samples, from, count, logits, groups);
    apply(grad, count, 1, logits, groups);
    return loss;
  }

  @Override
  public void step(
      double[] x,
      Dataset data,
      int[] samples,
      int batch,
      double gamma,
      double l2,
      double[] logits,
      FeatureGroups groups) {
    logitGradients(x, data, samples, 0, batch, logits, groups);
    Model.decay(x, gamma, l2);
    apply(x, batch, -gamma / batch, logits, groups);
  }

  /**
   * The logits' gradients of samples[from .. from + count) into logits; returns the summed loss.
   */
  private double logitGradients(
      double[] x,
      Dataset data,
      int[] samples,
      int from,
      int count,
      double[] logits,
      FeatureGroups groups) {
    groups.group(data, samples, from, count);
    for (int s = 0; s < count; s++) {
      System.arraycopy(x, features * classes, logits, s * classes, classes);
    }
    groups.forward(x, classes, logits, classes, 0);
    double loss = 0;
    for (int s = 0; s < count; s++) {
      loss +=
          Model.softmaxCrossEntropy(logits, s * classes, classes, data.label(samples[from + s]));
    }
    return loss;
  }

  /** target += scale * the summed per-sample gradients. */
  private void apply(
      double[] target, int count, double scale, double[] logits, FeatureGroups groups) {
    int bias = features * classes;
    for (int s = 0; s < count; s++) {
      for (int c = 0; c < classes; c++) {
        target[bias + c] += scale * logits[s * classes + c];
      }
    }
    groups.addOuter(target, classes, scale, logits, classes, 0);
  }

  @Override
  public int predict(double[] x, Dataset data, int sample, double[] logits) {
    System.arraycopy(x, features * classes, logits, 0, classes);
    InputLayer.forward(x, classes, data, sample, logits, 0);
    return Model.argmax(logits, 0, classes);
  }

  @Override
  public long flopsPerSample() {
    return 4L * features * classes; // forward and gradient: one multiply-add each per weight
  }
}
