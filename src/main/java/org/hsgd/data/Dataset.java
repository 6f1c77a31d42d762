package org.hsgd.data;

import org.hsgd.Require;

/**
 * Labelled samples as compressed rows in flat primitive arrays: sample i's non-zero features are
 * {@code nonzeroFeatures()[k]} with values {@code nonzeroValues()[k]} for k in [rowStarts()[i],
 * rowStarts()[i + 1]), and its label is in [0, classes). Only the non-zero values are kept: an
 * MNIST image is mostly zeros, a LIBSVM row nearly all, and the models' input layers touch only the
 * rest, without a branch per feature. The arrays are shared, not copied, and must not be changed
 * after construction.
 */
public final class Dataset {
  private final int features;
  private final int classes;
  private final int[] y;
  private final int[] rowStart;
  private final int[] nonzeroFeature;
  private final float[] nonzeroValue;
  private final int maxRowNonzeros;

  /**
   * Dense samples: sample i has features {@code x[i*features .. (i+1)*features)}; kept as their
   * non-zero values.
   *
   * @throws org.hsgd.InvalidInputException if the arrays do not fit together
   */
  public Dataset(int features, int classes, float[] x, int[] y) {
    this(features, classes, y, Compressed.of(x, features, y.length));
  }

  /**
   * Sparse samples given as compressed rows, each row's features increasing.
   *
   * @throws org.hsgd.InvalidInputException if the arrays do not fit together
   */
  public static Dataset sparse(
      int features, int classes, int[] rowStart, int[] feature, float[] value, int[] y) {
    Require.that(
        rowStart.length == y.length + 1
            && rowStart[0] == 0
            && rowStart[y.length] == feature.length
            && feature.length == value.length,
        "data",
        "must have one row of non-zero features per label",
        () -> rowStart.length + " row starts for " + y.length + " labels");
    for (int s = 0; s < y.length; s++) {
      for (int k = rowStart[s]; k < rowStart[s + 1]; k++) {
        final int at = k;
        Require.that(
            feature[k] >= 0
                && feature[k] < features
                && (k == rowStart[s] || feature[k] > feature[k - 1]),
            "data",
            "must have each row's features increasing in [0, features)",
            () -> "feature " + feature[at]);
      }
    }
    return new Dataset(features, classes, y, new Compressed(rowStart, feature, value));
  }

  /** Compressed rows. */
  private record Compressed(int[] rowStart, int[] feature, float[] value) {
    static Compressed of(float[] x, int features, int samples) {
      Require.that(
          x.length == (long) samples * features,
          "data",
          "must have features for every label",
          () -> x.length + " values for " + samples + " labels of " + features + " features");
      int[] rowStart = new int[samples + 1];
      int nonzero = 0;
      for (float v : x) {
        nonzero += v != 0 ? 1 : 0;
      }
      int[] feature = new int[nonzero];
      float[] value = new float[nonzero];
      int k = 0;
      for (int s = 0; s < samples; s++) {
        rowStart[s] = k;
        for (int f = 0; f < features; f++) {
          float v = x[s * features + f];
          if (v != 0) {
            feature[k] = f;
            value[k++] = v;
          }
        }
      }
      rowStart[samples] = k;
      return new Compressed(rowStart, feature, value);
    }
  }

  private Dataset(int features, int classes, int[] y, Compressed rows) {
    Require.that(
        features >= 1, "data.features", "must be at least 1", () -> "features=" + features);
    Require.that(classes >= 2, "data.classes", "must be at least 2", () -> "classes=" + classes);
    for (int label : y) {
      Require.that(
          label >= 0 && label < classes,
          "data",
          "labels must lie in [0, classes)",
          () -> "label " + label);
    }
    this.features = features;
    this.classes = classes;
    this.y = y;
    this.rowStart = rows.rowStart();
    this.nonzeroFeature = rows.feature();
    this.nonzeroValue = rows.value();
    int widest = 0;
    for (int s = 0; s < y.length; s++) {
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

  /** One sample's features, dense, into {@code row} (of length features). */
  public void denseRow(int sample, float[] row) {
    java.util.Arrays.fill(row, 0f);
    for (int k = rowStart[sample]; k < rowStart[sample + 1]; k++) {
      row[nonzeroFeature[k]] = nonzeroValue[k];
    }
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
    int[] starts = new int[samples.length + 1];
    for (int i = 0; i < samples.length; i++) {
      int s = samples[i];
      starts[i + 1] = starts[i] + rowStart[s + 1] - rowStart[s];
    }
    int[] feature = new int[starts[samples.length]];
    float[] value = new float[feature.length];
    int[] sy = new int[samples.length];
    for (int i = 0; i < samples.length; i++) {
      int s = samples[i];
      int length = rowStart[s + 1] - rowStart[s];
      System.arraycopy(nonzeroFeature, rowStart[s], feature, starts[i], length);
      System.arraycopy(nonzeroValue, rowStart[s], value, starts[i], length);
      sy[i] = y[s];
    }
    return new Dataset(features, classes, sy, new Compressed(starts, feature, value));
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
