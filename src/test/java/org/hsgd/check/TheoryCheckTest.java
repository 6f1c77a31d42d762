package org.hsgd.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hsgd.bounds.Divergences;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.ProblemConstants;
import org.hsgd.bounds.Sandwich;
import org.hsgd.bounds.Scenario;
import org.hsgd.experiment.RunBounds;
import org.junit.jupiter.api.Test;

class TheoryCheckTest {
  private static final Hierarchy H = Hierarchy.twoLevel(16, 4, 4, 16);
  private static final ProblemConstants C = new ProblemConstants(1, 1, 10);

  @Test
  void theOrderPredicateRejectsEveryOutOfOrderTriple() {
    assertTrue(Sandwich.ordered(1, 2, 3));
    assertTrue(Sandwich.ordered(2, 2, 2));
    assertFalse(Sandwich.ordered(2, 1, 3));
    assertFalse(Sandwich.ordered(1, 3, 2));
    assertFalse(Sandwich.ordered(1, 2 * (1 + 1e-9), 2)); // beyond the rounding tolerance
  }

  @Test
  void consistentDivergencesGiveOrderedBoundsAtBothStepSizes() {
    Scenario s = new Scenario(H, C, Divergences.perLevel(1, 0.5));
    TheoryCheck check = TheoryCheck.of(List.of(7L), List.of(RunBounds.of(s, false, 0.01, 10_000)));
    assertEquals(Verdict.HOLDS, check.verdict());
    assertEquals(
        List.of("run", "optimal"), check.rows().stream().map(r -> r.gammaChoice()).toList());
    TheoryCheck.Row run = check.rows().get(0);
    assertEquals(7L, run.seed());
    assertEquals(List.of(0.01, 0.01, 0.01), run.gammas());
    assertTrue(run.excess() < 0);
    // gamma_max = 1 / (2 sqrt(16 * 15)) = 0.032275 for H-SGD and local SGD at P = 16; 1/(2
    // sqrt(12))
    // = 0.144338 for local SGD at P = 4.
    assertEquals(List.of(true, true, true), run.guaranteed());
    TheoryCheck.Row optimal = check.rows().get(1);
    assertTrue(optimal.gammas().get(0) > optimal.gammas().get(2), optimal.gammas().toString());
  }

  @Test
  void aSingleLevelEpsSmallerThanTheLevelsIsCaughtOutOfOrder() {
    // Injected: eps^2 = 0.01 for local SGD, while the levels of H-SGD carry 1 and 0.5. Then
    // B(H-SGD) exceeds B(local SGD at P_K): the theory check must say so, with the excess.
    Scenario s = new Scenario(H, C, Divergences.perLevel(new double[] {1, 0.5}, 0.01));
    TheoryCheck check = TheoryCheck.of(List.of(1L), List.of(RunBounds.of(s, false, 0.01, 10_000)));
    assertEquals(Verdict.VIOLATED, check.verdict());
    TheoryCheck.Row run = check.rows().get(0);
    double excess = run.bounds().get(1) - run.bounds().get(2);
    assertTrue(excess > 0);
    assertEquals(excess, run.excess(), 1e-15);
    assertEquals(Verdict.VIOLATED, run.verdict());
  }

  @Test
  void withoutAnInitialGapOnlyTheRunsStepSizeIsChecked() {
    Scenario s = new Scenario(H, new ProblemConstants(1, 1, 0), Divergences.perLevel(1, 0.5));
    TheoryCheck check = TheoryCheck.of(List.of(1L), List.of(RunBounds.of(s, false, 0.01, 100)));
    assertEquals(1, check.rows().size());
    assertEquals(Verdict.HOLDS, check.verdict());
  }
}
