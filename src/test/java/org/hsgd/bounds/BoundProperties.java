package org.hsgd.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the bound over random valid inputs, 1,000 each. */
class BoundProperties {

  /** A random valid scenario with random grouping, and a step size and horizon for it. */
  record Case(Scenario scenario, double gamma, long iterations) {}

  static Hierarchy randomHierarchy(Random r) {
    int levels = 1 + r.nextInt(4);
    int[] ratios = new int[levels];
    int n = 1;
    for (int k = 0; k < levels; k++) {
      ratios[k] = 1 + r.nextInt(4);
      n *= ratios[k];
    }
    if (n == 1) {
      ratios[levels - 1] = 2;
      n = 2;
    }
    int[] groups = new int[levels - 1];
    int below = n;
    for (int k = 0; k < levels - 1; k++) {
      below /= ratios[k];
      groups[k] = below;
    }
    long[] periods = new long[levels];
    long p = 1 + r.nextInt(8);
    for (int k = 0; k < levels; k++) {
      periods[k] = p;
      p *= 1 + r.nextInt(4);
    }
    return Hierarchy.of(n, groups, periods);
  }

  static double logUniform(Random r, double lo, double hi) {
    return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
  }

  static ProblemConstants randomConstants(Random r) {
    double sigma2 = r.nextInt(5) == 0 ? 0 : logUniform(r, 1e-3, 10);
    return new ProblemConstants(logUniform(r, 1e-2, 1e2), sigma2, logUniform(r, 1e-2, 1e2));
  }

  @Provide
  Arbitrary<Case> randomGroupingCases() {
    return Arbitraries.randomValue(
        r -> {
          Hierarchy h = randomHierarchy(r);
          double eps2 = r.nextInt(5) == 0 ? 0 : logUniform(r, 1e-3, 10);
          Scenario s = new Scenario(h, randomConstants(r), Divergences.randomGrouping(h, eps2));
          double gamma =
              ConvergenceBound.of(s).stepSizeLimit() * (1e-3 + (1 - 1e-3) * r.nextDouble());
          return new Case(s, gamma, 1 + (long) logUniform(r, 1, 1e7));
        });
  }

  @Property(tries = 1000)
  void sandwichHoldsUnderRandomGrouping(@ForAll("randomGroupingCases") Case c) {
    Sandwich sandwich = Sandwich.of(c.scenario());
    assertTrue(sandwich.holdsAt(c.gamma(), c.iterations()), () -> c.toString());
    assertTrue(sandwich.holdsAtOptimum(c.iterations()), () -> c.toString());
    // ... and so are the smallest horizons reaching a target, T_lower <= T_H <= T_upper. Stated so
    // that rounding cannot flip a tie (I = G makes all three bounds equal): at the H-SGD horizon
    // the
    // lower bound has reached the target too, and at the upper horizon so has H-SGD.
    double target = sandwich.hsgd().minimum(c.iterations());
    long middle = sandwich.hsgd().smallestHorizon(target);
    long upper = sandwich.upper().smallestHorizon(target);
    assertTrue(
        sandwich.lower().minimum(middle) <= target * (1 + Sandwich.ORDER_TOLERANCE),
        () -> c.toString());
    assertTrue(
        sandwich.hsgd().minimum(upper) <= target * (1 + Sandwich.ORDER_TOLERANCE),
        () -> c.toString());
    // gamma_max(H-SGD) lies between the two local-SGD limits.
    assertTrue(sandwich.hsgd().stepSizeLimit() <= sandwich.lower().stepSizeLimit());
    assertTrue(sandwich.hsgd().stepSizeLimit() >= sandwich.upper().stepSizeLimit());
  }

  @Property(tries = 1000)
  void randomGroupingWeightsAddUpToOne(@ForAll("randomGroupingCases") Case c) {
    assertEquals(
        1, Arrays.stream(Divergences.randomGroupingWeights(c.scenario().hierarchy())).sum(), 1e-12);
  }

  @Property(tries = 1000)
  void boundDecreasesInT(@ForAll("randomGroupingCases") Case c) {
    ConvergenceBound b = ConvergenceBound.of(c.scenario());
    long t = c.iterations();
    long later = t + 1 + t / 3;
    assertTrue(
        b.total(c.gamma(), later) < b.total(c.gamma(), t)
            || b.terms(c.gamma(), t).optimization() < 1e-12 * b.total(c.gamma(), t));
    assertTrue(b.minimum(later) <= b.minimum(t), () -> c.toString());
  }

  @Property(tries = 1000)
  void optimalStepSizeIsATrueMinimum(@ForAll("randomGroupingCases") Case c) {
    ConvergenceBound b = ConvergenceBound.of(c.scenario());
    long t = c.iterations();
    double best = b.optimalStepSize(t);
    assertTrue(best > 0 && best <= b.stepSizeLimit());
    double atBest = b.total(best, t);
    double gmax = b.stepSizeLimit();
    for (int i = 1; i <= 200; i++) {
      double gamma = gmax * i / 200;
      assertTrue(atBest <= b.total(gamma, t) * (1 + 1e-12), () -> c + " at gamma " + gamma);
    }
    assertTrue(atBest <= b.total(c.gamma(), t) * (1 + 1e-12));
    // Neighbours of an interior minimiser are no better.
    if (best < gmax) {
      assertTrue(atBest <= b.total(best * (1 + 1e-6), t) * (1 + 1e-14));
      assertTrue(atBest <= b.total(best * (1 - 1e-6), t) * (1 + 1e-14));
    }
  }

