package org.hsgd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.data.Dataset;
import org.junit.jupiter.api.Test;

/** Sample-weighted averaging: by hand, equal to uniform for equal shards, and deterministic. */
class WeightingTest {
  private static final RunSettings.Weighting SAMPLES = RunSettings.Weighting.SAMPLES;

  /** F_j(x) = 1/2 (x - c_j)^2 with c = (0, 2), exact gradients, and 1 and 3 samples. */
  static final class Pair implements Problem<Integer> {
    private static final double[] CENTER = {0, 2};

    public int dimension() {
      return 1;
    }

    public int workers() {
      return 2;
    }

    public void initialPoint(double[] x) {
      x[0] = 4;
    }

    public Integer context(int worker, RandomStreams streams) {
      return worker;
    }

    public void stochasticGradient(double[] x, double[] grad, Integer worker) {
      grad[0] = x[0] - CENTER[worker];
    }

    public double lossAndFullGradient(double[] x, double[] grad, Integer worker) {
      grad[0] = x[0] - CENTER[worker];
      return 0.5 * grad[0] * grad[0];
    }

    public TestScore test(double[] x) {
      return TestScore.NONE;
    }

    @Override
    public long[] sampleCounts() {
      return new long[] {1, 3};
    }

    public double[] groupingKeys() {
      return new double[] {0, 1};
    }

    public Map<String, Object> describe() {
      return Map.of();
    }
  }

  @Test
  void everyAverageAndTheObjectiveAreWeightedBySamples() {
    // u_0 = 4: f = (1 * 8 + 3 * 2) / 4 = 3.5, grad f = (4 + 3 * 2) / 4 = 2.5, divergence
    // (1 * 1.5^2 + 3 * 0.5^2) / 4 = 0.75. One step of gamma 0.5 gives x = (2, 3), averaged with
    // weights 1 and 3 to 2.75: f = (2.75^2 / 2 + 3 * 0.75^2 / 2) / 4 = 1.15625, grad f = 1.25,
    // divergence (1.5^2 + 3 * 0.5^2) / 4 = 0.75.
    List<Measurement> trace =
        SimulationTest.run(
            new Pair(),
            Hierarchy.localSgd(2, 1),
            GroupingStrategy.SEQUENTIAL,
            new RunSettings(1, 0.5, 1).withWeighting(SAMPLES),
            1);
    assertEquals(3.5, trace.get(0).loss(), 1e-15);
    assertEquals(6.25, trace.get(0).gradNormSq(), 1e-15);
    assertEquals(0.75, trace.get(0).divergences().get(0), 1e-15);
    assertEquals(1.15625, trace.get(1).loss(), 1e-15);
    assertEquals(1.5625, trace.get(1).gradNormSq(), 1e-15);
    assertEquals(0.75, trace.get(1).divergences().get(0), 1e-15);
    // Uniform: the plain average 2.5, f = (2.5^2 + 0.5^2) / 4 = 1.625.
    List<Measurement> uniform =
        SimulationTest.run(
            new Pair(),
            Hierarchy.localSgd(2, 1),
            GroupingStrategy.SEQUENTIAL,
            new RunSettings(1, 0.5, 1),
            1);
    assertEquals(1.625, uniform.get(1).loss(), 1e-15);
  }

  @Test
  void withEqualShardsSampleWeightingIsUniformBitForBit() {
    Problem<?> p = Fixtures.classification(new MlpModel(5, 4, 3), 4, 0.001); // 3 x 20 samples
    RunSettings uniform =
        RunSettings.builder(30, 0.05, 10)
            .participation(List.of(0.67))
            .gradientAverage(RunSettings.GradientAverage.CHECKPOINTS)
            .build();
    assertEquals(
        SimulationTest.run(p, Hierarchy.localSgd(3, 4), GroupingStrategy.RANDOM, uniform, 2, 7)
            .checkpoints(),
        SimulationTest.run(
                p,
                Hierarchy.localSgd(3, 4),
                GroupingStrategy.RANDOM,
                uniform.withWeighting(SAMPLES),
                2,
                7)
            .checkpoints());
  }

  @Test
  void withUnequalShardsItDiffersAndStaysDeterministic() {
    Dataset data = Fixtures.smallData();
    int[][] shards = {range(0, 10), range(10, 40), range(40, 60)};
    ClassificationProblem p =
        new ClassificationProblem(
            new LogisticModel(data.features(), data.classes()),
            data,
            data,
            shards,
            4,
            0,
            new RandomStreams(3).stream(RandomStreams.Purpose.INIT, 0));
    RunSettings weighted = new RunSettings(24, 0.1, 8).withWeighting(SAMPLES);
    List<Measurement> one =
        SimulationTest.run(p, Hierarchy.localSgd(3, 4), GroupingStrategy.RANDOM, weighted, 1, 5)
            .checkpoints();
    List<Measurement> three =
        SimulationTest.run(p, Hierarchy.localSgd(3, 4), GroupingStrategy.RANDOM, weighted, 3, 5)
            .checkpoints();
    assertEquals(one, three, "the same numbers on any thread count");
    List<Measurement> uniform =
        SimulationTest.run(
                p,
                Hierarchy.localSgd(3, 4),
                GroupingStrategy.RANDOM,
                new RunSettings(24, 0.1, 8),
                1,
                5)
            .checkpoints();
    assertNotEquals(uniform.get(3).loss(), one.get(3).loss());
    assertNotEquals(uniform.get(0).gradNormSq(), one.get(0).gradNormSq(), "f itself is weighted");
  }

  private static int[] range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).toArray();
  }
}
