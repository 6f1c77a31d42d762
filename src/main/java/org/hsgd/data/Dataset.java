package org.hsgd.data;

import org.hsgd.Require;

/**
 * Labelled samples in flat primitive arrays: sample i has features {@code x[i*features ..
 * (i+1)*features)} and label {@code y[i]} in [0, classes). The arrays are shared, not copied, and
 * must not be changed after construction.
 */
public final class Dataset {
  private final int features;
  private final int classes;
  private final float[] x;
  private final int[] y;
  private final int[] rowStart;
  private final int[] nonzeroFeature;
  private final float[] nonzeroValue;
  private final int maxRowNonzeros;

  /**
   * @throws org.hsgd.InvalidInputException if the arrays do not fit together
   */
  public Dataset(int features, int classes, float[] x, int[] y) {
    Require.that(
        features >= 1, "data.features", "must be at least 1", () -> "features=" + features);
    Require.that(classes >= 2, "data.classes", "must be at least 2", () -> "classes=" + classes);
    Require.that(
        x.length == (long) y.length * features,
        "data",
        "must have features for every label",
        () -> x.length + " values for " + y.length + " labels of " + features + " features");
    for (int label : y) {
      Require.that(
          label >= 0 && label < classes,
          "data",
          "labels must lie in [0, classes)",
          () -> "label " + label);
    }
    this.features = features;
    this.classes = classes;
    this.x = x;
    this.y = y;
    // The non-zero features of each sample (compressed rows): most of an MNIST image is zero, and
    // the models' input layers touch only the rest, without a branch per pixel.
    int samples = y.length;
    this.rowStart = new int[samples + 1];
    int nonzero = 0;
    for (float v : x) {
      nonzero += v != 0 ? 1 : 0;
    }
    this.nonzeroFeature = new int[nonzero];
    this.nonzeroValue = new float[nonzero];
    int k = 0;
    for (int s = 0; s < samples; s++) {
      rowStart[s] = k;
      for (int f = 0; f < features; f++) {
        float v = x[s * features + f];
        if (v != 0) {
          nonzeroFeature[k] = f;
          nonzeroValue[k++] = v;
        }
      }
    }
    rowStart[samples] = k;
    int widest = 0;
    for (int s = 0; s < samples; s++) {
      widest = Math.max(widest, rowStart[s + 1] - rowStart[s]);
    }
    this.maxRowNonzeros = widest;
  }

  /** The most non-zero features any one sample has. */
  public int maxRowNonzeros() {
    return maxRowNonzeros;
  }

  /**
   * Where each sample's non-zero features start in {@link #nonzeroFeatures()} and {@link
   * #nonzeroValues()}: sample i's are at [rowStarts()[i], rowStarts()[i + 1]) (read only).
   */
  public int[] rowStarts() {
    return rowStart;
  }

  /** |x_i|^2, the squared norm of one sample's features. */
  public double squaredNorm(int sample) {
    double sum = 0;
    for (int k = rowStart[sample]; k < rowStart[sample + 1]; k++) {
      sum += (double) nonzeroValue[k] * nonzeroValue[k];
    }
    return sum;
  }

  /** The feature index of each non-zero value, sample by sample (read only). */
  public int[] nonzeroFeatures() {
    return nonzeroFeature;
  }

  /** The non-zero values, sample by sample (read only). */
  public float[] nonzeroValues() {
    return nonzeroValue;
  }

  public int size() {
    return y.length;
  }

  public int features() {
    return features;
  }

  public int classes() {
    return classes;
  }

  /** The flat feature array (read only). */
  public float[] x() {
    return x;
  }

  public int label(int sample) {
    return y[sample];
  }

  /** Labels of all samples (a copy). */
  public int[] labels() {
    return y.clone();
  }

  /** The samples at the given indices, in that order. */
  public Dataset subset(int[] samples) {
    float[] sx = new float[samples.length * features];
    int[] sy = new int[samples.length];
    for (int i = 0; i < samples.length; i++) {
      System.arraycopy(x, samples[i] * features, sx, i * features, features);
      sy[i] = y[samples[i]];
    }
    return new Dataset(features, classes, sx, sy);
  }

  /** Number of samples of each class. */
  public int[] classCounts() {
    int[] counts = new int[classes];
    for (int label : y) {
      counts[label]++;
    }
    return counts;
  }
}
