package org.hsgd.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hsgd.Invalid;
import org.hsgd.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The theorem's formulas against values computed by hand (the arithmetic is in each comment). */
class ConvergenceBoundTest {
  private static final double TOL = 1e-12;

  static ConvergenceBound twoLevel(
      int n,
      int groups,
      long i,
      long g,
      double l,
      double s2,
      double delta,
      double down,
      double up) {
    return ConvergenceBound.of(
        new Scenario(
            Hierarchy.twoLevel(n, groups, i, g),
            new ProblemConstants(l, s2, delta),
            Divergences.perLevel(down, up)));
  }

  static ConvergenceBound localSgd(int n, long p, double l, double s2, double delta, double eps2) {
    return ConvergenceBound.of(
        new Scenario(
            Hierarchy.localSgd(n, p),
            new ProblemConstants(l, s2, delta),
            Divergences.perLevel(eps2)));
  }

  static void assertTerms(
      BoundTerms t, double opt, double noise, double noiseDrift, double divDrift) {
    assertEquals(opt, t.optimization(), TOL * Math.max(1, opt), "optimization");
    assertEquals(noise, t.noise(), TOL, "noise");
    assertEquals(noiseDrift, t.noiseDrift(), TOL, "noiseDrift");
    assertEquals(divDrift, t.divergenceDrift(), TOL, "divergenceDrift");
  }

  @Test
  void twoLevelHandComputed() {
    // n=4, N=2 (m=2), I=2, G=4, L=1, sigma2=1, Delta=1, eps_down2=0.5, eps_up2=0.25, gamma=0.1,
    // T=100
    // optimization 2*1/(0.1*100) = 0.2; noise 0.1*1*1/4 = 0.025
    // noiseDrift 2*0.01*[(I-1)(1-1/m) + (G-1)(1/m-1/n)] = 0.02*[0.5 + 3*0.25] = 0.025
    // divergenceDrift (4/3)*0.01*[1*3*0.5 + 3*7*0.25] = (4/3)*0.0675 = 0.09; total 0.34
    ConvergenceBound b = twoLevel(4, 2, 2, 4, 1, 1, 1, 0.5, 0.25);
    BoundTerms t = b.terms(0.1, 100);
    assertTerms(t, 0.2, 0.025, 0.025, 0.09);
    assertEquals(0.34, t.total(), TOL);
    assertEquals(0.34, b.total(0.1, 100), TOL);
    // gamma_max = min(1, 1/(2 sqrt(12)))
    assertEquals(1 / (2 * Math.sqrt(12)), b.stepSizeLimit(), TOL);
    assertTrue(b.admits(0.1));
    assertFalse(b.admits(0.15));
  }

  @Test
  void threeLevelHandComputed() {
    // n=8, N=[4,2], P=[2,4,8], L=2, sigma2=0.5, Delta=3, eps2=[0.3,0.2,0.1], gamma=0.02, T=50
    // optimization 6/(0.02*50) = 6; noise 0.02*2*0.5/8 = 0.0025
    // noiseDrift 2*4e-4*4*0.5 * [1*4/8 + 3*2/8 + 7*1/8] = 1.6e-3 * 2.125 = 3.4e-3
    // divergenceDrift (4/3)*4e-4*4 * [1*3*0.3 + 3*7*0.2 + 7*15*0.1] = (4/3)*1.6e-3*15.6 = 0.03328
    Hierarchy h = Hierarchy.of(8, new int[] {4, 2}, new long[] {2, 4, 8});
    ConvergenceBound b =
        ConvergenceBound.of(
            new Scenario(h, new ProblemConstants(2, 0.5, 3), Divergences.perLevel(0.3, 0.2, 0.1)));
    assertTerms(b.terms(0.02, 50), 6, 0.0025, 0.0034, 0.03328);
    assertEquals(6.03918, b.total(0.02, 50), TOL);
    // gamma_max = min(1/2, 1/(2*2*sqrt(56)))
    assertEquals(1 / (4 * Math.sqrt(56)), b.stepSizeLimit(), TOL);
  }

