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

  /** The last checkpoint, at t = T. */
  public Measurement last() {
    return checkpoints.get(checkpoints.size() - 1);
  }
}
