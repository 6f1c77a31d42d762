package org.hsgd.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hsgd.Require;

/**
 * F_j(x) = 1/2 (x - b_j)^T A (x - b_j) + c sum_i cos(x_i), with A = diag(a) positive definite, and
 * stochastic gradients grad F_j(x) + xi, xi ~ N(0, (sigma^2/d) I) so that E|xi|^2 = sigma^2
 * exactly. grad F_j - grad f = A (bbar - b_j) does not depend on x, so L, Delta (an upper bound
 * when c &gt; 0) and every eps_k^2 are known exactly. c = 0 gives the convex quadratic.
 */
public final class QuadraticProblem implements Problem<QuadraticProblem.Context> {
  private final double[] curvatures;
  private final double[][] centers;
  private final double[] start;
  private final double noiseVariance;

  /** The most operations (T d n^2) spent on an exact expectation: a few seconds. */
  private static final double EXPECTATION_BUDGET = 2e9;

  private final double cosWeight;
  private final double[] keys;

  /** Worker j's context: its index and its noise stream. */
  public static final class Context {
    final int worker;
    final ZigguratSampler.NormalizedGaussian noise;

    Context(int worker, UniformRandomProvider rng) {
      this.worker = worker;
      this.noise = ZigguratSampler.NormalizedGaussian.of(rng);
    }
  }

  /**
   * @param curvatures the diagonal of A (all positive)
   * @param centers b_j, one per worker, each of dimension d
   * @param start u_0
   * @param noiseVariance sigma^2
   * @param cosWeight c &gt;= 0
   * @param keys a grouping key per worker (e.g. its cluster)
   */
  public QuadraticProblem(
      double[] curvatures,
      double[][] centers,
      double[] start,
      double noiseVariance,
      double cosWeight,
      double[] keys) {
    int d = curvatures.length;
    Require.that(d >= 1, "problem.eigenvalues", "must give at least one", () -> "none");
    for (double a : curvatures) {
      Require.positive("problem.eigenvalues", a);
    }
    Require.that(
        centers.length >= 1, "problem.centers", "must give one center per worker", () -> "none");
    for (double[] b : centers) {
      Require.that(
          b.length == d,
          "problem.centers",
          "must each have the dimension " + d,
          () -> b.length + " values");
    }
    Require.that(
        start.length == d,
        "problem.initial-point",
        "must have the dimension " + d,
        () -> start.length + " values");
    Require.nonNegative("problem.noise-sigma2", noiseVariance);
    Require.nonNegative("problem.cos-weight", cosWeight);
    this.curvatures = curvatures.clone();
    this.centers = java.util.Arrays.stream(centers).map(double[]::clone).toArray(double[][]::new);
    this.start = start.clone();
    this.noiseVariance = noiseVariance;
    this.cosWeight = cosWeight;
    this.keys = keys.clone();
  }

