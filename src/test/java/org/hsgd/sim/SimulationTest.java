package org.hsgd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hsgd.bounds.Hierarchy;
import org.junit.jupiter.api.Test;

class SimulationTest {
  private static final RunSettings ONE_STEP_EVALS = new RunSettings(40, 0.1, 1);

  static List<Measurement> run(
      Problem<?> p, Hierarchy h, GroupingStrategy strategy, RunSettings s, long seed) {
    return run(p, h, strategy, s, 1, seed).checkpoints();
  }

  static Trace run(
      Problem<?> p, Hierarchy h, GroupingStrategy strategy, RunSettings s, int threads, long seed) {
    RandomStreams streams = new RandomStreams(seed);
    Grouping g =
        Grouping.of(
            h, strategy, p.groupingKeys(), streams.stream(RandomStreams.Purpose.GROUPING, 0));
    return Simulation.run(p, g, s, threads, streams, t -> {});
  }

  /** F_j(x) = 1/2 |x - c_j|^2, but stochastic gradients that ignore x: g = c_j + noise. */
  static final class DriftProblem implements Problem<DriftProblem.Context> {
    static final class Context {
      final int worker;
      final org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian noise;

      Context(int worker, RandomStreams s) {
        this.worker = worker;
        this.noise =
            org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(
                s.stream(RandomStreams.Purpose.NOISE, worker));
      }
    }

    public int dimension() {
      return 5;
    }

    public int workers() {
      return 8;
    }

    public void initialPoint(double[] x) {
      java.util.Arrays.fill(x, 1);
    }

    public Context context(int worker, RandomStreams streams) {
      return new Context(worker, streams);
    }

    public void stochasticGradient(double[] x, double[] grad, Context c) {
      for (int i = 0; i < grad.length; i++) {
        grad[i] = c.worker - 3.5 + c.noise.sample();
      }
    }

    public double lossAndFullGradient(double[] x, double[] grad, Context c) {
      double loss = 0;
      for (int i = 0; i < x.length; i++) {
        grad[i] = x[i] - c.worker;
        loss += 0.5 * grad[i] * grad[i];
      }
      return loss;
    }

    public TestScore test(double[] x) {
      return TestScore.NONE;
    }

    public double[] groupingKeys() {
      return new double[] {3, 1, 4, 1, 5, 9, 2, 6};
    }

    public Map<String, Object> describe() {
      return Map.of();
    }
  }

  @Test
  void aggregationKeepsTheGlobalAverage() {
    // Gradients ignore x, so u_t = u_0 - gamma sum_s mean_j g_j(s) whatever is averaged when:
    // every hierarchy and grouping must reproduce the run that never aggregates.
    DriftProblem p = new DriftProblem();
    List<Measurement> never =
        run(p, Hierarchy.localSgd(8, 1000), GroupingStrategy.SEQUENTIAL, ONE_STEP_EVALS, 5);
    for (Hierarchy h :
        List.of(
            Hierarchy.localSgd(8, 1),
            Hierarchy.twoLevel(8, 4, 2, 6),
            Hierarchy.of(8, new int[] {4, 2}, new long[] {1, 3, 9}))) {
      for (GroupingStrategy strategy : GroupingStrategy.values()) {
        List<Measurement> trace = run(p, h, strategy, ONE_STEP_EVALS, 5);
        for (int t = 0; t < never.size(); t++) {
          assertEquals(
              never.get(t).loss(),
              trace.get(t).loss(),
              1e-12 * never.get(t).loss(),
              h.describe() + " " + strategy + " t=" + t);
        }
      }
    }
  }

  @Test
  void synchronousNoiselessQuadraticIsFullBatchGradientDescent() {
    QuadraticProblem p = Fixtures.quadratic(0, 0);
    double gamma = 0.3;
    RunSettings s = new RunSettings(30, gamma, 1);
    double[] a = {0.5, 1, 2};
    double[][] b = {{0, 1, 2}, {1, -1, 0}, {2, 2, -2}, {-1, 0, 1}};
    double[] mean = {0.5, 0.5, 0.25};
    for (Hierarchy h : List.of(Hierarchy.localSgd(4, 1), Hierarchy.twoLevel(4, 2, 1, 1))) {
      List<Measurement> trace = run(p, h, GroupingStrategy.RANDOM, s, 1);
      double[] x = {3, 3, 3};
      for (Measurement m : trace) {
        double loss = 0;
        double gradSq = 0;
        for (int i = 0; i < 3; i++) {
          for (double[] bj : b) {
            loss += 0.5 * a[i] * (x[i] - bj[i]) * (x[i] - bj[i]) / 4;
          }
          double g = a[i] * (x[i] - mean[i]);
          gradSq += g * g;
        }
        assertEquals(loss, m.loss(), 1e-12 * loss, "t=" + m.iteration());
        assertEquals(
            gradSq,
            m.gradNormSq(),
            1e-12 * Math.max(gradSq, 1e-300) + 1e-300,
            "t=" + m.iteration());
        for (int i = 0; i < 3; i++) {
          x[i] -= gamma * a[i] * (x[i] - mean[i]);
        }
      }
    }
  }

