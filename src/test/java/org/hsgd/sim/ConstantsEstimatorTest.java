package org.hsgd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hsgd.bounds.Hierarchy;
import org.junit.jupiter.api.Test;

/** The estimators of the constants against truths computed another way. */
class ConstantsEstimatorTest {
  /** An MLP a few steps from its start, so that the point is not special. */
  private static double[] trainedPoint(ClassificationProblem p) {
    double[] x = new double[p.dimension()];
    p.initialPoint(x);
    double[] scratch = new double[x.length];
    ClassificationProblem.Context c = p.context(0, new RandomStreams(5));
    for (int s = 0; s < 20; s++) {
      p.step(x, 0.5, scratch, c);
    }
    return x;
  }

  @Test
  void thePerSampleVarianceAgreesWithSampledMinibatches() {
    // Shards of 20, batches of 4: the epoch sampler's batches are uniform draws without
    // replacement, the case of the formula S^2 (m - b) / (b (m - 1)).
    ClassificationProblem p = Fixtures.classification(new MlpModel(5, 4, 3), 4, 0.01);
    double[] x = trainedPoint(p);
    ClassificationProblem.Context c = p.context(1, new RandomStreams(7));
    double[] full = new double[x.length];
    p.lossAndFullGradient(x, full, c);
    double exact = p.gradientVariance(x, full, c);
    double[] g = new double[x.length];
    int draws = 100_000;
    double sum = 0;
    double sumSq = 0;
    for (int s = 0; s < draws; s++) {
      p.stochasticGradient(x, g, c);
      double deviation = 0;
      for (int i = 0; i < g.length; i++) {
        deviation += (g[i] - full[i]) * (g[i] - full[i]);
      }
      sum += deviation;
      sumSq += deviation * deviation;
    }
    double mean = sum / draws;
    double error = Math.sqrt((sumSq / draws - mean * mean) / (draws - 1));
    assertTrue(error < 0.01 * mean, "a sharp enough comparison: " + error / mean);
    assertEquals(mean, exact, 4 * error, "sampled " + mean + " +- " + error);
  }

  @Test
  void aBatchOfTheWholeShardHasNoVariance() {
    ClassificationProblem p = Fixtures.classification(new MlpModel(5, 4, 3), 20, 0.01);
    double[] x = trainedPoint(p);
    ClassificationProblem.Context c = p.context(0, new RandomStreams(7));
    double[] full = new double[x.length];
    p.lossAndFullGradient(x, full, c);
    assertEquals(0, p.gradientVariance(x, full, c));
  }

