package org.hsgd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.hsgd.bounds.Hierarchy;
import org.junit.jupiter.api.Test;

/**
 * FedAvg's participation: unsampled workers stay idle through the period and are overwritten by the
 * aggregate of the workers drawn; compute is counted; the numbers do not depend on threads.
 */
class ParticipationModeTest {
  private static final double GAMMA = 0.1;

  /** 8 workers in one dimension, starting at 1, whose gradients are constant: j + 1. */
  static final class Steady implements Problem<Integer> {
    public int dimension() {
      return 1;
    }

    public int workers() {
      return 8;
    }

    public void initialPoint(double[] x) {
      x[0] = 1;
    }

    public Integer context(int worker, RandomStreams streams) {
      return worker;
    }

    public void stochasticGradient(double[] x, double[] grad, Integer worker) {
      grad[0] = worker + 1;
    }

    public double lossAndFullGradient(double[] x, double[] grad, Integer worker) {
      grad[0] = worker + 1;
      return (worker + 1) * x[0];
    }

    public TestScore test(double[] x) {
      return TestScore.NONE;
    }

    public double[] groupingKeys() {
      return new double[8];
    }

    public Map<String, Object> describe() {
      return Map.of();
    }

    /** Worker j holds j + 1 samples (used with sample weighting only). */
    @Override
    public long[] sampleCounts() {
      return new long[] {1, 2, 3, 4, 5, 6, 7, 8};
    }
  }

  private static RunSettings idle(long iterations) {
    return RunSettings.builder(iterations, GAMMA, iterations)
        .participation(List.of(0.5))
        .gradientAverage(RunSettings.GradientAverage.CHECKPOINTS)
        .build()
        .withParticipationMode(RunSettings.ParticipationMode.IDLE_UNSAMPLED);
  }

  private static Simulation<Integer> start(RunSettings settings) {
    RandomStreams streams = new RandomStreams(9);
    Grouping g =
        Grouping.of(Hierarchy.localSgd(8, 4), GroupingStrategy.SEQUENTIAL, new double[8], null);
    return Simulation.start(new Steady(), g, settings, 1, streams);
  }

  @Test
  void unsampledWorkersKeepTheirModelAndTheAggregateOfTheOthersOverwritesThem() {
    try (Simulation<Integer> s = start(idle(8))) {
      s.advance(2);
      boolean[] stepped = new boolean[8];
      int active = 0;
      for (int j = 0; j < 8; j++) {
        double x = s.model(j)[0];
        stepped[j] = x != 1;
        if (stepped[j]) {
          assertEquals(1 - 2 * GAMMA * (j + 1), x, 1e-15, "worker " + j + " took both steps");
          active++;
        }
      }
      assertEquals(4, active, "half of the 8 workers are drawn for the period");
      s.advance(2); // t = 4: the aggregation
      double sum = 0;
      for (int j = 0; j < 8; j++) {
        sum += stepped[j] ? 1 - 4 * GAMMA * (j + 1) : 0;
      }
      for (int j = 0; j < 8; j++) {
        assertEquals(sum / 4, s.model(j)[0], 1e-15, "everyone gets the drawn workers' average");
      }
    }
  }

  @Test
  void theComputeSpentIsCounted() {
    Grouping g =
        Grouping.of(Hierarchy.localSgd(8, 4), GroupingStrategy.SEQUENTIAL, new double[8], null);
    Trace idle = Simulation.run(new Steady(), g, idle(8), 1, new RandomStreams(9), t -> {});
    Trace sampled =
        Simulation.run(
            new Steady(),
            g,
            idle(8).withParticipationMode(RunSettings.ParticipationMode.AVERAGE_SAMPLED),
            1,
            new RandomStreams(9),
            t -> {});
    assertEquals(2 * 4 * 4, idle.workerSteps(), "2 periods x 4 workers drawn x 4 steps");
    assertEquals(8 * 8, sampled.workerSteps());
  }

  @Test
  void theNumbersDoNotDependOnTheThreadCount() {
    Problem<?> p = Fixtures.classification(new MlpModel(5, 4, 3), 4, 0.001);
    RunSettings settings =
        RunSettings.builder(24, 0.05, 6)
            .participation(List.of(0.67))
            .gradientAverage(RunSettings.GradientAverage.CHECKPOINTS)
            .build()
            .withParticipationMode(RunSettings.ParticipationMode.IDLE_UNSAMPLED);
    assertEquals(
        SimulationTest.run(p, Hierarchy.localSgd(3, 4), GroupingStrategy.RANDOM, settings, 1, 3)
            .checkpoints(),
        SimulationTest.run(p, Hierarchy.localSgd(3, 4), GroupingStrategy.RANDOM, settings, 3, 3)
            .checkpoints());
  }

  @Test
  void aTwoLevelAggregateAveragesEachGroupsDrawnWorkersThenTheGroups() {
    // Two groups of 4, I = 2, G = 4, worker j weighing j + 1; half of each group's workers drawn
    // per level-1 period, every group at the top. At t = 4 the top aggregate is the average over
    // the groups, each by its full weight (10 and 26), of the weighted average of the workers it
    // drew for the period from t = 2, which started from the group's aggregate. (A flat average
    // over the workers drawn would weigh the groups by the weight drawn instead.)
    RunSettings settings =
        RunSettings.builder(4, GAMMA, 4)
            .participation(List.of(0.5, 1.0))
            .gradientAverage(RunSettings.GradientAverage.CHECKPOINTS)
            .build()
            .withParticipationMode(RunSettings.ParticipationMode.IDLE_UNSAMPLED)
            .withWeighting(RunSettings.Weighting.SAMPLES);
    Grouping g =
        Grouping.of(
            Hierarchy.twoLevel(8, 2, 2, 4), GroupingStrategy.SEQUENTIAL, new double[8], null);
    try (Simulation<Integer> s =
        Simulation.start(new Steady(), g, settings, 2, new RandomStreams(4))) {
      s.advance(2);
      double[] start = new double[8];
      for (int j = 0; j < 8; j++) {
        start[j] = s.model(j)[0];
      }
      assertEquals(start[0], start[3], 0, "the group's aggregate");
      s.advance(1);
      double expected = 0;
      double[] groupWeight = {10, 26};
      for (int group = 0; group < 2; group++) {
        double sum = 0;
        double weight = 0;
        int count = 0;
        for (int j = 4 * group; j < 4 * group + 4; j++) {
          if (s.model(j)[0] != start[j]) {
            sum += (j + 1) * (start[j] - 2 * GAMMA * (j + 1));
            weight += j + 1;
            count++;
          }
        }
        assertEquals(2, count);
        expected += groupWeight[group] / 36 * (sum / weight);
      }
      s.advance(1);
      for (int j = 0; j < 8; j++) {
        assertEquals(expected, s.model(j)[0], 1e-14);
      }
    }
  }
}
