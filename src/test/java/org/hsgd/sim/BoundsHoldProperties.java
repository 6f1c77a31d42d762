package org.hsgd.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hsgd.bounds.ConvergenceBound;
import org.hsgd.bounds.Divergences;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.NumericBound;
import org.hsgd.bounds.ProblemConstants;
import org.hsgd.bounds.Scenario;

/**
 * Both bounds against what they bound, on random problems whose constants are exact: the exact
 * expectation on convex quadratics, a Monte-Carlo mean on the non-convex cosine variant, with gamma
 * up to 1/L (the closed form only up to its gamma_max).
 */
class BoundsHoldProperties {

  /** A random problem, its grouping, and a step size and horizon. */
  record Case(QuadraticProblem problem, Grouping grouping, double gamma, long iterations) {}

  private static Hierarchy hierarchy(Random r) {
    int[][] shapes = {{2}, {4}, {2, 2}, {4, 2}, {3, 2}, {2, 2, 2}, {6}, {8}};
    int[] ratios = shapes[r.nextInt(shapes.length)];
    int n = 1;
    for (int ratio : ratios) {
      n *= ratio;
    }
    int[] groups = new int[ratios.length - 1];
    int below = n;
    for (int k = 0; k < groups.length; k++) {
      below /= ratios[k];
      groups[k] = below;
    }
    long[] periods = new long[ratios.length];
    long p = 1 + r.nextInt(4);
    for (int k = 0; k < periods.length; k++) {
      periods[k] = p;
      p *= 1 + r.nextInt(3);
    }
    return Hierarchy.of(n, groups, periods);
  }

  private static Case randomCase(Random r, double cosWeight, long maxIterations) {
    Hierarchy h = hierarchy(r);
    int n = h.workers();
    int d = 1 + r.nextInt(5);
    double[] curvatures = new double[d];
    for (int i = 0; i < d; i++) {
      curvatures[i] = Math.exp(Math.log(0.1) + r.nextDouble() * Math.log(20));
    }
    double spread = 3 * r.nextDouble();
    double[][] centers = new double[n][d];
    double[] start = new double[d];
    for (int i = 0; i < d; i++) {
      start[i] = 4 * r.nextGaussian();
      for (int j = 0; j < n; j++) {
        centers[j][i] = spread * r.nextGaussian();
      }
    }
    double sigma2 = r.nextInt(4) == 0 ? 0 : 2 * r.nextDouble();
    double[] keys = new double[n];
    for (int j = 0; j < n; j++) {
      keys[j] = centers[j][0];
    }
    QuadraticProblem p = new QuadraticProblem(curvatures, centers, start, sigma2, cosWeight, keys);
    GroupingStrategy strategy = GroupingStrategy.values()[r.nextInt(4)];
    Grouping g =
        Grouping.of(
            h,
            strategy,
            p.groupingKeys(),
            new RandomStreams(r.nextLong()).stream(RandomStreams.Purpose.GROUPING, 0));
    double smoothness = p.exactConstants(g).smoothness();
    double gamma = (0.01 + 0.99 * r.nextDouble()) / smoothness;
    return new Case(p, g, gamma, 1 + r.nextInt((int) maxIterations));
  }

  private static Scenario scenario(Case c) {
    ExactConstants e = c.problem().exactConstants(c.grouping());
    int levels = c.grouping().levelCount();
    int[] groups = new int[levels - 1];
    long[] periods = new long[levels];
    for (int k = 1; k <= levels; k++) {
      periods[k - 1] = c.grouping().period(k);
      if (k < levels) {
        groups[k - 1] = c.grouping().groupCount(k);
      }
    }
    return new Scenario(
        Hierarchy.of(c.grouping().workers(), groups, periods),
        new ProblemConstants(e.smoothness(), e.noiseVariance(), e.initialGap()),
        Divergences.perLevel(
            e.divergencePerLevel().stream().mapToDouble(Double::doubleValue).toArray(),
            e.divergenceTotal()));
  }

  @Provide
  Arbitrary<Case> quadratics() {
    return Arbitraries.randomValue(r -> randomCase(r, 0, 300));
  }

  @Provide
  Arbitrary<Case> cosineProblems() {
    return Arbitraries.randomValue(r -> randomCase(r, 0.2 + r.nextDouble(), 60));
  }

  @Property(tries = 300)
  void bothBoundsStayAboveTheExactExpectationOnQuadratics(@ForAll("quadratics") Case c) {
    double exact =
        QuadraticExpectation.of(
                c.problem(), c.grouping(), new RunSettings(c.iterations(), c.gamma(), 1))
            .meanGradNormSq();
    Scenario s = scenario(c);
    double numeric = NumericBound.of(s).total(c.gamma(), c.iterations());
    assertTrue(numeric >= exact * (1 - 1e-12), () -> numeric + " < exact " + exact + ": " + c);
    ConvergenceBound closed = ConvergenceBound.of(s);
    if (closed.admits(c.gamma())) {
      assertTrue(closed.total(c.gamma(), c.iterations()) >= numeric * (1 - 1e-12));
    }
  }

  /** The Monte-Carlo mean of 100 seeds minus 3 standard errors stays below the numeric bound. */
  @Property(tries = 40)
  void theNumericBoundStaysAboveTheMonteCarloOnTheCosineProblem(@ForAll("cosineProblems") Case c) {
    int seeds = 100;
    double[] averages = new double[seeds];
    RunSettings settings =
        RunSettings.builder(c.iterations(), c.gamma(), c.iterations())
            .gradientAverage(RunSettings.GradientAverage.EVERY_ITERATION)
            .build();
    double mean = 0;
    for (int r = 0; r < seeds; r++) {
      averages[r] =
          Simulation.run(c.problem(), c.grouping(), settings, 1, new RandomStreams(r), t -> {})
              .meanGradNormSq();
      mean += averages[r] / seeds;
    }
    double var = 0;
    for (double a : averages) {
      var += (a - mean) * (a - mean) / (seeds - 1);
    }
    double lower = mean - 3 * Math.sqrt(var / seeds);
    double numeric = NumericBound.of(scenario(c)).total(c.gamma(), c.iterations());
    assertTrue(numeric >= lower, () -> numeric + " < Monte-Carlo " + lower + ": " + c);
  }
}
