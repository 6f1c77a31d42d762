package org.hsgd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hsgd.bounds.BoundKind;
import org.hsgd.bounds.Divergences;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.ProblemConstants;
import org.hsgd.bounds.Scenario;
import org.hsgd.experiment.RunBounds.Side;
import org.hsgd.experiment.RunBounds.StepSize;
import org.hsgd.sim.RunSettings;
import org.junit.jupiter.api.Test;

/** The bounds at a run, against values computed by hand from THEORY.md's closed form. */
class RunBoundsTest {
  /**
   * n = 4 in 2 groups, I = 2, G = 4; L = sigma^2 = Delta = 1; eps_1^2 = 0.5, eps_2^2 = 0.25 and a
   * single-level eps^2 = 1 for local SGD.
   */
  private static final Scenario TWO_LEVEL =
      new Scenario(
          Hierarchy.twoLevel(4, 2, 2, 4),
          new ProblemConstants(1, 1, 1),
          Divergences.perLevel(new double[] {0.5, 0.25}, 1));

  @Test
  void theClosedFormOfEachSideAtTheRunsStepSizeMatchesTheHandValue() {
    RunBounds bounds = RunBounds.of(TWO_LEVEL, true, 0.1, 100);
    // B = 2 Delta/(gamma T) + gamma L sigma^2/n + 2 gamma^2 L^2 sigma^2 sum_k
    // (P_k-1)(N_{k-1}-N_k)/n
    //     + (4/3) gamma^2 L^2 sum_k (P_k-1)(2 P_k-1) eps_k^2, with 2/(0.1 * 100) = 0.2, 0.1/4 =
    // 0.025:
    // H-SGD: noise weight 1 * 2/4 + 3 * 1/4 = 1.25, divergence weight 1*3*0.5 + 3*7*0.25 = 6.75.
    assertEquals(0.2 + 0.025 + 0.025 + 0.09, bounds.own(BoundKind.CLOSED).value(), 1e-12);
    // Local SGD at P = 2: weights 1 * 3/4 = 0.75 and 1*3*1 = 3.
    RunBounds.Value lower = bounds.at(BoundKind.CLOSED, Side.LOCAL_BOTTOM, StepSize.RUN);
    assertEquals(0.2 + 0.025 + 0.015 + 0.04, lower.value(), 1e-12);
    // Local SGD at P = 4: weights 3 * 3/4 = 2.25 and 3*7*1 = 21.
    RunBounds.Value upper = bounds.at(BoundKind.CLOSED, Side.LOCAL_TOP, StepSize.RUN);
    assertEquals(0.2 + 0.025 + 0.045 + 0.28, upper.value(), 1e-12);
    // gamma_max = 1 / (2 L sqrt(P_top (P_top - 1))): 1/(2 sqrt 12) for P_top = 4.
    assertEquals(1 / (2 * Math.sqrt(12)), upper.stepSizeLimit(), 1e-15);
    assertTrue(upper.guaranteed());
    assertEquals(0.1, upper.gamma());
    assertEquals(100, upper.horizon());
    assertTrue(bounds.initialGapIsUpperBound());
  }

  @Test
  void aStepSizeAboveGammaMaxIsComputedButNoGuarantee() {
    RunBounds bounds = RunBounds.of(TWO_LEVEL, false, 0.2, 100);
    RunBounds.Value own = bounds.own(BoundKind.CLOSED);
    assertFalse(own.guaranteed());
    assertTrue(Double.isNaN(own.guaranteedValue()));
    assertEquals(2 / 20.0 + 0.05 + 2 * 0.04 * 1.25 + 4.0 / 3 * 0.04 * 6.75, own.value(), 1e-12);
    // 1 / (2 sqrt(12)) = 0.1443...
    assertEquals("no guarantee: gamma = 0.200 > gamma_max = 0.144 (L = 1.00)", own.reason());
    // Local SGD at P = 2 has the larger gamma_max 1/(2 sqrt 2): still a guarantee there.
    assertTrue(bounds.at(BoundKind.CLOSED, Side.LOCAL_BOTTOM, StepSize.RUN).guaranteed());
    // The numeric bound is proven up to 1/L = 1.
    assertTrue(bounds.own(BoundKind.NUMERIC).guaranteed());
    RunBounds.Value beyond = RunBounds.of(TWO_LEVEL, false, 1.5, 100).own(BoundKind.NUMERIC);
    assertFalse(beyond.guaranteed());
    assertEquals("no guarantee: gamma = 1.50 > 1/L = 1.00 (L = 1.00)", beyond.reason());
  }

  @Test
  void theNumericBoundIsTighterThanTheClosedFormAndLeftOutForHugeTopPeriods() {
    RunBounds bounds = RunBounds.of(TWO_LEVEL, false, 0.1, 100);
    double numeric = bounds.own(BoundKind.NUMERIC).value();
    assertTrue(numeric > 0 && numeric <= bounds.own(BoundKind.CLOSED).value(), "" + numeric);
    Scenario huge =
        new Scenario(
            Hierarchy.localSgd(2, (1L << 22) + 2),
            new ProblemConstants(1, 1, 1),
            Divergences.perLevel(new double[] {1}, 1));
    RunBounds.Value left = RunBounds.of(huge, false, 1e-9, 100).own(BoundKind.NUMERIC);
    assertTrue(Double.isNaN(left.value()));
    assertEquals("P_top above 4194304", left.reason());
  }

