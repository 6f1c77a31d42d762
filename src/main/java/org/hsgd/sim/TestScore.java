package org.hsgd.sim;

/**
 * How a model does on the test set: the fraction classified right, and the mean cross-entropy (the
 * data loss alone, without the l2 term, as federated-learning papers report it).
 */
public record TestScore(double accuracy, double loss) {
  /** For a problem without a test set. */
  public static final TestScore NONE = new TestScore(Double.NaN, Double.NaN);
}
