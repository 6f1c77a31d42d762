package org.hsgd.bench;

import java.util.concurrent.TimeUnit;
import org.hsgd.bounds.ConvergenceBound;
import org.hsgd.bounds.Divergences;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.ProblemConstants;
import org.hsgd.bounds.Sandwich;
import org.hsgd.bounds.Scenario;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bound calculator speed. Run: {@code mvn -q test-compile exec:exec -Dbench=BoundBenchmark}
 * (figures in docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BoundBenchmark {
  private static final int POINTS = 1_000_000;
  private ProblemConstants constants = new ProblemConstants(1, 1, 10);
  private Hierarchy hierarchy = Hierarchy.twoLevel(64, 8, 4, 32);
  private Scenario scenario =
      new Scenario(hierarchy, constants, Divergences.randomGrouping(hierarchy, 3));
  private ConvergenceBound bound = ConvergenceBound.of(scenario);

  /** From a scenario to its four terms: coefficients, gamma_max and evaluation. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public double oneEvaluation() {
    return ConvergenceBound.of(scenario).terms(0.01, 100_000).total();
  }

  /** The bound minimised over gamma at one T (Brent solver on the cubic). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public double oneOptimalStepSize() {
    return bound.minimum(100_000);
  }

  /** A million-point sweep of gamma over (0, gamma_max]: the bound's coefficients are reused. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public double sweepStepSizeMillionPoints() {
    double gmax = bound.stepSizeLimit();
    double sum = 0;
    for (int i = 1; i <= POINTS; i++) {
      sum += bound.total(gmax * i / POINTS, 100_000);
    }
    return sum;
  }

  /**
   * A million-point sweep of the global period: each point builds its hierarchy, random-grouping
   * divergences and sandwich, and evaluates all three bounds at one gamma.
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public double sweepGlobalPeriodMillionPoints() {
    double sum = 0;
    for (int i = 1; i <= POINTS; i++) {
      Hierarchy h = Hierarchy.twoLevel(64, 8, 4, 4L * i);
      Sandwich s = Sandwich.of(new Scenario(h, constants, Divergences.randomGrouping(h, 3)));
      sum +=
          s.lower().total(1e-4, 100_000)
              + s.hsgd().total(1e-4, 100_000)
              + s.upper().total(1e-4, 100_000);
    }
    return sum;
  }
}