  @Test
  void theOptimalStepSizeIsOfferedOnlyWithAnInitialGap() {
    RunBounds withGap = RunBounds.of(TWO_LEVEL, false, 0.1, 100);
    assertEquals(List.of(StepSize.RUN, StepSize.OPTIMAL), withGap.stepSizes());
    assertEquals(StepSize.OPTIMAL, withGap.curveStepSize());
    RunBounds.Value best = withGap.at(BoundKind.CLOSED, Side.OWN, StepSize.OPTIMAL);
    assertTrue(best.value() <= withGap.own(BoundKind.CLOSED).value());
    assertTrue(best.gamma() <= best.stepSizeLimit());
    Scenario noGap =
        new Scenario(TWO_LEVEL.hierarchy(), new ProblemConstants(1, 1, 0), TWO_LEVEL.divergences());
    RunBounds without = RunBounds.of(noGap, false, 0.1, 100);
    assertEquals(List.of(StepSize.RUN), without.stepSizes());
    assertEquals(StepSize.RUN, without.curveStepSize());
  }

  @Test
  void curvesVaryTheTopPeriodAtTThenTheHorizonAtG() {
    RunBounds bounds = RunBounds.of(TWO_LEVEL, false, 0.1, 100);
    List<RunBounds.CurvePoint> points = bounds.curves(StepSize.RUN);
    // G = 4, 8, ..., 64 (from twice I, doubling up to T), 3 sides, 2 bounds each, all at T.
    List<RunBounds.CurvePoint> alongG =
        points.stream().filter(p -> p.varied().equals("G")).toList();
    assertEquals(5 * 3 * 2, alongG.size());
    assertEquals(
        List.of(4L, 8L, 16L, 32L, 64L),
        alongG.stream().map(RunBounds.CurvePoint::topPeriod).distinct().toList());
    assertTrue(alongG.stream().allMatch(p -> p.value().horizon() == 100));
    RunBounds.CurvePoint own =
        alongG.stream()
            .filter(
                p ->
                    p.topPeriod() == 4
                        && p.side() == Side.OWN
                        && p.value().kind() == BoundKind.CLOSED)
            .findFirst()
            .orElseThrow();
    assertEquals(bounds.own(BoundKind.CLOSED), own.value());
    List<RunBounds.CurvePoint> alongT =
        points.stream().filter(p -> p.varied().equals("T")).toList();
    assertTrue(alongT.stream().allMatch(p -> p.topPeriod() == 4));
    List<Long> horizons = alongT.stream().map(p -> p.value().horizon()).distinct().toList();
    assertEquals(4L, horizons.get(0));
    assertEquals(10_000L, horizons.get(horizons.size() - 1));
    assertTrue(horizons.contains(100L));
  }

  @Test
  void aRunWithoutABasisGivesItsReasonForEveryBound() {
    RunSettings partial =
        RunSettings.builder(16, 0.05, 4)
            .participation(List.of(0.5, 1.0))
            .gradientAverage(RunSettings.GradientAverage.CHECKPOINTS)
            .build();
    ExperimentSpec spec =
        ExperimentSpec.builder(
                "partial",
                QuadraticSpec.builder(List.of(1.0)).build(),
                new Topology.Equal(Hierarchy.twoLevel(8, 2, 2, 8)),
                partial)
            .build();
    Run run = ExperimentRunner.run(spec, 1, Progress.SILENT).get(0);
    RunBounds bounds = RunBounds.of(spec, run);
    assertFalse(bounds.applies());
    assertEquals("partial participation, which the theorem does not cover", bounds.reason());
    RunBounds.Value none = bounds.own(BoundKind.NUMERIC);
    assertTrue(Double.isNaN(none.value()));
    assertEquals(bounds.reason(), none.reason());
  }

  @Test
  void anEqualRunTakesItsHierarchyFromTheSpecAndItsConstantsFromTheRun() {
    ExperimentSpec spec =
        ExperimentSpec.builder(
                "equal",
                QuadraticSpec.builder(List.of(1.0, 0.5)).build(),
                new Topology.Equal(Hierarchy.twoLevel(8, 2, 2, 8)),
                new RunSettings(16, 0.05, 4))
            .sandwich(true)
            .build();
    List<Run> runs = ExperimentRunner.run(spec, 1, Progress.SILENT);
    RunBounds hsgd = RunBounds.of(spec, runs.get(1));
    assertEquals(Hierarchy.twoLevel(8, 2, 2, 8), hsgd.scenario().hierarchy());
    assertEquals(
        runs.get(1).exactConstants().get().smoothness(), hsgd.scenario().constants().smoothness());
    assertEquals(Hierarchy.localSgd(8, 2), RunBounds.of(spec, runs.get(0)).scenario().hierarchy());
    // Explicit groups of equal sizes are a hierarchy too; unequal ones are not.
    Topology equalSizes = new Topology.Unequal(8, List.of(2L, 8L), List.of(List.of(4, 4)));
    assertEquals(Hierarchy.twoLevel(8, 2, 2, 8), equalSizes.equalHierarchy().orElseThrow());
    Topology unequal = new Topology.Unequal(8, List.of(2L, 8L), List.of(List.of(3, 5)));
    assertTrue(unequal.equalHierarchy().isEmpty());
  }
}
