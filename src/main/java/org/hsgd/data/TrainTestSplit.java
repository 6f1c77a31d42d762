package org.hsgd.data;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.hsgd.Require;

/**
 * A training set (split across workers) and a test set (for accuracy).
 *
 * @param train training samples
 * @param test held-out samples
 */
public record TrainTestSplit(Dataset train, Dataset test) {

  /**
   * Splits a dataset at random: a {@code testFraction} share of the samples (rounded down) goes to
   * the test set.
   *
   * @throws org.hsgd.InvalidInputException unless 0 &lt; testFraction &lt; 1 leaves both sets
   *     non-empty
   */
  public static TrainTestSplit split(Dataset all, double testFraction, UniformRandomProvider rng) {
    Require.that(
        testFraction > 0 && testFraction < 1,
        "data.test-fraction",
        "must lie in (0, 1)",
        () -> "" + testFraction);
    int[] order = PermutationSampler.natural(all.size());
    PermutationSampler.shuffle(rng, order);
    int testSize = (int) (all.size() * testFraction);
    Require.that(
        testSize >= 1 && testSize < all.size(),
        "data.test-fraction",
        "must leave samples on both sides",
        () -> testSize + " of " + all.size() + " for the test set");
    int[] test = java.util.Arrays.copyOfRange(order, 0, testSize);
    int[] train = java.util.Arrays.copyOfRange(order, testSize, order.length);
    return new TrainTestSplit(all.subset(train), all.subset(test));
  }
}
