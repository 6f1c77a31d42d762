package org.hsgd.bounds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hsgd.Invalid;
import org.junit.jupiter.api.Test;

class NumericBoundTest {
  private static final ProblemConstants C = new ProblemConstants(2, 1, 10);

  @Test
  void twoWorkersOnePeriodByHand() {
    // n = 2, P = 2, L = 1, sigma^2 = 1, Delta = 1, eps^2 = 1, gamma = 0.1. w = 1/2.
    // e_0 = 0; e_1 = b^2 with b = 0.1 (sqrt(1/2) + 1) = 0.170711 (the window {0} has e_0 = 0).
    Scenario s =
        new Scenario(
            Hierarchy.localSgd(2, 2), new ProblemConstants(1, 1, 1), Divergences.perLevel(1));
    NumericBound nb = NumericBound.of(s);
    double b = 0.1 * (Math.sqrt(0.5) + 1);
    assertArrayEquals(new double[] {0, b * b}, nb.deviation(0.1), 1e-15);
    // T = 2: X = 2/(0.1 * 2) + 0.1/2 = 10.05, Y = e_1 / 2, q = 0.9. The optimal rho is the root of
    // (X + 0.1 Y) rho^2 + 1.8 Y rho - 1.9 Y = 0, and the bound (X + c2 Y) / c1.
    double x = 10.05;
    double y = b * b / 2;
    double a = x + 0.1 * y;
    double rho = (-0.9 * y + Math.sqrt(0.81 * y * y + 1.9 * a * y)) / a;
    NumericTerms terms = nb.terms(0.1, 2);
    assertEquals(rho, terms.rho(), 1e-12);
    assertEquals(0.0511932421, rho, 1e-10);
    double c1 = 1 + 0.9 * (1 - rho);
    double c2 = 1 + 0.9 * (1 / rho - 1);
    assertEquals((x + c2 * y) / c1, terms.total(), 1e-12);
    assertEquals(5.5598888591, terms.total(), 1e-9);
    assertEquals(x / c1, terms.xPart(), 1e-12);
  }

  @Test
  void allPeriodsOneHasNoDriftAndTheRefinedFirstTerm() {
    // Synchronous SGD: e = 0, so the bound is the infimum X / (2 - gamma L).
    Scenario s = new Scenario(Hierarchy.localSgd(4, 1), C, Divergences.perLevel(3));
    NumericTerms t = NumericBound.of(s).terms(0.1, 100);
    double x = 2 * 10 / (0.1 * 100) + 0.1 * 2 * 1 / 4.0;
    assertEquals(x / (2 - 0.2), t.total(), 1e-15);
    assertEquals(0, t.drift(), 0);
    assertEquals(0, t.rho(), 0);
  }

  @Test
  void atGammaOneOverLTheRefinementVanishes() {
    Scenario s = new Scenario(Hierarchy.localSgd(4, 1), C, Divergences.perLevel(3));
    NumericTerms t = NumericBound.of(s).terms(0.5, 100); // gamma L = 1: q = 0
    assertEquals(2 * 10 / (0.5 * 100) + 0.5 * 2 / 4.0, t.total(), 1e-15);
    assertTrue(t.stepSizeValid());
    assertFalse(NumericBound.of(s).terms(0.51, 100).stepSizeValid());
  }

  @Test
  void groupsOfOneOrOfAllAreLocalSgd() {
    // N = 1: the bottom level already merges everyone, the top merges nothing: local SGD at I.
    // N = n: the bottom level merges nothing: local SGD at G.
    Scenario oneGroup =
        new Scenario(Hierarchy.twoLevel(8, 1, 4, 16), C, Divergences.perLevel(2, 0));
    Scenario localI = new Scenario(Hierarchy.localSgd(8, 4), C, Divergences.perLevel(2));
    Scenario singletons =
        new Scenario(Hierarchy.twoLevel(8, 8, 4, 16), C, Divergences.perLevel(0, 2));
    Scenario localG = new Scenario(Hierarchy.localSgd(8, 16), C, Divergences.perLevel(2));
    for (long t : new long[] {1, 7, 16, 1000, 123_457}) {
      assertEquals(
          NumericBound.of(localI).total(0.01, t), NumericBound.of(oneGroup).total(0.01, t), 0);
      assertEquals(
          NumericBound.of(localG).total(0.01, t), NumericBound.of(singletons).total(0.01, t), 0);
    }
  }

