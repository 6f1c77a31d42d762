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

  /** One sample's temporaries: hidden activations, then logits, then hidden deltas. */
  private int stride() {
    return 2 * hidden + classes;
  }

  @Override
  public double[] newScratch() {
    return new double[stride()];
  }

  @Override
  public double[] newStepScratch(int batch) {
    return new double[batch * stride()];
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
    int logits = hidden;
    int delta = hidden + classes;
    double loss = 0;
    for (int s = from; s < from + count; s++) {
      int sample = samples[s];
      loss += backPropagate(x, data, sample, scratch, 0);
      for (int c = 0; c < classes; c++) {
        grad[b2 + c] += scratch[logits + c];
      }
      for (int h = 0; h < hidden; h++) {
        double a = scratch[h];
        int w = w2 + h * classes;
        for (int c = 0; c < classes; c++) {
          grad[w + c] += a * scratch[logits + c];
        }
        grad[b1 + h] += scratch[delta + h];
      }
      InputLayer.addOuter(grad, hidden, data, sample, 1, scratch, delta);
    }
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
      double[] scratch) {
    int stride = stride();
    for (int s = 0; s < batch; s++) {
      backPropagate(x, data, samples[s], scratch, s * stride);
    }
    Model.decay(x, gamma, l2);
    double scale = -gamma / batch;
    for (int s = 0; s < batch; s++) {
      int a = s * stride;
      int logits = a + hidden;
      int delta = logits + classes;
      for (int c = 0; c < classes; c++) {
        x[b2 + c] += scale * scratch[logits + c];
      }
      for (int h = 0; h < hidden; h++) {
        double sa = scale * scratch[a + h];
        int w = w2 + h * classes;
        for (int c = 0; c < classes; c++) {
          x[w + c] += sa * scratch[logits + c];
        }
        x[b1 + h] += scale * scratch[delta + h];
      }
      InputLayer.addOuter(x, hidden, data, samples[s], scale, scratch, delta);
    }
  }

  /**
   * Forward and backward for one sample at x, into scratch[offset ..]: the hidden activations, the
   * logits' gradient (softmax minus one-hot) and the hidden deltas; returns the loss.
   */
  private double backPropagate(double[] x, Dataset data, int sample, double[] scratch, int offset) {
    int logits = offset + hidden;
    int delta = logits + classes;
    forward(x, data, sample, scratch, offset);
    double loss = Model.softmaxCrossEntropy(scratch, logits, classes, data.label(sample));
    for (int h = 0; h < hidden; h++) {
      double a = scratch[offset + h];
      double back = 0;
      int w = w2 + h * classes;
      for (int c = 0; c < classes; c++) {
        back += x[w + c] * scratch[logits + c];
      }
      scratch[delta + h] = back * (1 - a * a);
    }
    return loss;
  }

  /** Hidden activations into scratch[offset ..), then the logits after them. */
  private void forward(double[] x, Dataset data, int sample, double[] scratch, int offset) {
    System.arraycopy(x, b1, scratch, offset, hidden);
    InputLayer.forward(x, hidden, data, sample, scratch, offset);
    for (int h = offset; h < offset + hidden; h++) {
      scratch[h] = tanh(scratch[h]);
    }
    int logits = offset + hidden;
    System.arraycopy(x, b2, scratch, logits, classes);
    for (int h = 0; h < hidden; h++) {
      double a = scratch[offset + h];
      int w = w2 + h * classes;
      for (int c = 0; c < classes; c++) {
        scratch[logits + c] += a * x[w + c];
      }
    }
  }

  /**
   * tanh through the exp intrinsic, four times as fast as {@link Math#tanh} (which is not one): (1
   * - e) / (1 + e) with e = exp(-2|z|) in (0, 1], so it cannot overflow; absolute error about
   * 1e-16.
   */
  static double tanh(double z) {
    double e = Math.exp(-2 * Math.abs(z));
    return Math.copySign((1 - e) / (1 + e), z);
  }

  @Override
  public int predict(double[] x, Dataset data, int sample, double[] scratch) {
    forward(x, data, sample, scratch, 0);
    return Model.argmax(scratch, hidden, classes);
  }

  @Override
  public long flopsPerSample() {
    // Forward 2(DH + HC), backward 2(DH + 2HC) (weight gradients and the back-propagated delta).
    return 4L * features * hidden + 6L * hidden * classes;
  }
}