  @Test
  void twoWorkersByHand() {
    // n=2, d=1, A=1, b=(0,2), u_0=4, gamma=0.5, local SGD with P=2, no noise.
    // t=1: x=(4-0.5*4, 4-0.5*2)=(2,3), u=2.5: f=(2.5^2/2 + 0.5^2/2)/2=1.625, grad f=u-1=1.5
    // t=2: x=(2-0.5*2, 3-0.5*1)=(1,2.5), averaged to 1.75: f=(1.75^2/2+0.25^2/2)/2=0.78125, grad
    // 0.75
    // The divergence (1/2) sum_j |grad F_j - grad f|^2 = ((-1)^2 + 1^2)/2 = 1 at every point.
    QuadraticProblem p =
        new QuadraticProblem(
            new double[] {1},
            new double[][] {{0}, {2}},
            new double[] {4},
            0,
            0,
            new double[] {0, 1});
    List<Measurement> trace =
        run(
            p,
            Hierarchy.localSgd(2, 2),
            GroupingStrategy.SEQUENTIAL,
            new RunSettings(2, 0.5, 1),
            1);
    double[][] expected = {{0, 5, 9}, {1, 1.625, 2.25}, {2, 0.78125, 0.5625}};
    assertEquals(3, trace.size());
    for (int t = 0; t < 3; t++) {
      assertEquals((long) expected[t][0], trace.get(t).iteration());
      assertEquals(expected[t][1], trace.get(t).loss(), 1e-15);
      assertEquals(expected[t][2], trace.get(t).gradNormSq(), 1e-15);
      assertEquals(1.0, trace.get(t).divergences().get(0), 1e-15);
    }
  }

  @Test
  void measuredDivergencesOnTheQuadraticAreTheExactOnes() {
    QuadraticProblem p =
        QuadraticProblem.clustered(
            new double[] {0.2, 0.5, 1, 1.5},
            12,
            3,
            2,
            0.5,
            new double[] {1, 1, 1, 1},
            1.0,
            0.3,
            new RandomStreams(4).stream(RandomStreams.Purpose.DATA, 0));
    Hierarchy h = Hierarchy.of(12, new int[] {6, 3}, new long[] {2, 4, 8});
    for (GroupingStrategy strategy : GroupingStrategy.values()) {
      RandomStreams streams = new RandomStreams(9);
      Grouping g =
          Grouping.of(
              h, strategy, p.groupingKeys(), streams.stream(RandomStreams.Purpose.GROUPING, 0));
      ExactConstants exact = p.exactConstants(g);
      List<Measurement> trace =
          Simulation.run(p, g, new RunSettings(50, 0.05, 5), 2, streams, t -> {}).checkpoints();
      double sum = 0;
      for (int k = 1; k <= 3; k++) {
        sum += exact.divergencePerLevel().get(k - 1);
        for (Measurement m : trace) {
          assertEquals(
              exact.divergencePerLevel().get(k - 1),
              m.divergences().get(k - 1),
              1e-9 * exact.divergenceTotal(),
              strategy + " level " + k);
        }
      }
      assertEquals(exact.divergenceTotal(), sum, 1e-12 * sum);
      assertEquals(1.5 + 0.3, exact.smoothness(), 0);
    }
  }