  @Test
  void theDeviationIsPeriodicInTheTopPeriod() {
    Hierarchy h = Hierarchy.of(8, new int[] {4, 2}, new long[] {2, 4, 8});
    NumericBound nb = NumericBound.of(new Scenario(h, C, Divergences.perLevel(1, 0.5, 0.25)));
    double[] e = nb.deviation(0.01);
    assertEquals(8, e.length);
    assertEquals(0, e[0], 0);
    // T = 8 m + r sums m whole periods and the first r of the next.
    double whole = 0;
    for (double v : e) {
      whole += v;
    }
    double expected = 3 * whole + e[0] + e[1] + e[2];
    NumericTerms t = nb.terms(0.01, 27);
    double q = 1 - 0.01 * 2;
    double x = 2 * 10 / (0.01 * 27) + 0.01 * 2 / 8.0;
    double y = 4 * expected / 27;
    double c1 = 1 + q * (1 - t.rho());
    double c2 = 1 + q * (1 / t.rho() - 1);
    assertEquals((x + c2 * y) / c1, t.total(), 1e-12 * t.total());
  }

  @Test
  void theOptimalStepSizeMinimisesOverTheWholeRange() {
    Hierarchy h = Hierarchy.twoLevel(64, 8, 4, 32);
    NumericBound nb = NumericBound.of(new Scenario(h, C, Divergences.randomGrouping(h, 3)));
    long horizon = 100_000;
    double best = nb.optimalStepSize(horizon);
    double min = nb.total(best, horizon);
    for (double g = 1e-6; g <= 0.5; g *= 1.01) {
      assertTrue(nb.total(g, horizon) >= min * (1 - 1e-9), g + ": " + nb.total(g, horizon));
    }
    assertTrue(best <= nb.stepSizeLimit());
  }

  @Test
  void aTopPeriodBeyondTheLimitIsRefused() {
    Hierarchy h = Hierarchy.localSgd(2, NumericBound.MAX_TOP_PERIOD * 2);
    Scenario s = new Scenario(h, C, Divergences.perLevel(1));
    assertEquals("periods", Invalid.field(() -> NumericBound.of(s)));
  }

  @Test
  void theSmallestHorizonReachesTheTargetAndOneLessDoesNotOnTheEnvelope() {
    Hierarchy h = Hierarchy.twoLevel(64, 8, 4, 32);
    NumericBound nb = NumericBound.of(new Scenario(h, C, Divergences.randomGrouping(h, 3)));
    double gamma = 0.005;
    double target = nb.total(gamma, 50_000);
    long horizon = nb.smallestHorizon(target, gamma);
    assertTrue(nb.total(gamma, horizon) <= target, "the bound itself reaches the target");
    // The envelope exceeds the bound by at most part of a top period's deviation: the horizon is
    // at most a little beyond 50,000.
    assertTrue(horizon >= 49_000 && horizon <= 51_000, "" + horizon);
    long optimal = nb.smallestHorizon(target);
    assertTrue(optimal <= horizon, optimal + " > " + horizon);
    assertTrue(nb.minimum(optimal) <= target * (1 + 1e-9));
  }

  @Test
  void aTargetBelowTheLimitIsRefused() {
    Hierarchy h = Hierarchy.twoLevel(64, 8, 4, 32);
    NumericBound nb = NumericBound.of(new Scenario(h, C, Divergences.randomGrouping(h, 3)));
    assertEquals("target", Invalid.field(() -> nb.smallestHorizon(1e-9, 0.005)));
  }
}