  @Test
  void localSgdHandComputed() {
    // n=10, P=5, L=0.5, sigma2=2, Delta=4, eps2=1, gamma=0.05, T=1000
    // optimization 8/50 = 0.16; noise 0.05*0.5*2/10 = 0.005
    // noiseDrift 2*0.0025*0.25*2*(4)(0.9) = 0.009; divergenceDrift (4/3)*0.0025*0.25*4*9*1 = 0.03
    ConvergenceBound b = localSgd(10, 5, 0.5, 2, 4, 1);
    assertTerms(b.terms(0.05, 1000), 0.16, 0.005, 0.009, 0.03);
    assertEquals(0.204, b.total(0.05, 1000), TOL);
    // gamma_max = min(2, 1/(2*0.5*sqrt(20)))
    assertEquals(1 / Math.sqrt(20), b.stepSizeLimit(), TOL);
  }

  @Test
  void stepSizeLimitWithoutLocalStepsIsOneOverL() {
    assertEquals(0.25, localSgd(4, 1, 4, 1, 1, 1).stepSizeLimit(), 0);
    // P_top = 2: 1/(2 L sqrt 2) < 1/L
    assertEquals(1 / (2 * 4 * Math.sqrt(2)), localSgd(4, 2, 4, 1, 1, 1).stepSizeLimit(), TOL);
  }

  @Test
  void stepSizeLimitUsesHighestMergingLevel() {
    // N = 1: the global level merges nothing, so P_top = I = 2, not G = 8.
    ConvergenceBound b = twoLevel(4, 1, 2, 8, 1, 1, 1, 1, 0);
    assertEquals(1 / (2 * Math.sqrt(2)), b.stepSizeLimit(), TOL);
    // n = 1: nothing merges, P_top = 1, gamma_max = 1/L.
    assertEquals(0.5, localSgd(1, 16, 2, 1, 1, 0).stepSizeLimit(), 0);
  }

  @Test
  void optimalStepSizeHandComputed() {
    // sigma2 = 0, n=2, P=2, L=1, eps2=0.25: C = (4/3)*1*3*0.25 = 1, so 2 gamma^3 = 2 Delta/T;
    // Delta=1, T=1000: gamma = 0.1 (< gamma_max = 0.3536); B = 2/(0.1*1000) + 0.01 = 0.03
    ConvergenceBound pureDrift = localSgd(2, 2, 1, 0, 1, 0.25);
    assertEquals(0.1, pureDrift.optimalStepSize(1000), 1e-14);
    assertEquals(0.03, pureDrift.minimum(1000), 1e-14);
    // Synchronous SGD: C = 0, b = L sigma2/n = 1 (n=4, sigma2=4); gamma = sqrt(2 Delta/(b T)) = 0.2
    // for Delta = 2, T = 100; B = 4/20 + 0.2 = 0.4
    ConvergenceBound sync = localSgd(4, 1, 1, 4, 2, 0);
    assertEquals(0.2, sync.optimalStepSize(100), 1e-14);
    assertEquals(0.4, sync.minimum(100), 1e-14);
    // Both: n=2, P=2, L=1, sigma2=4, eps2=0.25: b = 2, C = L^2 sigma2 + 4 L^2 eps2 = 5.
    // At gamma = 0.25: 2*5/64 + 2/16 = 0.28125 = 2 Delta/T with Delta = 9, T = 64.
    // B = 18/16 + 0.5 + 5/16 = 1.9375
    ConvergenceBound both = localSgd(2, 2, 1, 4, 9, 0.25);
    assertEquals(0.25, both.optimalStepSize(64), 1e-14);
    assertEquals(1.9375, both.minimum(64), 1e-13);
  }

