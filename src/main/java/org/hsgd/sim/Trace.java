package org.hsgd.sim;

import java.util.List;

/**
 * What one run measured: the checkpoints, and the time average of |grad f(u_t)|^2 that the theory
 * bounds.
 *
 * @param checkpoints the measurements at t = 0, every evalEvery iterations, and T
 * @param meanGradNormSq (1/m) sum |grad f(u_t)|^2 over the m averaged iterations t &lt; T
 * @param averagedIterations m: T when every iteration is averaged, else the checkpoints below T
 * @param gradientAverage which iterations were averaged
 * @param workerSteps the SGD steps the workers took in all: n T, or fewer where unsampled workers
 *     stayed idle
 * @param wallSeconds how long the run took (the only number that differs between identical runs)
 */
public record Trace(
    List<Measurement> checkpoints,
    double meanGradNormSq,
    long averagedIterations,
    RunSettings.GradientAverage gradientAverage,
    long workerSteps,
    double wallSeconds) {

  public Trace {
    checkpoints = List.copyOf(checkpoints);
  }

  /**
   * The trace of checkpoints measured elsewhere, averaged as the simulator averages them with
   * {@link RunSettings.GradientAverage#CHECKPOINTS}: each checkpoint's running mean over the ones
   * before it, and the time average over those below T, summed in order.
   *
   * @param measured the checkpoints, t = 0 first and T last (their running means are ignored)
   * @param workerSteps the SGD steps the workers took in all
   * @param wallSeconds how long the run took, or NaN if unknown
   */
  public static Trace atCheckpoints(
      List<Measurement> measured, long workerSteps, double wallSeconds) {
    List<Measurement> checkpoints = new java.util.ArrayList<>(measured.size());
    double sum = 0;
    long averaged = 0;
    for (Measurement m : measured) {
      checkpoints.add(m.withRunningMean(sum / averaged));
      sum += m.gradNormSq();
      averaged++;
    }
    // The running mean at T is the time average over the checkpoints below it.
    Measurement last = checkpoints.get(checkpoints.size() - 1);
    return new Trace(
        checkpoints,
        last.runningMean(),
        averaged - 1,
        RunSettings.GradientAverage.CHECKPOINTS,
        workerSteps,
        wallSeconds);
  }

  /** The last checkpoint, at t = T. */
  public Measurement last() {
    return checkpoints.get(checkpoints.size() - 1);
  }
}
