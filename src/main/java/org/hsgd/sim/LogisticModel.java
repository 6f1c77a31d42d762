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
  public double[] newScratch() {
    return new double[classes];
  }

  @Override
  public double addLossAndGradient(
      double[] x,
      Dataset data,
      int[] samples,
      int from,
      int count,
      double[] grad,
      double[] logits) {
    float[] input = data.x();
    int bias = features * classes;
    double loss = 0;
    for (int s = from; s < from + count; s++) {
      int sample = samples[s];
      int row = sample * features;
      forward(x, input, row, logits);
      loss += Model.softmaxCrossEntropy(logits, 0, classes, data.label(sample));
      for (int c = 0; c < classes; c++) {
        grad[bias + c] += logits[c];
      }
      InputLayer.addGradient(grad, classes, input, row, features, logits, 0);
    }
    return loss;
  }

  private void forward(double[] x, float[] input, int row, double[] logits) {
    System.arraycopy(x, features * classes, logits, 0, classes);
    InputLayer.forward(x, classes, input, row, features, logits, 0);
  }

  @Override
  public int predict(double[] x, Dataset data, int sample, double[] logits) {
    forward(x, data.x(), sample * features, logits);
    return Model.argmax(logits, 0, classes);
  }

  @Override
  public long flopsPerSample() {
    return 4L * features * classes; // forward and gradient: one multiply-add each per weight
  }
}
