package org.hsgd.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Estimates L, sigma^2, Delta and eps_k^2 along a run ({@link EstimatedConstants}). At each of at
 * most {@link #MAX_POINTS} checkpoints it takes, for every worker j at u_t:
 *
 * <ul>
 *   <li>L_j: the largest |Ritz value| of Lanczos on the Hessian of F_j, whose products are forward
 *       differences of full gradients, (grad F_j(x + h v) - grad F_j(x)) / h with |v| = 1 and h =
 *       sqrt(machine epsilon) max(1, |x|), reusing the checkpoint's grad F_j(x): one gradient pass
 *       each. That h balances the rounding error of the difference (about eps |grad| / h) against
 *       its truncation error (about h times the third derivative): both near 1e-8 relative. The
 *       first point takes {@link #FIRST_STEPS} steps from a random unit vector plus the unit
 *       gradient (the gradient leans towards the top of the spectrum: for a quadratic it is H times
 *       x - x*); each later one {@link #LATER_STEPS} from the previous point's Ritz vector, since
 *       the Hessian moves little between checkpoints. Every basis vector is orthogonalised against
 *       all before it. The budget (6.1 products per worker and point on the main job) is set by its
 *       cost: docs/benchmarks.md.
 *   <li>sigma_j^2: exactly from the per-sample gradients of the checkpoint's own pass where the
 *       problem can ({@link Problem#gradientVariance}); else the mean of |g - grad F_j(x)|^2 over
 *       {@link #NOISE_SAMPLES} stochastic gradients g.
 * </ul>
 *
 * and, at every checkpoint, the level terms already measured there. Its contexts and random streams
 * are its own ({@link RandomStreams.Purpose#ESTIMATE}): the run's numbers do not change. Workers
 * write only their own slots, so the result does not depend on the thread count.
 *
 * @param <C> the problem's per-worker context
 */
final class ConstantsEstimator<C> {
  /** The most checkpoints at which L and sigma^2 are estimated. */
  static final int MAX_POINTS = 16;

  /** Lanczos steps from a random start. */
  static final int FIRST_STEPS = 4;

  /** Lanczos steps from the previous point's Ritz vector. */
  static final int LATER_STEPS = 2;

  /** Stochastic gradients per worker and point where sigma^2 is sampled. */
  static final int NOISE_SAMPLES = 256;

  /** h / max(1, |x|) of the forward differences. */
  static final double DIFFERENCE_STEP = Math.sqrt(Math.ulp(1.0));

  private final Problem<C> problem;
  private final int d;
  private final List<C> contexts;
  private final double[][] directions; // each worker's latest Ritz vector (unit)
  private final HessianLanczos[] parts; // scratch of each part of the team
  private final double[] smoothness; // per worker, the largest so far
  private final double[] noise;
  private final double[] noiseError;
  private final boolean[] sampled;
  private final long[] products; // per worker, Hessian-vector products taken
  private final double[] divergences;
  private double divergenceTotal;
  private double startLoss = Double.NaN;
  private int points;
  private int checkpoints;

  ConstantsEstimator(Problem<C> problem, int levels, int parts, RandomStreams streams) {
    this.problem = problem;
    this.d = problem.dimension();
    int n = problem.workers();
    RandomStreams own = streams.child(RandomStreams.Purpose.ESTIMATE);
    this.contexts = new ArrayList<>(n);
    this.directions = new double[n][d];
    for (int j = 0; j < n; j++) {
      contexts.add(problem.context(j, own));
      UniformRandomProvider rng = own.stream(RandomStreams.Purpose.ESTIMATE, j);
      ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
      for (int i = 0; i < d; i++) {
        directions[j][i] = gauss.sample();
      }
    }
    this.parts = new HessianLanczos[parts];
    for (int p = 0; p < parts; p++) {
      this.parts[p] = new HessianLanczos(d, FIRST_STEPS);
    }
    this.smoothness = new double[n];
    this.noise = new double[n];
    this.noiseError = new double[n];
    this.sampled = new boolean[n];
    this.products = new long[n];
    this.divergences = new double[levels];
  }

  /** The doubles an estimator holds for n workers of dimension d and a team of {@code parts}. */
  static double doubles(int n, long d, int parts) {
    return (double) d * n + parts * HessianLanczos.doubles(d, FIRST_STEPS);
  }

  /** The measurements of one checkpoint: f(u_t) and the level terms. */
  void recordCheckpoint(double loss, double[] levelTerms) {
    if (checkpoints++ == 0) {
      startLoss = loss;
    }
    double sum = 0;
    for (int k = 0; k < levelTerms.length; k++) {
      divergences[k] = Math.max(divergences[k], levelTerms[k]);
      sum += levelTerms[k];
    }
    divergenceTotal = Math.max(divergenceTotal, sum);
  }

  /** Counts a point at which every worker has been {@link #estimate}d. */
  void pointDone() {
    points++;
  }

  /**
   * L_j and sigma_j^2 of one worker at x.
   *
   * @param gradient grad F_j(x)
   * @param variance sigma_j^2(x) where the problem computed it exactly ({@link
   *     Problem#gradientVariance}), NaN to sample it
   * @param part the team part running it, whose scratch it uses
   */
  void estimate(int worker, double[] x, double[] gradient, double variance, int part) {
    C context = contexts.get(worker);
    double error = 0;
    if (Double.isNaN(variance)) {
      sampled[worker] = true;
      double[] g = parts[part].scratch();
      double sum = 0;
      double sumSq = 0;
      for (int s = 0; s < NOISE_SAMPLES; s++) {
        problem.stochasticGradient(x, g, context);
        double deviation = Vectors.distanceSquared(g, gradient);
        sum += deviation;
        sumSq += deviation * deviation;
      }
      variance = sum / NOISE_SAMPLES;
      double spread = Math.max(0, sumSq / NOISE_SAMPLES - variance * variance);
      error = Math.sqrt(spread / (NOISE_SAMPLES - 1));
    }
    if (variance > noise[worker]) {
      noise[worker] = variance;
      noiseError[worker] = error;
    }
    // After sampling: Lanczos's passes leave the context's per-sample terms at other points.
    smoothness[worker] =
        Math.max(smoothness[worker], largestRitzValue(worker, x, gradient, parts[part]));
  }

  /**
   * Lanczos from the worker's direction (at the first point, plus the unit gradient), which
   * receives the new Ritz vector; returns the largest |Ritz value|.
   */
  private double largestRitzValue(int worker, double[] x, double[] gradient, HessianLanczos l) {
    double[] direction = directions[worker];
    double gradientNorm = Math.sqrt(Vectors.dot(gradient, gradient));
    if (points == 0 && gradientNorm > 0) {
      Vectors.scale(direction, 1 / Math.sqrt(Vectors.dot(direction, direction)));
      Vectors.axpy(direction, 1 / gradientNorm, gradient);
    }
    double value =
        l.largest(
            problem,
            contexts.get(worker),
            x,
            gradient,
            direction,
            points == 0 ? FIRST_STEPS : LATER_STEPS);
    products[worker] += l.steps();
    return value;
  }

  /** The estimates; call after the last checkpoint. */
  EstimatedConstants result() {
    int worst = 0;
    for (int j = 1; j < noise.length; j++) {
      if (noise[j] > noise[worst]) {
        worst = j;
      }
    }
    boolean anySampled = false;
    for (boolean s : sampled) {
      anySampled |= s;
    }
    return new EstimatedConstants(
        Arrays.stream(smoothness).max().orElse(0),
        noise[worst],
        noiseError[worst],
        startLoss - problem.lossLowerBound(),
        Arrays.stream(divergences).boxed().toList(),
        divergenceTotal,
        new EstimatedConstants.Method(
            points,
            checkpoints,
            FIRST_STEPS,
            LATER_STEPS,
            DIFFERENCE_STEP,
            Arrays.stream(products).max().orElse(0),
            anySampled
                ? NOISE_SAMPLES + " sampled stochastic gradients per worker and point"
                : "per-sample gradients",
            problem.lossLowerBound()));
  }
}
