package org.hsgd.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.hsgd.data.Dataset;

/**
 * A classifier over flat parameters with softmax cross-entropy loss. Implementations keep the
 * per-sample loops free of allocation: all temporaries live in the scratch array.
 */
public interface Model {
  int dimension();

  /** Writes the initial parameters. */
  void initialize(double[] x, UniformRandomProvider rng);

  /** A scratch array for the temporaries of chunks of up to {@code chunk} samples. */
  double[] newScratch(int chunk);

  /**
   * Forward and backward at x for {@code samples[from .. from+count)} (at most the scratch's
   * chunk): each sample's back-propagated terms into the scratch.
   *
   * @return the summed per-sample losses
   */
  double backPropagate(
      double[] x, Dataset data, int[] samples, int from, int count, double[] scratch);

  /**
   * target += scale times the summed per-sample gradients that {@link #backPropagate} left in the
   * scratch: the gradient (scale 1), or the data part of an SGD step on the parameters themselves
   * (scale -gamma / batch), touching only the input rows the chunk uses. {@code groups} holds the
   * same samples' inputs grouped by feature ({@link FeatureGroups#group}).
   */
  void addGradients(
      double[] target, int count, double scale, double[] scratch, FeatureGroups groups);

  /**
   * sum_i |g_i|^2 over samples[from .. from+count): the squared norms of the per-sample loss
   * gradients (without an l2 term) that {@link #backPropagate} left in the scratch for the same
   * samples. A dense layer's gradient is an outer product, so its squared norm is |input|^2
   * |delta|^2 and costs no more than the layer's width.
   */
  double sumOfSquaredSampleGradients(
      Dataset data, int[] samples, int from, int count, double[] scratch);

  /**
   * Adds the gradients of the per-sample losses of {@code samples[from .. from+count)} (at most the
   * scratch's chunk, their inputs grouped in {@code groups}) to grad and returns the sum of those
   * losses.
   */
  default double addLossAndGradient(
      double[] x,
      Dataset data,
      int[] samples,
      int from,
      int count,
      double[] grad,
      double[] scratch,
      FeatureGroups groups) {
    double loss = backPropagate(x, data, samples, from, count, scratch);
    addGradients(grad, count, 1, scratch, groups);
    return loss;
  }

  /**
   * One SGD step in place on the minibatch {@code samples[0 .. batch)} (its inputs grouped in
   * {@code groups}): x -= gamma (the mean of the per-sample gradients at x, plus l2 x). It equals
   * the step built from {@link #addLossAndGradient} up to rounding, but first computes every
   * sample's back-propagated terms at x and then applies them, touching only the input rows the
   * samples use (and every parameter only when l2 &gt; 0): no gradient vector is filled, scaled or
   * read.
   */
  default void step(
      double[] x,
      Dataset data,
      int[] samples,
      int batch,
      double gamma,
      double l2,
      double[] scratch,
      FeatureGroups groups) {
    backPropagate(x, data, samples, 0, batch, scratch);
    decay(x, gamma, l2);
    addGradients(x, batch, -gamma / batch, scratch, groups);
  }

  /** x *= 1 - gamma l2: the weight-decay part of a step, before the data part. */
  static void decay(double[] x, double gamma, double l2) {
    if (l2 != 0) {
      double keep = 1 - gamma * l2;
      for (int i = 0; i < x.length; i++) {
        x[i] *= keep;
      }
    }
  }

  /**
   * The logits of one sample at x into the scratch (from {@link #newScratch}); returns where they
   * start in it.
   */
  int logits(double[] x, Dataset data, int sample, double[] scratch);

  /** Floating-point operations for one sample's loss and gradient, counting dense inputs. */
  long flopsPerSample();

  /**
   * Softmax cross-entropy on logits[0..classes): turns logits into probabilities minus the one-hot
   * label (the gradient with respect to the logits) and returns the loss.
   */
  static double softmaxCrossEntropy(double[] logits, int offset, int classes, int label) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      max = Math.max(max, logits[offset + c]);
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      double e = Math.exp(logits[offset + c] - max);
      logits[offset + c] = e;
      sum += e;
    }
    double loss = Math.log(sum) - Math.log(logits[offset + label]);
    for (int c = 0; c < classes; c++) {
      logits[offset + c] /= sum;
    }
    logits[offset + label] -= 1;
    return loss;
  }

  /** The index of the largest of values[offset .. offset+count). */
  static int argmax(double[] values, int offset, int count) {
    int best = 0;
    for (int c = 1; c < count; c++) {
      if (values[offset + c] > values[offset + best]) {
        best = c;
      }
    }
    return best;
  }
}