  @Property(tries = 1000)
  void smallestHorizonIsTheFirstToReachTheTarget(@ForAll("randomGroupingCases") Case c) {
    ConvergenceBound b = ConvergenceBound.of(c.scenario());
    double target = b.minimum(c.iterations()) * 1.0000001;
    long t = b.smallestHorizon(target);
    assertTrue(t <= c.iterations());
    assertTrue(b.minimum(t) <= target);
    assertTrue(t == 1 || b.minimum(t - 1) > target);
    double fixedTarget = b.total(c.gamma(), c.iterations()) * 1.0000001;
    long tf = b.smallestHorizon(fixedTarget, c.gamma());
    assertTrue(b.total(c.gamma(), tf) <= fixedTarget);
    assertTrue(tf == 1 || b.total(c.gamma(), tf - 1) > fixedTarget);
  }

  // THEORY.md's special-case identities, on random constants.

  @Provide
  Arbitrary<Random> randoms() {
    return Arbitraries.randomValue(r -> new Random(r.nextLong()));
  }

  private static void assertSameBound(
      ConvergenceBound expected, ConvergenceBound actual, double gamma, long t) {
    BoundTerms e = expected.terms(gamma, t);
    BoundTerms a = actual.terms(gamma, t);
    assertEquals(e.optimization(), a.optimization(), 1e-12 * e.total());
    assertEquals(e.noise(), a.noise(), 1e-12 * e.total());
    assertEquals(e.noiseDrift(), a.noiseDrift(), 1e-12 * e.total());
    assertEquals(e.divergenceDrift(), a.divergenceDrift(), 1e-12 * e.total());
    assertEquals(expected.stepSizeLimit(), actual.stepSizeLimit(), 0);
  }

  @Property(tries = 1000)
  void allPeriodsOneIsMinibatchSgd(@ForAll("randoms") Random r) {
    Hierarchy h = randomHierarchy(r);
    long[] ones = new long[h.levelCount()];
    Arrays.fill(ones, 1);
    Hierarchy sync = Hierarchy.of(h.workers(), h.groupCountsBelowTop(), ones);
    ProblemConstants c = randomConstants(r);
    ConvergenceBound b =
        ConvergenceBound.of(
            new Scenario(sync, c, Divergences.randomGrouping(sync, logUniform(r, 1e-3, 10))));
    BoundTerms t = b.terms(0.5 / c.smoothness(), 1000);
    assertEquals(0, t.noiseDrift(), 0);
    assertEquals(0, t.divergenceDrift(), 0);
    assertEquals(1 / c.smoothness(), b.stepSizeLimit(), 0);
    assertEquals(
        2 * c.initialGap() / (0.5 / c.smoothness() * 1000) + 0.5 * c.noiseVariance() / h.workers(),
        t.total(),
        1e-12 * t.total());
  }

  @Property(tries = 1000)
  void twoLevelSpecialCasesAreLocalSgd(@ForAll("randoms") Random r) {
    int m = 1 + r.nextInt(6);
    int groups = 1 + r.nextInt(6);
    if (m * groups == 1) {
      m = 2; // one worker has nothing to merge
    }
    int n = m * groups;
    long i = 1 + r.nextInt(6);
    long g = i * (1 + r.nextInt(6));
    ProblemConstants c = randomConstants(r);
    double down = logUniform(r, 1e-3, 10);
    double up = logUniform(r, 1e-3, 10);
    double gamma = 1e-3 / c.smoothness();
    long t = 1 + r.nextInt(100_000);
    // N = 1: B_I with eps = eps_down.
    assertSameBound(
        ConvergenceBound.of(new Scenario(Hierarchy.localSgd(n, i), c, Divergences.perLevel(down))),
        ConvergenceBound.of(
            new Scenario(Hierarchy.twoLevel(n, 1, i, g), c, Divergences.perLevel(down, 0))),
        gamma,
        t);
    // N = n: B_G with eps = eps_up.
    assertSameBound(
        ConvergenceBound.of(new Scenario(Hierarchy.localSgd(n, g), c, Divergences.perLevel(up))),
        ConvergenceBound.of(
            new Scenario(Hierarchy.twoLevel(n, n, i, g), c, Divergences.perLevel(0, up))),
        gamma,
        t);
    // I = G: B_G with eps^2 = eps_down^2 + eps_up^2 (needs 1 < N < n for both levels to merge).
    if (groups > 1 && m > 1) {
      assertSameBound(
          ConvergenceBound.of(
              new Scenario(Hierarchy.localSgd(n, g), c, Divergences.perLevel(down + up))),
          ConvergenceBound.of(
              new Scenario(Hierarchy.twoLevel(n, groups, g, g), c, Divergences.perLevel(down, up))),
          gamma,
          t);
    }
  }
}
