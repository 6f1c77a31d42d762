package org.hsgd.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedOrderTest {
  @Test
  void pValueOfThePairedTestByHand() {
    // d = (1, 2, 3): mean 2, sd 1, t = 2 sqrt(3) = 3.4641 with 2 degrees of freedom, whose
    // survival function is (1 - t / sqrt(t^2 + 2)) / 2 = (1 - 3.4641 / sqrt(14)) / 2 = 0.037090.
    PairedOrder o = PairedOrder.of(new double[] {0, 0, 0}, new double[] {1, 2, 3}, 4, 0.05);
    assertEquals(0.0370901, o.pOrdered(), 1e-6);
    assertEquals(1 - 0.0370901, o.pReversed(), 1e-6);
    assertEquals(0.5, o.relativeDifference(), 1e-15); // mean d = 2 over the scale 4
    assertEquals(Verdict.HOLDS, o.verdict());
    // At level 0.01 the same evidence is not enough.
    assertEquals(
        Verdict.INCONCLUSIVE,
        PairedOrder.of(new double[] {0, 0, 0}, new double[] {1, 2, 3}, 4, 0.01).verdict());
  }

  @Test
  void aSignificantReversalIsAViolationWithItsSize() {
    PairedOrder o =
        PairedOrder.of(new double[] {1.0, 1.1, 1.2}, new double[] {0.9, 1.02, 1.1}, 1, 0.05);
    assertEquals(Verdict.VIOLATED, o.verdict());
    assertTrue(o.reason().startsWith("reversed by 9.33 %"), o.reason());
  }

  @Test
  void identicalRunsAreNeitherOrderedNorReversed() {
    double[] same = {0.5, 0.7, 0.6};
    PairedOrder o = PairedOrder.of(same, same.clone(), 1, 0.05);
    assertEquals(Verdict.INCONCLUSIVE, o.verdict());
    assertEquals(1, o.pOrdered());
    assertEquals(1, o.pReversed());
  }

  @Test
  void aConstantGapIsDecidedWithoutSpread() {
    assertEquals(
        Verdict.HOLDS,
        PairedOrder.of(new double[] {1, 2}, new double[] {1.5, 2.5}, 1, 0.05).verdict());
    assertEquals(
        Verdict.VIOLATED,
        PairedOrder.of(new double[] {1, 2}, new double[] {0.5, 1.5}, 1, 0.05).verdict());
  }

  @Test
  void oneSeedIsInconclusive() {
    PairedOrder o = PairedOrder.of(new double[] {1}, new double[] {2}, 1, 0.05);
    assertEquals(Verdict.INCONCLUSIVE, o.verdict());
    assertTrue(o.reason().contains("at least 2"), o.reason());
  }
}