  /**
   * Centers in clusters: b_j = mu_{j mod C} + workerSpread z_j with mu_c = clusterSpread z_c and z
   * standard Gaussian; a worker's grouping key is its cluster.
   */
  public static QuadraticProblem clustered(
      double[] curvatures,
      int workers,
      int clusters,
      double clusterSpread,
      double workerSpread,
      double[] start,
      double noiseVariance,
      double cosWeight,
      UniformRandomProvider rng) {
    Require.that(clusters >= 1, "problem.clusters", "must be at least 1", () -> "" + clusters);
    int d = curvatures.length;
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] mu = new double[clusters][d];
    for (double[] m : mu) {
      for (int i = 0; i < d; i++) {
        m[i] = clusterSpread * gauss.sample();
      }
    }
    double[][] centers = new double[workers][d];
    double[] keys = new double[workers];
    for (int j = 0; j < workers; j++) {
      keys[j] = j % clusters;
      for (int i = 0; i < d; i++) {
        centers[j][i] = mu[j % clusters][i] + workerSpread * gauss.sample();
      }
    }
    return new QuadraticProblem(curvatures, centers, start, noiseVariance, cosWeight, keys);
  }

  /** c, the weight of the cosine term (0: convex). */
  public double cosWeight() {
    return cosWeight;
  }

  /** sigma^2. */
  double noiseVariance() {
    return noiseVariance;
  }

  /** u_0 (a copy). */
  double[] start() {
    return start.clone();
  }

  /** a_i, the i-th eigenvalue of A. */
  double curvature(int i) {
    return curvatures[i];
  }

  /** b_j (shared array: do not modify). */
  double[] center(int worker) {
    return centers[worker];
  }

  @Override
  public int dimension() {
    return curvatures.length;
  }

  @Override
  public int workers() {
    return centers.length;
  }

  @Override
  public void initialPoint(double[] x) {
    System.arraycopy(start, 0, x, 0, start.length);
  }

  @Override
  public Context context(int worker, RandomStreams streams) {
    return new Context(worker, streams.stream(RandomStreams.Purpose.NOISE, worker));
  }

  @Override
  public void stochasticGradient(double[] x, double[] grad, Context c) {
    double[] b = centers[c.worker];
    double noise = Math.sqrt(noiseVariance / curvatures.length);
    for (int i = 0; i < x.length; i++) {
      grad[i] =
          curvatures[i] * (x[i] - b[i]) - cosWeight * Math.sin(x[i]) + noise * c.noise.sample();
    }
  }

  @Override
  public double lossAndFullGradient(double[] x, double[] grad, Context c) {
    return lossAndGradient(c.worker, x, grad);
  }

  private double lossAndGradient(int worker, double[] x, double[] grad) {
    double[] b = centers[worker];
    double loss = 0;
    for (int i = 0; i < x.length; i++) {
      double r = x[i] - b[i];
      loss += 0.5 * curvatures[i] * r * r + cosWeight * Math.cos(x[i]);
      grad[i] = curvatures[i] * r - cosWeight * Math.sin(x[i]);
    }
    return loss;
  }

  /** The quadratic part is never negative and c cos(x_i) &gt;= -c. */
  @Override
  public double lossLowerBound() {
    return -cosWeight * dimension();
  }

  @Override
  public TestScore test(double[] x) {
    return TestScore.NONE;
  }

  @Override
  public double[] groupingKeys() {
    return keys.clone();
  }

  @Override
  public Optional<ExactConstants> knownConstants(Grouping grouping) {
    return Optional.of(exactConstants(grouping));
  }

  /**
   * The exact expectation ({@link QuadraticExpectation}) of a convex quadratic with full
   * participation, where its recursion costs at most {@link #EXPECTATION_BUDGET} operations (T d
   * n^2) and its matrices fit.
   */
  @Override
  public OptionalDouble exactTimeAverage(Grouping grouping, RunSettings settings) {
    double entries = (double) dimension() * workers() * workers();
    if (cosWeight != 0
        || settings.partialParticipation()
        || entries * settings.iterations() > EXPECTATION_BUDGET
        || entries > QuadraticExpectation.MAX_ENTRIES) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(QuadraticExpectation.of(this, grouping, settings).meanGradNormSq());
  }

  /**
   * L = max a_i + c; f* of the quadratic part at bbar, so Delta is exact for c = 0 and an upper
   * bound (f* &gt;= min q - c d) otherwise; eps_k^2 from A(bbar - b_j) over the grouping's groups.
   */
  public ExactConstants exactConstants(Grouping grouping) {
    int n = workers();
    int d = dimension();
    double[] mean = new double[d];
    for (double[] b : centers) {
      for (int i = 0; i < d; i++) {
        mean[i] += b[i] / n;
      }
    }
    double[] scratch = new double[d];
    double fMin = 0; // min of the quadratic part, at bbar
    double fStart = 0;
    double[][] gradients = new double[n][d]; // at any x: the differences do not depend on x
    for (int j = 0; j < n; j++) {
      fMin += quadraticPart(j, mean) / n;
      fStart += lossAndGradient(j, start, scratch) / n;
      lossAndGradient(j, new double[d], gradients[j]);
    }
    double lowerBound = fMin - (cosWeight > 0 ? cosWeight * d : 0);
    double[] terms = new double[grouping.levelCount()];
    new DivergenceMeter(grouping, d).measure(gradients, terms);
    double total = 0;
    for (double t : terms) {
      total += t;
    }
    double smoothness = java.util.Arrays.stream(curvatures).max().orElseThrow() + cosWeight;
    return new ExactConstants(
        smoothness,
        noiseVariance,
        fStart - lowerBound,
        cosWeight > 0,
        java.util.Arrays.stream(terms).boxed().toList(),
        total);
  }

  private double quadraticPart(int worker, double[] x) {
    double q = 0;
    for (int i = 0; i < x.length; i++) {
      double r = x[i] - centers[worker][i];
      q += 0.5 * curvatures[i] * r * r;
    }
    return q;
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", cosWeight > 0 ? "quadratic-cos" : "quadratic");
    m.put("dimension", dimension());
    m.put("workers", workers());
    m.put(
        "eigenvalues",
        List.of(
            java.util.Arrays.stream(curvatures).min().orElseThrow(),
            java.util.Arrays.stream(curvatures).max().orElseThrow()));
    m.put("noiseSigma2", noiseVariance);
    m.put("cosWeight", cosWeight);
    return m;
  }
}
