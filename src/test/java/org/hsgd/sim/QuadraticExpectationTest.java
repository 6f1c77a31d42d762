package org.hsgd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hsgd.Invalid;
import org.hsgd.bounds.ConvergenceBound;
import org.hsgd.bounds.Divergences;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.NumericBound;
import org.hsgd.bounds.ProblemConstants;
import org.hsgd.bounds.Scenario;
import org.junit.jupiter.api.Test;

class QuadraticExpectationTest {
  private static final Hierarchy H = Hierarchy.twoLevel(4, 2, 2, 4);

  private static Grouping sequential(Problem<?> p, Hierarchy h) {
    return Grouping.of(
        h,
        GroupingStrategy.SEQUENTIAL,
        p.groupingKeys(),
        new RandomStreams(1).stream(RandomStreams.Purpose.GROUPING, 0));
  }

  @Test
  void withoutNoiseTheExpectationIsTheRunItself() {
    QuadraticProblem p = Fixtures.quadratic(0, 0);
    Grouping g = sequential(p, H);
    RunSettings s = new RunSettings(12, 0.1, 1);
    QuadraticExpectation exact = QuadraticExpectation.of(p, g, s);
    List<Measurement> run = Simulation.run(p, g, s, 1, new RandomStreams(3), t -> {}).checkpoints();
    for (int t = 0; t <= 12; t++) {
      assertEquals(run.get(t).gradNormSq(), exact.gradNormSq()[t], 1e-12, "t=" + t);
    }
  }

  @Test
  void matchesAMonteCarloOfTheSimulatorWithinSamplingError() {
    QuadraticProblem p = Fixtures.quadratic(2, 0);
    Grouping g = sequential(p, H);
    RunSettings s = new RunSettings(20, 0.15, 1);
    QuadraticExpectation exact = QuadraticExpectation.of(p, g, s);
    int seeds = 400;
    double[][] samples = new double[21][seeds];
    double[] averages = new double[seeds];
    for (int r = 0; r < seeds; r++) {
      Trace trace = Simulation.run(p, g, s, 1, new RandomStreams(100 + r), t -> {});
      for (int t = 0; t <= 20; t++) {
        samples[t][r] = trace.checkpoints().get(t).gradNormSq();
      }
      averages[r] = trace.meanGradNormSq();
    }
    for (int t = 1; t <= 20; t++) {
      assertWithinSamplingError(exact.gradNormSq()[t], samples[t], "t=" + t);
    }
    assertWithinSamplingError(exact.meanGradNormSq(), averages, "time average");
    assertTrue(exact.deviation()[0] == 0 && exact.deviation()[3] > 0);
  }

  /** |mean - expected| within 4 standard errors: fails by chance about once in 16,000 checks. */
  static void assertWithinSamplingError(double expected, double[] samples, String what) {
    double mean = 0;
    for (double v : samples) {
      mean += v / samples.length;
    }
    double var = 0;
    for (double v : samples) {
      var += (v - mean) * (v - mean) / (samples.length - 1);
    }
    double error = Math.sqrt(var / samples.length);
    assertTrue(
        Math.abs(mean - expected) <= 4 * error,
        what + ": Monte-Carlo " + mean + " +- " + error + ", exact " + expected);
  }

  @Test
  void bothBoundsStayAboveTheExactExpectation() {
    // gamma up to 1/L: the closed form only up to its gamma_max, the numeric bound up to 1/L.
    QuadraticProblem p = Fixtures.quadratic(1, 0);
    Grouping g = sequential(p, H);
    ExactConstants c = p.exactConstants(g);
    Scenario scenario =
        new Scenario(
            H,
            new ProblemConstants(c.smoothness(), c.noiseVariance(), c.initialGap()),
            Divergences.perLevel(
                c.divergencePerLevel().stream().mapToDouble(Double::doubleValue).toArray(),
                c.divergenceTotal()));
    ConvergenceBound closed = ConvergenceBound.of(scenario);
    NumericBound numeric = NumericBound.of(scenario);
    for (double gamma : new double[] {0.01, 0.05, closed.stepSizeLimit(), 0.3, 0.5}) {
      for (long horizon : new long[] {1, 5, 50, 400}) {
        double exact =
            QuadraticExpectation.of(p, g, new RunSettings(horizon, gamma, 1)).meanGradNormSq();
        assertTrue(numeric.total(gamma, horizon) >= exact, gamma + ", " + horizon);
        if (closed.admits(gamma)) {
          assertTrue(closed.total(gamma, horizon) >= numeric.total(gamma, horizon));
        }
      }
    }
  }

  @Test
  void refusesWhatItCannotComputeExactly() {
    Grouping g = sequential(Fixtures.quadratic(1, 0), H);
    assertEquals(
        "problem.type",
        Invalid.field(
            () ->
                QuadraticExpectation.of(
                    Fixtures.quadratic(1, 0.5), g, new RunSettings(5, 0.1, 1))));
    RunSettings partial =
        RunSettings.builder(5, 0.1, 1)
            .participation(List.of(0.5, 1.0))
            .gradientAverage(RunSettings.GradientAverage.CHECKPOINTS)
            .build();
    assertEquals(
        "participation",
        Invalid.field(() -> QuadraticExpectation.of(Fixtures.quadratic(1, 0), g, partial)));
  }
}
