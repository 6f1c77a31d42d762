package org.hsgd.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoundValidityCheckTest {
  private static final CheckSettings SETTINGS = CheckSettings.DEFAULT;
  private static final double[] NONE = {};

  @Test
  void upperLimitByHand() {
    // Values (1, 2, 3): mean 2, sd 1; t_{0.95, 2} = 2.919986, so the limits are 2 +- 2.919986 /
    // sqrt(3) = 2 +- 1.685855.
    assertEquals(3.685855, SeedStatistics.upperLimit(new double[] {1, 2, 3}, 0.05), 1e-6);
    assertEquals(0.314145, SeedStatistics.lowerLimit(new double[] {1, 2, 3}, 0.05), 1e-6);
  }

  @Test
  void aBoundAboveTheUpperLimitHolds() {
    BoundValidityCheck.Row r =
        BoundValidityCheck.Row.of(
            "H-SGD",
            "numeric",
            new double[] {5, 5, 5},
            new double[] {1, 2, 3},
            NONE,
            true,
            SETTINGS);
    assertEquals(Verdict.HOLDS, r.verdict());
    assertEquals(3.685855, r.upperLimit(), 1e-6);
    assertEquals(2.5, r.ratio(), 1e-15);
    assertEquals(3.685855 - 5, r.excess(), 1e-6);
  }

  @Test
  void boundsFarAboveTheMeasurementHoldHoweverMuchTheyDifferBetweenSeeds() {
    // Estimated constants differ between seeds, and so do their bounds: seed by seed, each is
    // hundreds of times the measurement (three-level.yaml's numeric bounds of H-SGD).
    BoundValidityCheck.Row r =
        BoundValidityCheck.Row.of(
            "H-SGD",
            "numeric",
            new double[] {15.6, 36.9, 75.9},
            new double[] {0.0496, 0.0493, 0.0496},
            NONE,
            false,
            SETTINGS);
    assertEquals(Verdict.HOLDS, r.verdict(), r.reason());
    assertTrue(r.excess() > 0, "the differences alone would not tell: " + r.excess());
    assertTrue(r.reason().contains("as a ratio"), r.reason());
  }

  @Test
  void aMeasurementAboveTheBoundIsAViolationWithItsExcess() {
    BoundValidityCheck.Row r =
        BoundValidityCheck.Row.of(
            "H-SGD",
            "numeric",
            new double[] {1, 1, 1},
            new double[] {1.9, 2.0, 2.1},
            NONE,
            true,
            SETTINGS);
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertTrue(r.excess() > 0.9, "" + r.excess());
    assertTrue(r.reason().contains("exceeds the bound by 1.00"), r.reason());
    BoundValidityCheck check = BoundValidityCheck.of(List.of(r));
    assertEquals(Verdict.VIOLATED, check.verdict());
  }

  @Test
  void aBoundInsideTheConfidenceIntervalIsInconclusive() {
    BoundValidityCheck.Row r =
        BoundValidityCheck.Row.of(
            "H-SGD",
            "numeric",
            new double[] {2.5, 2.5, 2.5},
            new double[] {1, 2, 3},
            NONE,
            true,
            SETTINGS);
    assertEquals(Verdict.INCONCLUSIVE, r.verdict());
  }

  @Test
  void theMeasurementIsComparedSeedBySeed() {
    // B differs between seeds (their groupings differ): seed by seed it stays above.
    BoundValidityCheck.Row r =
        BoundValidityCheck.Row.of(
            "H-SGD",
            "numeric",
            new double[] {1.0, 3.0},
            new double[] {0.9, 2.9},
            NONE,
            true,
            SETTINGS);
    assertEquals(Verdict.HOLDS, r.verdict());
    assertEquals(-0.1, r.excess(), 1e-12);
  }

  @Test
  void oneSeedHasNoConfidenceLimit() {
    BoundValidityCheck.Row r =
        BoundValidityCheck.Row.of(
            "H-SGD", "numeric", new double[] {5}, new double[] {1}, NONE, false, SETTINGS);
    assertEquals(Verdict.INCONCLUSIVE, r.verdict());
    assertTrue(r.reason().contains("checkpoints only"), r.reason());
  }

  @Test
  void theExactExpectationDecidesWithoutAConfidenceLimit() {
    // Measurements straddle the bound, but the exact expectations sit below it on every seed.
    BoundValidityCheck.Row r =
        BoundValidityCheck.Row.of(
            "H-SGD",
            "closed form",
            new double[] {2, 3},
            new double[] {2.5, 1},
            new double[] {1.9, 2.5},
            true,
            SETTINGS);
    assertEquals(Verdict.HOLDS, r.verdict());
    assertEquals(-0.1, r.excess(), 1e-12);
    assertEquals(2.5 / 2.2, r.ratio(), 1e-12);
  }

  @Test
  void anExactExpectationAboveTheBoundIsAViolation() {
    BoundValidityCheck.Row r =
        BoundValidityCheck.Row.of(
            "H-SGD",
            "numeric",
            new double[] {2, 3},
            new double[] {1, 1},
            new double[] {1.9, 3.2},
            true,
            SETTINGS);
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertEquals(0.2, r.excess(), 1e-12);
    assertTrue(r.reason().contains("exceeds the bound by 0.200"), r.reason());
  }
}
