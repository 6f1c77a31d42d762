package org.hsgd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hsgd.bounds.ConvergenceBound;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.sim.RunSettings;
import org.junit.jupiter.api.Test;

class ExperimentRunnerTest {
  private static ExperimentSpec quadratic(Topology topology, RunSettings run) {
    return ExperimentSpec.builder(
            "q",
            QuadraticSpec.builder(QuadraticSpec.geometricEigenvalues(4, 0.5, 1))
                .initialPoint(List.of(2.0))
                .noiseVariance(0.5)
                .cosWeight(0.5)
                .build(),
            topology,
            run)
        .sandwich(!run.partialParticipation())
        .seeds(2)
        .build();
  }

  private static final Topology EQUAL = new Topology.Equal(Hierarchy.twoLevel(8, 2, 2, 8));

  @Test
  void theMemoryEstimateCountsTheEstimatorsBuffers() {
    ExperimentSpec exact = quadratic(EQUAL, new RunSettings(16, 0.05, 4));
    ExperimentSpec estimated = exact.withConstants(ConstantsSpec.ESTIMATED);
    int n = 8;
    long d = 4;
    int parts = Math.min(n, Runtime.getRuntime().availableProcessors());
    // Each worker's Lanczos direction, each thread's basis of 4 vectors and two buffers, and
    // contexts of its own: as much again as the problem's data, at most.
    double doubles = d * n + parts * d * (4 + 2);
    assertEquals(
        (long) (8 * doubles) + exact.problem().dataBytes(n),
        ExperimentRunner.memoryEstimate(estimated) - ExperimentRunner.memoryEstimate(exact));
  }

  @Test
  void runsEverySeedAndVariantOnTheSameStart() {
    List<Run> runs =
        ExperimentRunner.run(quadratic(EQUAL, new RunSettings(16, 0.05, 4)), 1, Progress.SILENT);
    assertEquals(
        List.of(
            "local-P2-seed1",
            "hsgd-seed1",
            "local-P8-seed1",
            "local-P2-seed2",
            "hsgd-seed2",
            "local-P8-seed2"),
        runs.stream().map(r -> r.variant().name() + "-seed" + r.seed()).toList());
    assertEquals(
        runs.get(0).trace().checkpoints().get(0), runs.get(2).trace().checkpoints().get(0));
    assertTrue(runs.stream().allMatch(r -> r.exactConstants().isPresent()));
  }

  @Test
  void theBoundBasisIsTheRunsScenarioOrAReason() {
    RunSettings run = new RunSettings(16, 0.05, 4);
    ExperimentSpec equal = quadratic(EQUAL, run);
    Run hsgd = ExperimentRunner.run(equal, 2, Progress.SILENT).get(1);
    BoundBasis.Available basis =
        assertInstanceOf(BoundBasis.Available.class, BoundBasis.of(equal, hsgd));
    assertEquals(Hierarchy.twoLevel(8, 2, 2, 8), basis.scenario().hierarchy());
    assertEquals(
        hsgd.exactConstants().get().divergencePerLevel(),
        basis.scenario().divergences().perLevel());
    assertTrue(basis.initialGapIsUpperBound()); // the cosine term: Delta is an upper bound
    assertTrue(ConvergenceBound.of(basis.scenario()).total(0.05, 16) > 0);

    Topology unequal = new Topology.Unequal(8, List.of(2L, 8L), List.of(List.of(3, 5)));
    ExperimentSpec unequalSpec = quadratic(unequal, run);
    Run uneven = ExperimentRunner.run(unequalSpec, 1, Progress.SILENT).get(1);
    assertEquals(
        "unequal groups: the theorem is stated for equal groups per level",
        assertInstanceOf(BoundBasis.Unavailable.class, BoundBasis.of(unequalSpec, uneven))
            .reason());

    RunSettings partial =
        RunSettings.builder(16, 0.05, 4)
            .participation(List.of(0.5, 1.0))
            .gradientAverage(RunSettings.GradientAverage.CHECKPOINTS)
            .build();
    ExperimentSpec partialSpec = quadratic(EQUAL, partial);
    Run sampled = ExperimentRunner.run(partialSpec, 1, Progress.SILENT).get(0);
    assertEquals(
        "partial participation, which the theorem does not cover",
        assertInstanceOf(BoundBasis.Unavailable.class, BoundBasis.of(partialSpec, sampled))
            .reason());
  }

  @Test
  void theTimeAverageDefaultsFollowTheProblemsCost() {
    assertEquals(
        RunSettings.GradientAverage.EVERY_ITERATION,
        ExperimentSpec.runSettings(QuadraticSpec.builder(List.of(1.0)).build(), 100, 0.1)
            .gradientAverage());
    ClassificationSpec mlp =
        new ClassificationSpec(
            new ModelSpec.Mlp(4, 0), new DataSpec.GaussianMixture(2, 2, 20, 1, 0.2));
    RunSettings settings = ExperimentSpec.runSettings(mlp, 100, 0.1);
    assertEquals(RunSettings.GradientAverage.CHECKPOINTS, settings.gradientAverage());
    assertEquals(5, settings.evalEvery());
  }
}
