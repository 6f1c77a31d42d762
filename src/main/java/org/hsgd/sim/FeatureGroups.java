package org.hsgd.sim;

import org.hsgd.data.Dataset;

/**
 * The non-zero inputs of a chunk of samples, grouped by feature, so that each feature's row of
 * input weights is written once for all the samples that use it rather than once per sample: on
 * MNIST a minibatch of 16 digits touches about a sixth as many distinct rows as it has non-zero
 * pixels. Within a feature the samples keep their order, so every element's sum runs in the same
 * order as it would sample by sample; the features themselves come in order of first use, which
 * changes nothing, since their rows are disjoint.
 */
public final class FeatureGroups {
  private final int[] countOf; // per feature; all zero between groupings
  private final int[] nextOf; // per feature: its next free position while grouping
  private final int[] used; // the distinct features, in order of first use
  private final int[] bounds; // used[u]'s inputs are at [bounds[u], bounds[u + 1])
  private int usedCount;
  private final int[] slot;
  private final float[] value; // the data's own values: floats

  /**
   * @param capacity the most non-zero inputs a chunk can hold (chunk size times the widest sample),
   *     allocated once: grouping allocates nothing
   */
  FeatureGroups(int features, int capacity) {
    this(new int[features], new int[features], capacity);
  }

  /** Groups sharing their per-feature scratch, which only {@link #group} uses, with others. */
  private FeatureGroups(int[] countOf, int[] nextOf, int capacity) {
    this.countOf = countOf;
    this.nextOf = nextOf;
    this.used = new int[Math.min(countOf.length, capacity)];
    this.bounds = new int[used.length + 1];
    this.slot = new int[capacity];
    this.value = new float[capacity];
  }

  /**
   * The grouping of {@code samples[from .. from + count)}, sized for exactly their inputs, made
   * with this grouping's per-feature scratch: kept grouped, it needs none of its own, so that a
   * shard of many chunks costs its values, not its chunks times the dimension.
   */
  FeatureGroups groupOnce(Dataset data, int[] samples, int from, int count) {
    int total = 0;
    for (int s = from; s < from + count; s++) {
      total += data.rowStarts()[samples[s] + 1] - data.rowStarts()[samples[s]];
    }
    FeatureGroups groups = new FeatureGroups(countOf, nextOf, total);
    groups.group(data, samples, from, count);
    return groups;
  }

  /**
   * Groups the non-zero inputs of {@code samples[from .. from + count)}; slot s is sample from + s.
   * A counting sort that touches only the features in use.
   */
  void group(Dataset data, int[] samples, int from, int count) {
    int[] rows = data.rowStarts();
    int[] feature = data.nonzeroFeatures();
    float[] values = data.nonzeroValues();
    int total = 0;
    for (int s = from; s < from + count; s++) {
      total += rows[samples[s] + 1] - rows[samples[s]];
    }
    if (total > slot.length) {
      throw new IllegalStateException("a chunk of " + count + " samples exceeds its capacity");
    }
    usedCount = 0;
    for (int s = from; s < from + count; s++) {
      for (int k = rows[samples[s]]; k < rows[samples[s] + 1]; k++) {
        if (countOf[feature[k]]++ == 0) {
          used[usedCount++] = feature[k];
        }
      }
    }
    int position = 0;
    for (int u = 0; u < usedCount; u++) {
      int f = used[u];
      bounds[u] = position;
      nextOf[f] = position;
      position += countOf[f];
      countOf[f] = 0;
    }
    bounds[usedCount] = position;
    for (int s = 0; s < count; s++) {
      int sample = samples[from + s];
      for (int k = rows[sample]; k < rows[sample + 1]; k++) {
        int p = nextOf[feature[k]]++;
        slot[p] = s;
        value[p] = values[k];
      }
    }
  }

  /**
   * W[f][i] += scale * x_slot[f] * delta[slot * stride + offset + i] for every grouped input: the
   * weight gradients of the chunk (scale 1) or their share of an SGD step applied in place.
   */
  void addOuter(double[] weights, int width, double scale, double[] delta, int stride, int offset) {
    for (int u = 0; u < usedCount; u++) {
      RowKernels.addRows(
          weights,
          used[u] * width,
          width,
          delta,
          slot,
          stride,
          offset,
          value,
          scale,
          bounds[u],
          bounds[u + 1]);
    }
  }
}
