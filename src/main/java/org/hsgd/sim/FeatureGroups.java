package org.hsgd.sim;

import org.hsgd.data.Dataset;

/**
 * The non-zero inputs of a chunk of samples, grouped by feature, so that each feature's row of
 * input weights is read (or written) once for all the samples that use it rather than once per
 * sample: on MNIST a minibatch of 16 digits touches about a sixth as many distinct rows as it has
 * non-zero pixels. Within a feature the samples keep their order, and the features run in
 * increasing order, so every sum runs in the same order as it would sample by sample.
 */
public final class FeatureGroups {
  private final int[] start;
  private final int[] next;
  private final int[] used;
  private int usedCount;
  private final int[] slot;
  private final double[] value;

  /**
   * @param capacity the most non-zero inputs a chunk can hold (chunk size times the widest sample),
   *     allocated once: grouping allocates nothing
   */
  FeatureGroups(int features, int capacity) {
    this.start = new int[features + 1];
    this.next = new int[features];
    this.used = new int[features];
    this.slot = new int[capacity];
    this.value = new double[capacity];
  }

  /**
   * Groups the non-zero inputs of {@code samples[from .. from + count)}; slot s is sample from + s.
   */
  void group(Dataset data, int[] samples, int from, int count) {
    int[] rows = data.rowStarts();
    int[] feature = data.nonzeroFeatures();
    float[] values = data.nonzeroValues();
    java.util.Arrays.fill(start, 0);
    int total = 0;
    for (int s = 0; s < count; s++) {
      int sample = samples[from + s];
      for (int k = rows[sample]; k < rows[sample + 1]; k++) {
        start[feature[k] + 1]++;
      }
      total += rows[sample + 1] - rows[sample];
    }
    if (total > slot.length) {
      throw new IllegalStateException("a chunk of " + count + " samples exceeds its capacity");
    }
    usedCount = 0;
    for (int f = 0; f < next.length; f++) {
      if (start[f + 1] > 0) {
        used[usedCount++] = f;
      }
      start[f + 1] += start[f];
      next[f] = start[f];
    }
    for (int s = 0; s < count; s++) {
      int sample = samples[from + s];
      for (int k = rows[sample]; k < rows[sample + 1]; k++) {
        int p = next[feature[k]]++;
        slot[p] = s;
        value[p] = values[k];
      }
    }
  }

  /**
   * out[slot * stride + offset + i] += x_slot[f] * W[f][i] for every grouped input, i &lt; width:
   * the input layer's forward pass for the chunk.
   */
  void forward(double[] weights, int width, double[] out, int stride, int offset) {
    for (int u = 0; u < usedCount; u++) {
      int f = used[u];
      for (int p = start[f]; p < start[f + 1]; p++) {
        Axpy.add(out, slot[p] * stride + offset, value[p], weights, f * width, width);
      }
    }
  }

  /**
   * W[f][i] += scale * x_slot[f] * delta[slot * stride + offset + i] for every grouped input: the
   * weight gradients of the chunk (scale 1) or their share of an SGD step applied in place.
   */
  void addOuter(double[] weights, int width, double scale, double[] delta, int stride, int offset) {
    for (int u = 0; u < usedCount; u++) {
      int f = used[u];
      for (int p = start[f]; p < start[f + 1]; p++) {
        Axpy.add(weights, f * width, scale * value[p], delta, slot[p] * stride + offset, width);
      }
    }
  }
}
