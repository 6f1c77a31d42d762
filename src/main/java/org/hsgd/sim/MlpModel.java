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
  public double[] newScratch(int chunk) {
    return new double[chunk * stride()];
  }

  /**
   * Forward and backward at x for samples[from .. from + count), into the scratch (per sample: the
   * hidden activations, the logits' gradient, softmax minus one-hot, and the hidden deltas);
   * returns the summed loss.
   */
  @Override
  public double backPropagate(
      double[] x, Dataset data, int[] samples, int from, int count, double[] scratch) {
    int stride = stride();
    double loss = 0;
    for (int s = 0; s < count; s++) {
      int a = s * stride;
      System.arraycopy(x, b1, scratch, a, hidden);
      InputLayer.forward(x, hidden, data, samples[from + s], scratch, a);
      int logits = a + hidden;
      int delta = logits + classes;
      outputLayer(x, scratch, a);
      loss += Model.softmaxCrossEntropy(scratch, logits, classes, data.label(samples[from + s]));
      for (int h = 0; h < hidden; h++) {
        double activation = scratch[a + h];
        double back = 0;
        int w = w2 + h * classes;
        for (int c = 0; c < classes; c++) {
          back += x[w + c] * scratch[logits + c];
        }
        scratch[delta + h] = back * (1 - activation * activation);
      }
    }
    return loss;
  }

  /**
   * target += scale * the summed per-sample gradients in the scratch: the gradient (scale 1), or
   * the data part of an SGD step on the parameters themselves.
   */
  @Override
  public void addGradients(
      double[] target, int count, double scale, double[] scratch, FeatureGroups groups) {
    int stride = stride();
    for (int s = 0; s < count; s++) {
      int a = s * stride;
      int logits = a + hidden;
      int delta = logits + classes;
      for (int c = 0; c < classes; c++) {
        target[b2 + c] += scale * scratch[logits + c];
      }
      for (int h = 0; h < hidden; h++) {
        double sa = scale * scratch[a + h];
        int w = w2 + h * classes;
        for (int c = 0; c < classes; c++) {
          target[w + c] += sa * scratch[logits + c];
        }
        target[b1 + h] += scale * scratch[delta + h];
      }
    }
    groups.addOuter(target, hidden, scale, scratch, stride, hidden + classes);
  }

  /**
   * Per sample: (|x|^2 + 1) |delta|^2 for W1 and b1, (|a|^2 + 1) |e|^2 for W2 and b2, with a the
   * hidden activations, delta their back-propagated terms and e the logits' gradient.
   */
  @Override
  public double sumOfSquaredSampleGradients(
      Dataset data, int[] samples, int from, int count, double[] scratch) {
    int stride = stride();
    double sum = 0;
    for (int s = 0; s < count; s++) {
      int a = s * stride;
      int logits = a + hidden;
      int delta = logits + classes;
      double activations = squares(scratch, a, hidden);
      double errors = squares(scratch, logits, classes);
      double deltas = squares(scratch, delta, hidden);
      sum += (data.squaredNorm(samples[from + s]) + 1) * deltas + (activations + 1) * errors;
    }
    return sum;
  }

  static double squares(double[] values, int from, int count) {
    double sum = 0;
    for (int i = from; i < from + count; i++) {
      sum += values[i] * values[i];
    }
    return sum;
  }

  /** tanh of the hidden pre-activations at scratch[offset ..), then the logits after them. */
  private void outputLayer(double[] x, double[] scratch, int offset) {
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
  public int logits(double[] x, Dataset data, int sample, double[] scratch) {
    System.arraycopy(x, b1, scratch, 0, hidden);
    InputLayer.forward(x, hidden, data, sample, scratch, 0);
    outputLayer(x, scratch, 0);
    return hidden;
  }

  @Override
  public long flopsPerSample() {
    // Forward 2(DH + HC), backward 2(DH + 2HC) (weight gradients and the back-propagated delta).
    return 4L * features * hidden + 6L * hidden * classes;
  }
}
