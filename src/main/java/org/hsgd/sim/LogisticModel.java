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
    int bias = features * classes;
    double loss = 0;
    for (int s = from; s < from + count; s++) {
      int sample = samples[s];
      loss += logitGradient(x, data, sample, logits, 0);
      for (int c = 0; c < classes; c++) {
        grad[bias + c] += logits[c];
      }
      InputLayer.addOuter(grad, classes, data, sample, 1, logits, 0);
    }
    return loss;
  }

  @Override
  public double[] newStepScratch(int batch) {
    return new double[batch * classes];
  }

  @Override
  public void step(
      double[] x,
      Dataset data,
      int[] samples,
      int batch,
      double gamma,
      double l2,
      double[] scratch) {
    for (int s = 0; s < batch; s++) {
      logitGradient(x, data, samples[s], scratch, s * classes);
    }
    Model.decay(x, gamma, l2);
    double scale = -gamma / batch;
    int bias = features * classes;
    for (int s = 0; s < batch; s++) {
      for (int c = 0; c < classes; c++) {
        x[bias + c] += scale * scratch[s * classes + c];
      }
      InputLayer.addOuter(x, classes, data, samples[s], scale, scratch, s * classes);
    }
  }

  /** The loss of one sample; its logits' gradient into logits[offset ..]. */
  private double logitGradient(double[] x, Dataset data, int sample, double[] logits, int offset) {
    forward(x, data, sample, logits, offset);
    return Model.softmaxCrossEntropy(logits, offset, classes, data.label(sample));
  }

  private void forward(double[] x, Dataset data, int sample, double[] logits, int offset) {
    System.arraycopy(x, features * classes, logits, offset, classes);
    InputLayer.forward(x, classes, data, sample, logits, offset);
  }

  @Override
  public int predict(double[] x, Dataset data, int sample, double[] logits) {
    forward(x, data, sample, logits, 0);
    return Model.argmax(logits, 0, classes);
  }

  @Override
  public long flopsPerSample() {
    return 4L * features * classes; // forward and gradient: one multiply-add each per weight
  }
}
