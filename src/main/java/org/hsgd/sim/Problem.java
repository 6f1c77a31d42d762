package org.hsgd.sim;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The objective of a simulation: n local losses F_j over flat parameter vectors of one dimension. A
 * problem is immutable and shared by all workers; everything a worker mutates (buffers, random
 * streams, minibatch order) lives in its context, created once per worker, so that gradient calls
 * allocate nothing.
 *
 * @param <C> the per-worker context
 */
public interface Problem<C> {
  int dimension();

  int workers();

  /** Writes the common starting point u_0. */
  void initialPoint(double[] x);

  /** Worker j's context, with its own random streams derived from {@code streams}. */
  C context(int worker, RandomStreams streams);

  /** A stochastic gradient of F_j at x (j = the context's worker), written into grad. */
  void stochasticGradient(double[] x, double[] grad, C context);

  /**
   * One SGD step in place: x -= gamma times a stochastic gradient of F_j at x, drawn as {@link
   * #stochasticGradient} draws it. Problems may fuse the two (and leave grad unused) where that is
   * faster; the result then equals the two-step form up to rounding.
   *
   * @param grad scratch of the problem's dimension
   */
  default void step(double[] x, double gamma, double[] grad, C context) {
    stochasticGradient(x, grad, context);
    for (int i = 0; i < x.length; i++) {
      x[i] -= gamma * grad[i];
    }
  }

  /** F_j(x), with the full gradient of F_j at x written into grad. */
  double lossAndFullGradient(double[] x, double[] grad, C context);

  /**
   * sigma_j^2(x) = E|g - grad F_j(x)|^2, the variance about the full gradient of the stochastic
   * gradient g that {@link #stochasticGradient} draws, computed exactly where the problem can (from
   * per-sample gradients); NaN elsewhere, and then it is estimated by sampling.
   *
   * @param fullGradient grad F_j(x), as the context's last {@link #lossAndFullGradient} gave it
   *     (which must have been at x: the per-sample terms come from that pass)
   */
  default double gradientVariance(double[] x, double[] fullGradient, C context) {
    return Double.NaN;
  }

  /**
   * A lower bound of f over all x, so that f(u_0) minus it bounds Delta from above; minus infinity
   * where the problem knows none.
   */
  default double lossLowerBound() {
    return Double.NEGATIVE_INFINITY;
  }

  /** Accuracy and loss on the test set at x, or {@link TestScore#NONE} if the problem has none. */
  TestScore test(double[] x);

  /**
   * Each worker's number of samples, for sample-weighted averaging ({@link
   * RunSettings.Weighting#SAMPLES}); one each where workers have no samples.
   */
  default long[] sampleCounts() {
    long[] ones = new long[workers()];
    java.util.Arrays.fill(ones, 1);
    return ones;
  }

  /** One number per worker that summarises its data, for group-IID and group-non-IID grouping. */
  double[] groupingKeys();

  /** Facts for the manifest (sizes, exact constants where known). */
  Map<String, Object> describe();

  /** L, sigma^2, Delta and eps_k^2 for this grouping, where the problem knows them exactly. */
  default Optional<ExactConstants> knownConstants(Grouping grouping) {
    return Optional.empty();
  }

  /**
   * E[(1/T) sum_{t&lt;T} |grad f(u_t)|^2] over the gradient noise, where it can be computed exactly
   * in a few seconds.
   */
  default OptionalDouble exactTimeAverage(Grouping grouping, RunSettings settings) {
    return OptionalDouble.empty();
  }
}
