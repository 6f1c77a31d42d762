package org.hsgd.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hsgd.Invalid;
import org.hsgd.InvalidInputException;
import org.junit.jupiter.api.Test;

class DivergencesTest {
  private static final double TOL = 1e-15;

  @Test
  void randomGroupingTwoLevel() {
    // n=6, N=3: w_down = (6-3)/5 = 0.6, w_up = (3-1)/5 = 0.4; eps2 = 2 -> 1.2, 0.8
    Divergences d = Divergences.randomGrouping(Hierarchy.twoLevel(6, 3, 1, 2), 2);
    assertEquals(1.2, d.level(1), TOL);
    assertEquals(0.8, d.level(2), TOL);
    assertEquals(2, d.total(), 0);
    assertTrue(d.randomGrouping());
    // n=12, N=4: w_down = 8/11, w_up = 3/11
    Divergences e = Divergences.randomGrouping(Hierarchy.twoLevel(12, 4, 1, 2), 11);
    assertEquals(8, e.level(1), 1e-14);
    assertEquals(3, e.level(2), 1e-14);
  }

  @Test
  void randomGroupingThreeLevel() {
    // n=8, N=[4,2]: w = 4/7, 2/7, 1/7; eps2 = 1.4 -> 0.8, 0.4, 0.2
    Divergences d =
        Divergences.randomGrouping(Hierarchy.of(8, new int[] {4, 2}, new long[] {1, 2, 4}), 1.4);
    assertEquals(0.8, d.level(1), TOL);
    assertEquals(0.4, d.level(2), TOL);
    assertEquals(0.2, d.level(3), TOL);
  }

  @Test
  void randomGroupingOfDegenerateLevelsIsZero() {
    // N = n: nothing merges at level 1, everything at the top.
    Divergences d = Divergences.randomGrouping(Hierarchy.twoLevel(5, 5, 1, 2), 3);
    assertEquals(0, d.level(1), 0);
    assertEquals(3, d.level(2), TOL);
  }

  @Test
  void perLevelTotalIsTheSumUnlessGiven() {
    assertEquals(0.75, Divergences.perLevel(0.5, 0.25).total(), 0);
    assertEquals(0.6, Divergences.perLevel(new double[] {0.5, 0.25}, 0.6).total(), 0);
  }

  @Test
  void rejectsInvalidValues() {
    assertEquals("eps2[2]", Invalid.field(() -> Divergences.perLevel(1, -1)));
    assertEquals(
        "eps2-total", Invalid.field(() -> Divergences.perLevel(new double[] {1}, Double.NaN)));
    assertEquals("n", Invalid.field(() -> Divergences.randomGrouping(Hierarchy.localSgd(1, 2), 1)));
  }

  @Test
  void scenarioRejectsDivergenceAtALevelThatMergesNothing() {
    ProblemConstants c = new ProblemConstants(1, 1, 1);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> new Scenario(Hierarchy.twoLevel(4, 1, 2, 4), c, Divergences.perLevel(1, 0.5)));
    assertEquals("eps2[2]", e.field());
    assertEquals(
        "eps2",
        Invalid.field(
            () -> new Scenario(Hierarchy.twoLevel(4, 2, 2, 4), c, Divergences.perLevel(1))));
    assertEquals(
        "eps2-total",
        Invalid.field(
            () ->
                new Scenario(
                    Hierarchy.localSgd(1, 4), c, Divergences.perLevel(new double[] {0}, 1))));
  }

  @Test
  void constantsAreChecked() {
    assertEquals("L", Invalid.field(() -> new ProblemConstants(0, 1, 1)));
    assertEquals("L", Invalid.field(() -> new ProblemConstants(-1, 1, 1)));
    assertEquals("sigma2", Invalid.field(() -> new ProblemConstants(1, -1, 1)));
    assertEquals(
        "delta", Invalid.field(() -> new ProblemConstants(1, 1, Double.POSITIVE_INFINITY)));
  }
}
