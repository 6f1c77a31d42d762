package org.hsgd.sim;

/**
 * A run whose loss or gradient stopped being finite: the step size is too large for the problem.
 * Not bad input (the same settings are valid, and may converge on another problem or seed): a study
 * reports the run's point as diverged and runs the others on.
 */
public final class DivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param iteration where the loss became {@code loss}
   */
  public DivergedException(long iteration, double loss, double stepSize) {
    super(
        "gamma must keep the run finite (lower it): the loss became "
            + loss
            + " at iteration "
            + iteration
            + "; found gamma="
            + stepSize);
  }
}
