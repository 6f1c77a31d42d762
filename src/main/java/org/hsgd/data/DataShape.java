package org.hsgd.data;

import org.hsgd.Require;

/**
 * What a run needs to know of a dataset before loading it, to build its model and estimate its
 * memory: read from the files' headers or a first pass over them.
 *
 * @param features the dimension of a sample
 * @param classes the number of classes
 * @param samples the training samples, which the workers' shards divide
 * @param values the training samples' non-zero values, at most (samples times features for images,
 *     whose pixels are not read ahead)
 * @param widestRow the most non-zero values one sample has, at most
 */
public record DataShape(int features, int classes, int samples, long values, int widestRow)
    implements java.io.Serializable {
  public DataShape {
    Require.that(features >= 1, "data.features", "must be at least 1", () -> "" + features);
    Require.that(classes >= 2, "data.classes", "must be at least 2", () -> "" + classes);
    Require.that(samples >= 1, "data.samples", "must be at least 1", () -> "" + samples);
    Require.that(
        values >= 0 && widestRow >= 0 && widestRow <= features,
        "data",
        "must have between 0 and features values a sample",
        () -> values + " values, the widest sample " + widestRow);
  }

  /** Dense samples, every value counted. */
  public static DataShape dense(int features, int classes, int samples) {
    return new DataShape(features, classes, samples, (long) samples * features, features);
  }
}
