package org.hsgd.experiment;

import java.util.List;
import org.hsgd.Require;
import org.hsgd.sim.QuadraticProblem;
import org.hsgd.sim.RandomStreams;
import org.hsgd.sim.RunSettings;

/**
 * F_j(x) = 1/2 (x - b_j)^T A (x - b_j) + c sum_i cos(x_i) with A = diag(eigenvalues): constants
 * known exactly (docs/theory.md, section 6). Build with {@link #builder}; the defaults live there.
 *
 * @param eigenvalues the diagonal of A, all positive
 * @param centers how the b_j are drawn, or given
 * @param initialPoint u_0: one value for every coordinate, or d values
 * @param noiseVariance sigma^2 of the Gaussian gradient noise
 * @param cosWeight c; 0 is the convex quadratic, c &gt; 0 the non-convex "quadratic-cos"
 */
public record QuadraticSpec(
    List<Double> eigenvalues,
    Centers centers,
    List<Double> initialPoint,
    double noiseVariance,
    double cosWeight)
    implements ProblemSpec {

  /** How the centers b_j are set. */
  public sealed interface Centers extends java.io.Serializable permits Clustered, Explicit {}

  /**
   * b_j = mu_(j mod clusters) + workerSpread z_j with mu_c = clusterSpread z_c, z standard Gaussian
   * from the seed's data stream; a worker's grouping key is its cluster.
   */
  public record Clustered(int clusters, double clusterSpread, double workerSpread)
      implements Centers {
    /** Four clusters, spread 1, workers 0.5 around their cluster. */
    public static final Clustered DEFAULT = new Clustered(4, 1.0, 0.5);

    public Clustered {
      Require.that(clusters >= 1, "problem.clusters", "must be at least 1", () -> "" + clusters);
      Require.nonNegative("problem.cluster-spread", clusterSpread);
      Require.nonNegative("problem.worker-spread", workerSpread);
    }
  }

  /**
   * One center per worker, each of dimension d; a worker's grouping key is its first coordinate.
   */
  public record Explicit(List<List<Double>> rows) implements Centers {
    public Explicit {
      rows = rows.stream().map(List::copyOf).toList();
      for (List<Double> row : rows) {
        row.forEach(v -> Require.finite("problem.centers", v));
      }
    }
  }

  public QuadraticSpec {
    eigenvalues = List.copyOf(eigenvalues);
    initialPoint = List.copyOf(initialPoint);
    int d = eigenvalues.size();
    int given = initialPoint.size();
    Require.that(d >= 1, "problem.eigenvalues", "must give at least one", () -> "none");
    eigenvalues.forEach(a -> Require.positive("problem.eigenvalues", a));
    Require.that(
        given == 1 || given == d,
        "problem.initial-point",
        "must give one value or one per dimension (" + d + ")",
        () -> given + " values");
    initialPoint.forEach(v -> Require.finite("problem.initial-point", v));
    Require.nonNegative("problem.noise-sigma2", noiseVariance);
    Require.nonNegative("problem.cos-weight", cosWeight);
    if (centers instanceof Explicit e) {
      for (List<Double> row : e.rows()) {
        Require.that(
            row.size() == d,
            "problem.centers",
            "must each have the dimension " + d,
            () -> row.size() + " values");
      }
    }
  }

  /** A builder with the defaults: clustered centers, u_0 = 0, no noise, convex (c = 0). */
  public static Builder builder(List<Double> eigenvalues) {
    return new Builder(eigenvalues);
  }

  /** d eigenvalues spread geometrically from min to max (max alone when d = 1). */
  public static List<Double> geometricEigenvalues(int dimension, double min, double max) {
    Require.that(dimension >= 1, "problem.dimension", "must be at least 1", () -> "" + dimension);
    Require.that(
        dimension <= MAX_DIMENSION,
        "problem.dimension",
        "must be at most " + MAX_DIMENSION,
        () -> "" + dimension);
    Require.positive("problem.eigenvalues.min", min);
    Require.positive("problem.eigenvalues.max", max);
    Require.that(
        max >= min,
        "problem.eigenvalues.max",
        "must not be below min",
        () -> "min=" + min + ", max=" + max);
    Double[] values = new Double[dimension];
    for (int i = 0; i < dimension; i++) {
      values[i] = dimension == 1 ? max : min * Math.pow(max / min, (double) i / (dimension - 1));
    }
    return List.of(values);
  }

  /** The largest dimension of a generated spectrum (its eigenvalues are kept as a list). */
  public static final int MAX_DIMENSION = 10_000_000;

  /** The default c of "quadratic-cos": 0.5. */
  public static final double DEFAULT_COS_WEIGHT = 0.5;

  public int dimension() {
    return eigenvalues.size();
  }

  /** u_0 with one value per dimension. */
  public double[] startingPoint() {
    double[] x = new double[dimension()];
    for (int i = 0; i < x.length; i++) {
      x[i] = initialPoint.get(initialPoint.size() == 1 ? 0 : i);
    }
    return x;
  }

  @Override
  public RunSettings.GradientAverage defaultGradientAverage() {
    return RunSettings.GradientAverage.EVERY_ITERATION;
  }

  @Override
  public long parameters() {
    return dimension();
  }

  /** The centers b_j (n x d doubles) and, for clustered centers, the clusters' (clusters x d). */
  @Override
  public long dataBytes(int workers) {
    long clusters = centers instanceof Clustered c ? c.clusters() : 0;
    return (long) Math.min(Long.MAX_VALUE, 8.0 * (workers + clusters) * dimension());
  }

  @Override
  public String sizeField() {
    return "problem.dimension";
  }

  /** The quadratic: its centers drawn from the seed's data stream, or as given. */
  @Override
  public QuadraticProblem create(int workers, RandomStreams streams, DataSources data) {
    double[] lambda = eigenvalues.stream().mapToDouble(Double::doubleValue).toArray();
    if (centers instanceof Clustered c) {
      return QuadraticProblem.clustered(
          lambda,
          workers,
          c.clusters(),
          c.clusterSpread(),
          c.workerSpread(),
          startingPoint(),
          noiseVariance,
          cosWeight,
          streams.stream(RandomStreams.Purpose.DATA, 0));
    }
    double[][] rows =
        ((Explicit) centers)
            .rows().stream()
                .map(row -> row.stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
    double[] keys = new double[workers];
    for (int j = 0; j < workers; j++) {
      keys[j] = rows[j][0];
    }
    return new QuadraticProblem(lambda, rows, startingPoint(), noiseVariance, cosWeight, keys);
  }

  /** Builds a {@link QuadraticSpec}; each setter replaces one default. */
  public static final class Builder {
    private final List<Double> eigenvalues;
    private Centers centers = Clustered.DEFAULT;
    private List<Double> initialPoint = List.of(0.0);
    private double noiseVariance;
    private double cosWeight;

    private Builder(List<Double> eigenvalues) {
      this.eigenvalues = eigenvalues;
    }

    public Builder centers(Centers value) {
      centers = value;
      return this;
    }

    public Builder initialPoint(List<Double> value) {
      initialPoint = value;
      return this;
    }

    public Builder noiseVariance(double value) {
      noiseVariance = value;
      return this;
    }

    public Builder cosWeight(double value) {
      cosWeight = value;
      return this;
    }

    public QuadraticSpec build() {
      return new QuadraticSpec(eigenvalues, centers, initialPoint, noiseVariance, cosWeight);
    }
  }
}