  @Test
  void groupingStrategiesMoveDivergenceBetweenLevels() {
    // Three clusters of four workers. group-non-IID puts each cluster in one group (the upward term
    // carries the cluster spread); group-IID mixes every group (the downward term does).
    QuadraticProblem p =
        QuadraticProblem.clustered(
            new double[] {1, 1},
            12,
            3,
            5,
            0.1,
            new double[] {0, 0},
            0,
            0,
            new RandomStreams(2).stream(RandomStreams.Purpose.DATA, 0));
    Hierarchy h = Hierarchy.twoLevel(12, 3, 2, 4);
    ExactConstants nonIid =
        p.exactConstants(Grouping.of(h, GroupingStrategy.GROUP_NON_IID, p.groupingKeys(), null));
    ExactConstants iid =
        p.exactConstants(Grouping.of(h, GroupingStrategy.GROUP_IID, p.groupingKeys(), null));
    assertTrue(
        nonIid.divergencePerLevel().get(1) > 10 * nonIid.divergencePerLevel().get(0),
        nonIid.toString());
    assertTrue(
        iid.divergencePerLevel().get(0) > 10 * iid.divergencePerLevel().get(1), iid.toString());
    assertEquals(nonIid.divergenceTotal(), iid.divergenceTotal(), 1e-9 * iid.divergenceTotal());
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    for (Problem<?> p :
        List.<Problem<?>>of(
            Fixtures.quadratic(1, 0.5), Fixtures.classification(new MlpModel(5, 4, 3), 4, 0.001))) {
      int n = p.workers();
      Hierarchy h = n == 4 ? Hierarchy.twoLevel(4, 2, 2, 4) : Hierarchy.localSgd(n, 3);
      RunSettings one = new RunSettings(60, 0.05, 7);
      List<Measurement> a = run(p, h, GroupingStrategy.RANDOM, one, 21);
      List<Measurement> b = run(p, h, GroupingStrategy.RANDOM, one, 2, 21).checkpoints();
      List<Measurement> c = run(p, h, GroupingStrategy.RANDOM, one, 3, 21).checkpoints();
      for (int i = 0; i < a.size(); i++) {
        assertEquals(a.get(i).loss(), b.get(i).loss(), 0);
        assertEquals(a.get(i).loss(), c.get(i).loss(), 0);
        assertEquals(a.get(i).gradNormSq(), c.get(i).gradNormSq(), 0);
        assertEquals(a.get(i).divergences(), c.get(i).divergences());
        assertEquals(a.get(i).testAccuracy(), c.get(i).testAccuracy(), 0);
        assertEquals(a.get(i).testLoss(), c.get(i).testLoss(), 0);
      }
      assertNotEquals(
          a.get(a.size() - 1).loss(),
          run(p, h, GroupingStrategy.RANDOM, one, 22).get(a.size() - 1).loss(),
          "the seed matters");
    }
  }

  @Test
  void stepsTakenInOneGoUpToTheNextAggregationEqualStepByStep() {
    Map<Problem<?>, Hierarchy> cases =
        Map.of(
            Fixtures.classification(new MlpModel(5, 4, 3), 4, 0.001),
            Hierarchy.localSgd(3, 4),
            Fixtures.quadratic(1, 0.5),
            Hierarchy.twoLevel(4, 2, 3, 6));
    cases.forEach(
        (p, h) -> {
          List<Measurement> stepByStep =
              run(p, h, GroupingStrategy.RANDOM, new RunSettings(30, 0.05, 1), 2, 5).checkpoints();
          List<Measurement> inOneGo =
              run(p, h, GroupingStrategy.RANDOM, new RunSettings(30, 0.05, 30), 2, 5).checkpoints();
          // The running time average runs over the checkpoints, which differ: all else equal.
          assertEquals(stepByStep.get(30).withRunningMean(0), inOneGo.get(1).withRunningMean(0));
        });
  }

  @Test
  void aTraceMeasuredElsewhereIsAveragedAsTheSimulatorAveragesItsCheckpoints() {
    RunSettings s =
        RunSettings.builder(45, 0.05, 10)
            .gradientAverage(RunSettings.GradientAverage.CHECKPOINTS)
            .build();
    Trace simulated =
        run(
            Fixtures.quadratic(0.2, 0.5),
            Hierarchy.twoLevel(4, 2, 2, 4),
            GroupingStrategy.RANDOM,
            s,
            1,
            5);
    Trace rebuilt =
        Trace.atCheckpoints(
            simulated.checkpoints().stream().map(m -> m.withRunningMean(-1)).toList(),
            simulated.workerSteps(),
            simulated.wallSeconds());
    assertEquals(simulated, rebuilt);
  }

