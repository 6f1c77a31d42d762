package org.hsgd.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.hsgd.data.Dataset;

/**
 * One hidden layer of tanh units (smooth, as the theory assumes) and a softmax output: logits =
 * W2^T tanh(W1^T x + b1) + b2. Non-convex. Parameters, all input-major so that inner loops are
 * contiguous axpys: W1 (features x hidden), b1, W2 (hidden x classes), b2.
 */
public final class MlpModel implements Model {
  private final int features;
  private final int hidden;
  private final int classes;
  private final int b1;
  private final int w2;
  private final int b2;

  public MlpModel(int features, int hidden, int classes) {
    org.hsgd.Require.that(
        hidden >= 1, "model.hidden", "must be at least 1", () -> "hidden=" + hidden);
    this.features = features;
    this.hidden = hidden;
    this.classes = classes;
    this.b1 = features * hidden;
    this.w2 = b1 + hidden;
    this.b2 = w2 + hidden * classes;
  }

  @Override
  public int dimension() {
    return b2 + classes;
  }

  /** Glorot-uniform weights, zero biases. */
  @Override
  public void initialize(double[] x, UniformRandomProvider rng) {
    java.util.Arrays.fill(x, 0);
    double r1 = Math.sqrt(6.0 / (features + hidden));
    for (int i = 0; i < b1; i++) {
      x[i] = r1 * (2 * rng.nextDouble() - 1);
    }
    double r2 = Math.sqrt(6.0 / (hidden + classes));
    for (int i = w2; i < b2; i++) {
      x[i] = r2 * (2 * rng.nextDouble() - 1);
    }
  }

  /** Layout: hidden activations, then logits, then hidden deltas. */
  @Override
  public double[] newScratch() {
    return new double[2 * hidden + classes];
  }

  @Override
  public double addLossAndGradient(
      double[] x,
      Dataset data,
      int[] samples,
      int from,
      int count,
      double[] grad,
      double[] scratch) {
    float[] input = data.x();
    int logits = hidden;
    int delta = hidden + classes;
    double loss = 0;
    for (int s = from; s < from + count; s++) {
      int sample = samples[s];
      int row = sample * features;
      forward(x, input, row, scratch);
      loss += Model.softmaxCrossEntropy(scratch, logits, classes, data.label(sample));
      // Output layer: dL/dlogits is in scratch[logits ..].
      for (int c = 0; c < classes; c++) {
        grad[b2 + c] += scratch[logits + c];
      }
      for (int h = 0; h < hidden; h++) {
        double a = scratch[h];
        double back = 0;
        int w = w2 + h * classes;
        for (int c = 0; c < classes; c++) {
          double g = scratch[logits + c];
          grad[w + c] += a * g;
          back += x[w + c] * g;
        }
        scratch[delta + h] = back * (1 - a * a);
      }
      // Hidden layer.
      for (int h = 0; h < hidden; h++) {
        grad[b1 + h] += scratch[delta + h];
      }
      InputLayer.addGradient(grad, hidden, input, row, features, scratch, delta);
    }
    return loss;
  }

  /** Hidden activations into scratch[0..hidden), logits into scratch[hidden..hidden+classes). */
  private void forward(double[] x, float[] input, int row, double[] scratch) {
    System.arraycopy(x, b1, scratch, 0, hidden);
    InputLayer.forward(x, hidden, input, row, features, scratch, 0);
    for (int h = 0; h < hidden; h++) {
      scratch[h] = Math.tanh(scratch[h]);
    }
    System.arraycopy(x, b2, scratch, hidden, classes);
    for (int h = 0; h < hidden; h++) {
      double a = scratch[h];
      int w = w2 + h * classes;
      for (int c = 0; c < classes; c++) {
        scratch[hidden + c] += a * x[w + c];
      }
    }
  }

  @Override
  public int predict(double[] x, Dataset data, int sample, double[] scratch) {
    forward(x, data.x(), sample * features, scratch);
    return Model.argmax(scratch, hidden, classes);
  }

  @Override
  public long flopsPerSample() {
    // Forward 2(DH + HC), backward 2(DH + 2HC) (weight gradients and the back-propagated delta).
    return 4L * features * hidden + 6L * hidden * classes;
  }
}
