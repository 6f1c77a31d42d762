package org.hsgd.sim;

import java.util.List;

/**
 * What the simulator measures at the global average u_t after t iterations.
 *
 * @param iteration t
 * @param loss f(u_t) = (1/n) sum_j F_j(u_t)
 * @param gradNormSq |grad f(u_t)|^2 with full local gradients
 * @param runningMean the time average of |grad f(u_s)|^2 over the averaged iterations s &lt; t, as
 *     {@link Trace#meanGradNormSq} takes it at T (NaN at t = 0)
 * @param testAccuracy accuracy of u_t on the test set (NaN without one)
 * @param testLoss the mean cross-entropy of u_t on the test set (NaN without one)
 * @param divergences the level-k divergence term of A3 at u_t, k = 1..K (two levels: down, up)
 */
public record Measurement(
    long iteration,
    double loss,
    double gradNormSq,
    double runningMean,
    double testAccuracy,
    double testLoss,
    List<Double> divergences) {

  public Measurement {
    divergences = List.copyOf(divergences);
  }

  /** The same measurement with the running time average up to it. */
  public Measurement withRunningMean(double value) {
    return new Measurement(iteration, loss, gradNormSq, value, testAccuracy, testLoss, divergences);
  }
}
