package org.hsgd.sim;

import java.util.List;

/**
 * The constants of THEORY.md estimated along one run, at the points it visited: estimates of a
 * global constant from a trajectory, which can understate it (L, sigma^2, eps_k^2 are suprema over
 * all x), so a bound resting on them is a diagnostic, not a guarantee. Delta is an upper bound.
 *
 * @param smoothness L: the largest |Ritz value| of Lanczos on each worker's Hessian, over workers
 *     and points (a Ritz value never exceeds the largest |eigenvalue|)
 * @param noiseVariance sigma^2: the largest variance of a worker's stochastic gradient about its
 *     full gradient, over workers and points
 * @param noiseStandardError the standard error of that largest estimate where it was sampled; 0
 *     where it was computed exactly from per-sample gradients
 * @param initialGap Delta: f(u_0) minus the problem's lower bound of f, so an upper bound
 * @param divergencePerLevel eps_k^2: the largest measured level-k term over the checkpoints
 * @param divergenceTotal eps^2: the largest sum of the level terms over the checkpoints (the
 *     single-level divergence of local SGD)
 * @param method how they were estimated
 */
public record EstimatedConstants(
    double smoothness,
    double noiseVariance,
    double noiseStandardError,
    double initialGap,
    List<Double> divergencePerLevel,
    double divergenceTotal,
    Method method) {

  public EstimatedConstants {
    divergencePerLevel = List.copyOf(divergencePerLevel);
  }

  /**
   * How the estimates were made.
   *
   * @param points the checkpoints at which L and sigma^2 were estimated (at most {@link
   *     ConstantsEstimator#MAX_POINTS}, spread evenly, the first and the last among them)
   * @param checkpoints the checkpoints whose level terms gave eps_k^2 (all of them)
   * @param firstSteps Lanczos steps at the first point, from a random start
   * @param laterSteps Lanczos steps at each later point, from the previous point's Ritz vector
   * @param differenceStep h / max(1, |x|) of the forward differences (grad F_j(x + h v) - grad
   *     F_j(x)) / h that give Hessian-vector products
   * @param hessianVectorProducts per worker, in all (the most any worker took)
   * @param noise "per-sample gradients", or how many stochastic gradients per worker and point were
   *     sampled
   * @param lossLowerBound the lower bound of f that Delta subtracts
   */
  public record Method(
      int points,
      int checkpoints,
      int firstSteps,
      int laterSteps,
      double differenceStep,
      long hessianVectorProducts,
      String noise,
      double lossLowerBound) {}
}
