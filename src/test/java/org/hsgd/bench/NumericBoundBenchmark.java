package org.hsgd.bench;

import java.util.concurrent.TimeUnit;
import org.hsgd.bounds.Divergences;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.NumericBound;
import org.hsgd.bounds.ProblemConstants;
import org.hsgd.bounds.Scenario;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Numeric bound speed at P_top = 32 and 4,096 (two levels, I = 4, 64 workers in 8 groups). Run:
 * {@code mvn -q test-compile exec:exec -Dbench=NumericBoundBenchmark} (figures in
 * docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NumericBoundBenchmark {
  @Param({"32", "4096"})
  long topPeriod;

  private NumericBound bound;

  @Setup
  public void setUp() {
    Hierarchy h = Hierarchy.twoLevel(64, 8, 4, topPeriod);
    bound =
        NumericBound.of(
            new Scenario(h, new ProblemConstants(1, 1, 10), Divergences.randomGrouping(h, 3)));
  }

  /** One evaluation at a given gamma and T: the recursion over one top period and rho*. */
  @Benchmark
  public double oneEvaluation() {
    return bound.total(1e-3, 100_000);
  }

  /** The bound minimised over gamma in (0, 1/L] at one T (grid, then Brent). */
  @Benchmark
  public double oneOptimalStepSize() {
    return bound.minimum(100_000);
  }
}