  @Test
  void lanczosFindsTheDenseHessiansLargestEigenvalue() {
    ClassificationProblem p = Fixtures.classification(new MlpModel(5, 4, 3), 4, 0.01);
    double[] x = trainedPoint(p);
    int d = x.length;
    ClassificationProblem.Context c = p.context(0, new RandomStreams(7));
    // The dense Hessian by central differences, column by column, symmetrised.
    double[][] hessian = new double[d][d];
    double[] plus = new double[d];
    double[] minus = new double[d];
    double h = 1e-5;
    for (int i = 0; i < d; i++) {
      double[] y = x.clone();
      y[i] = x[i] + h;
      p.lossAndFullGradient(y, plus, c);
      y[i] = x[i] - h;
      p.lossAndFullGradient(y, minus, c);
      for (int k = 0; k < d; k++) {
        hessian[k][i] = (plus[k] - minus[k]) / (2 * h);
      }
    }
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < i; k++) {
        hessian[i][k] = hessian[k][i] = (hessian[i][k] + hessian[k][i]) / 2;
      }
    }
    double[] eigenvalues =
        new EigenDecompositionSymmetric(new Array2DRowRealMatrix(hessian)).getEigenvalues();
    double top = Arrays.stream(eigenvalues).map(Math::abs).max().orElseThrow();
    assertTrue(
        Arrays.stream(eigenvalues).min().orElseThrow() < 0, "non-convex: a negative curvature");

    double[] gradient = new double[d];
    p.lossAndFullGradient(x, gradient, c);
    double[] start = new double[d];
    ZigguratSampler.NormalizedGaussian gauss =
        ZigguratSampler.NormalizedGaussian.of(
            new RandomStreams(3).stream(RandomStreams.Purpose.ESTIMATE, 0));
    for (int i = 0; i < d; i++) {
      start[i] = gauss.sample();
    }
    HessianLanczos lanczos = new HessianLanczos(d, d);
    double full = lanczos.largest(p, c, x, gradient, start.clone(), d);
    assertEquals(top, full, 1e-5 * top, "every direction explored");
    double few = new HessianLanczos(d, 4).largest(p, c, x, gradient, start.clone(), 4);
    assertTrue(few <= top * (1 + 1e-6) && few > 0.5 * top, few + " against " + top);
  }

  @Test
  void estimatingChangesNoNumberOfTheRunAndNoneDependsOnTheThreads() {
    Problem<?>[] problems = {
      Fixtures.classification(new MlpModel(5, 4, 3), 4, 0.01), Fixtures.quadratic(0.3, 0.7)
    };
    for (Problem<?> p : problems) {
      int n = p.workers();
      Hierarchy h = Hierarchy.of(n, new int[] {n == 3 ? 3 : 2}, new long[] {2, 6});
      RunSettings s = new RunSettings(24, 0.1, 4);
      Simulation.Result plain = run(p, h, s, 1, false);
      Simulation.Result one = run(p, h, s, 1, true);
      Simulation.Result three = run(p, h, s, 3, true);
      assertEquals(plain.trace().checkpoints(), one.trace().checkpoints());
      assertEquals(one.estimates(), three.estimates());
      EstimatedConstants e = one.estimates().orElseThrow();
      assertEquals(7, e.method().checkpoints());
      assertEquals(7, e.method().points());
      // eps_k^2: the largest measured level term, level by level and summed.
      for (int k = 0; k < 2; k++) {
        int level = k;
        double largest =
            one.trace().checkpoints().stream()
                .mapToDouble(m -> m.divergences().get(level))
                .max()
                .orElseThrow();
        assertEquals(largest, e.divergencePerLevel().get(k));
      }
      double largestSum =
          one.trace().checkpoints().stream()
              .mapToDouble(m -> m.divergences().get(0) + m.divergences().get(1))
              .max()
              .orElseThrow();
      assertEquals(largestSum, e.divergenceTotal());
      long budget = ConstantsEstimator.FIRST_STEPS + 6 * ConstantsEstimator.LATER_STEPS;
      if (p.dimension() > budget) {
        assertEquals(budget, e.method().hessianVectorProducts());
      } else { // Lanczos stops once its basis spans the space
        assertTrue(e.method().hessianVectorProducts() < budget);
      }
    }
  }

  private static <C> Simulation.Result run(
      Problem<C> p, Hierarchy h, RunSettings s, int threads, boolean estimate) {
    RandomStreams streams = new RandomStreams(9);
    Grouping g =
        Grouping.of(
            h,
            GroupingStrategy.SEQUENTIAL,
            p.groupingKeys(),
            streams.stream(RandomStreams.Purpose.GROUPING, 0));
    return Simulation.run(p, g, s, threads, streams, t -> {}, estimate);
  }

  @Test
  void atMostSixteenPointsSpreadOverTheRunTheLastAmongThem() {
    assertEquals(1, Simulation.estimationStride(new RunSettings(512, 0.1, 64)));
    assertEquals(1, Simulation.estimationStride(new RunSettings(140, 0.1, 10)));
    // 2000 intervals: every 143rd checkpoint, 0..1859 and the last: 15 points.
    long stride = Simulation.estimationStride(new RunSettings(2000, 0.1, 1));
    assertEquals(143, stride);
    assertTrue(2000 / stride + 2 <= ConstantsEstimator.MAX_POINTS);
  }
}