  @Test
  void optimalStepSizeIsClippedToTheLimit() {
    // B = 2/gamma for sigma2 = 0, P = 1, Delta = 1, T = 1: decreasing, so gamma* = gamma_max = 1/L.
    ConvergenceBound b = localSgd(3, 1, 1, 0, 1, 0);
    assertEquals(1.0, b.optimalStepSize(1), 0);
    assertEquals(2.0, b.minimum(1), 0);
  }

  @Test
  void optimalStepSizeNeedsAPositiveGap() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> localSgd(2, 2, 1, 1, 0, 1).optimalStepSize(10));
    assertEquals("delta", e.field());
    assertTrue(e.getMessage().contains("no minimiser"), e.getMessage());
  }

  @Test
  void smallestHorizonAtFixedStepSize() {
    // Case of twoLevelHandComputed: B(0.1, T) = 20/T + 0.14. Target 0.3401: T >= 99.95 -> 100.
    ConvergenceBound b = twoLevel(4, 2, 2, 4, 1, 1, 1, 0.5, 0.25);
    assertEquals(100, b.smallestHorizon(0.3401, 0.1));
    // Target 0.2401: 20/T <= 0.1001 -> T >= 199.8 -> 200.
    assertEquals(200, b.smallestHorizon(0.2401, 0.1));
    // Target 100: met at T = 1 (B(0.1, 1) = 20.14).
    assertEquals(1, b.smallestHorizon(100, 0.1));
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> b.smallestHorizon(0.14, 0.1));
    assertEquals("target", e.field());
  }

  @Test
  void smallestHorizonUnderOptimalStepSize() {
    // Synchronous SGD with b = 1, Delta = 2: B*(T) = 4/sqrt(T) once gamma* = 2/sqrt(T) <= 1.
    ConvergenceBound sync = localSgd(4, 1, 1, 4, 2, 0);
    assertEquals(100, sync.smallestHorizon(0.40001)); // T >= (4/0.40001)^2 = 99.995
    assertEquals(1600, sync.smallestHorizon(0.10001)); // T >= 1599.68
    // Pure drift with Delta = C = 1: B*(T) = 3 T^(-2/3); 0.030001 -> T >= 999.95 -> 1000.
    assertEquals(1000, localSgd(2, 2, 1, 0, 1, 0.25).smallestHorizon(0.030001));
  }

  @Test
  void badStepSizeAndHorizonAreRejected() {
    ConvergenceBound b = localSgd(2, 2, 1, 1, 1, 1);
    assertEquals("gamma", Invalid.field(() -> b.terms(0, 10)));
    assertEquals("gamma", Invalid.field(() -> b.terms(Double.NaN, 10)));
    assertEquals("T", Invalid.field(() -> b.terms(0.1, 0)));
    assertEquals("target", Invalid.field(() -> b.smallestHorizon(-1)));
  }

  @Test
  void aTargetJustAboveTheFloorIsFoundInFewEvaluations() {
    // Near the floor the closed-form estimate of T (about 1e13 here) is off by many steps through
    // rounding; the search must still end at once and be exact for the computed B.
    Hierarchy h = Hierarchy.twoLevel(8, 2, 2, 4);
    ConvergenceBound b =
        ConvergenceBound.of(
            new Scenario(h, new ProblemConstants(1, 1, 1), Divergences.perLevel(1, 0.5)));
    double gamma = 0.01;
    double floor =
        b.total(gamma, ConvergenceBound.MAX_HORIZON) - 2 / (gamma * ConvergenceBound.MAX_HORIZON);
    double target = floor + 2 / (gamma * 1e13);
    long horizon =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(10), () -> b.smallestHorizon(target, gamma));
    assertTrue(b.total(gamma, horizon) <= target);
    assertTrue(horizon == 1 || b.total(gamma, horizon - 1) > target);
    assertTrue(horizon > 9e12 && horizon < 1.1e13, "" + horizon);
  }
}