  @Test
  void aTraceAtCheckpointsAveragesTheCheckpointsBelowTheHorizon() {
    List<Measurement> measured =
        List.of(
            new Measurement(0, 9, 4, 0, Double.NaN, Double.NaN, List.of(1.0)),
            new Measurement(10, 7, 2, 0, Double.NaN, Double.NaN, List.of(1.0)),
            new Measurement(15, 5, 100, 0, Double.NaN, Double.NaN, List.of(1.0)));
    Trace t = Trace.atCheckpoints(measured, 60, Double.NaN);
    assertEquals(3.0, t.meanGradNormSq()); // (4 + 2) / 2: the checkpoint at T is not averaged
    assertEquals(2, t.averagedIterations());
    assertTrue(Double.isNaN(t.checkpoints().get(0).runningMean()));
    assertEquals(4.0, t.checkpoints().get(1).runningMean());
    assertEquals(RunSettings.GradientAverage.CHECKPOINTS, t.gradientAverage());
  }

  @Test
  void partialParticipationIsSeededAndChangesTheRun() {
    DriftProblem p = new DriftProblem();
    Hierarchy h = Hierarchy.twoLevel(8, 4, 2, 4);
    RunSettings half =
        RunSettings.builder(40, 0.1, 1)
            .participation(List.of(0.5, 0.5))
            .gradientAverage(RunSettings.GradientAverage.CHECKPOINTS)
            .build();
    List<Measurement> a = run(p, h, GroupingStrategy.SEQUENTIAL, half, 2, 3).checkpoints();
    List<Measurement> b = run(p, h, GroupingStrategy.SEQUENTIAL, half, 3);
    List<Measurement> full = run(p, h, GroupingStrategy.SEQUENTIAL, ONE_STEP_EVALS, 3);
    assertEquals(a, b);
    // Only part of each group is averaged, so the global average moves: u_t differs from the full
    // run.
    assertNotEquals(full.get(40).loss(), a.get(40).loss());
  }

  @Test
  void aDivergingRunStopsWithAClearErrorOfItsOwnKind() {
    QuadraticProblem p = Fixtures.quadratic(0, 0);
    DivergedException e =
        assertThrows(
            DivergedException.class,
            () ->
                run(
                    p,
                    Hierarchy.localSgd(4, 1),
                    GroupingStrategy.SEQUENTIAL,
                    new RunSettings(5000, 50, 100),
                    1));
    assertTrue(e.getMessage().startsWith("gamma must keep the run finite"), e.getMessage());
    assertTrue(e.getMessage().endsWith("; found gamma=50.0"), e.getMessage());
  }

  @Test
  void theTimeAverageRunsOverEveryIterationOrTheCheckpoints() {
    QuadraticProblem p = Fixtures.quadratic(1, 0.5);
    Hierarchy h = Hierarchy.twoLevel(4, 2, 2, 4);
    List<Measurement> everyT =
        run(p, h, GroupingStrategy.SEQUENTIAL, new RunSettings(30, 0.1, 1), 8);
    double all =
        everyT.stream()
            .filter(m -> m.iteration() < 30)
            .mapToDouble(Measurement::gradNormSq)
            .average()
            .orElseThrow();
    double checkpoints =
        everyT.stream()
            .filter(m -> m.iteration() % 7 == 0 && m.iteration() < 30)
            .mapToDouble(Measurement::gradNormSq)
            .average()
            .orElseThrow();
    Trace exact =
        run(
            p,
            h,
            GroupingStrategy.SEQUENTIAL,
            RunSettings.builder(30, 0.1, 7)
                .participation(List.of())
                .gradientAverage(RunSettings.GradientAverage.EVERY_ITERATION)
                .build(),
            2,
            8);
    assertEquals(all, exact.meanGradNormSq(), 1e-12 * all);
    assertEquals(30, exact.averagedIterations());
    assertEquals(
        List.of(0L, 7L, 14L, 21L, 28L, 30L),
        exact.checkpoints().stream().map(Measurement::iteration).toList());
    Trace sampled = run(p, h, GroupingStrategy.SEQUENTIAL, new RunSettings(30, 0.1, 7), 1, 8);
    assertEquals(checkpoints, sampled.meanGradNormSq(), 1e-12 * checkpoints);
    assertEquals(5, sampled.averagedIterations());
    assertNotEquals(exact.meanGradNormSq(), sampled.meanGradNormSq());
  }
}
