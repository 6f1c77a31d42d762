package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.check.CheckSettings;
import org.hsgd.check.TimeAverageCheck;
import org.hsgd.check.Verdict;
import org.hsgd.experiment.ConstantsSpec;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.QuadraticSpec;
import org.hsgd.experiment.Topology;
import org.hsgd.sim.GroupingStrategy;
import org.hsgd.sim.RunSettings;
import org.hsgd.study.ExperimentJob;
import org.hsgd.study.ExperimentResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time averages against their bounds at every checkpoint. */
class TimeAverageCheckTest {
  /** A fresh builder each time: builders are mutable. */
  private static ExperimentSpec.Builder quadratic() {
    return quadratic(RunSettings.GradientAverage.EVERY_ITERATION);
  }

  private static ExperimentSpec.Builder quadratic(RunSettings.GradientAverage average) {
    return ExperimentSpec.builder(
            "q",
            QuadraticSpec.builder(List.of(1.0, 0.4)).noiseVariance(0.1).build(),
            new Topology.Equal(Hierarchy.twoLevel(8, 2, 2, 8)),
            RunSettings.builder(40, 0.05, 10).gradientAverage(average).build())
        .grouping(GroupingStrategy.SEQUENTIAL)
        .seeds(2);
  }

  private static TimeAverageCheck check(ExperimentSpec spec, Path dir) {
    ExperimentResult result = ExperimentJob.check(spec, CheckSettings.DEFAULT).run(dir);
    return result.check().orElseThrow().find(TimeAverageCheck.class).orElseThrow();
  }

  private static TimeAverageCheck.Row row(TimeAverageCheck c, String statement, String bound) {
    return c.rows().stream()
        .filter(r -> r.statement().equals(statement) && r.bound().equals(bound))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void onTheExactQuadraticEveryStatementHoldsAtEveryCheckpoint(@TempDir Path dir) throws Exception {
    TimeAverageCheck c = check(quadratic().build(), dir);
    assertEquals(Verdict.HOLDS, c.verdict(), c.detail());
    TimeAverageCheck.Row order = row(c, TimeAverageCheck.ORDER, "closed form");
    assertEquals(2 * 4, order.checkpoints(), "two seeds, t = 10, 20, 30, 40");
    assertEquals(1.0, order.share());
    TimeAverageCheck.Row numeric = row(c, TimeAverageCheck.ORDER, "numeric");
    assertEquals(Verdict.NOT_APPLICABLE, numeric.verdict(), "no theorem orders them");
    assertTrue(numeric.reason().startsWith("reported, not checked"), numeric.reason());
    long below =
        c.rows().stream()
            .filter(r -> r.statement().equals(TimeAverageCheck.BELOW))
            .filter(r -> r.verdict() == Verdict.HOLDS && r.share() == 1.0 && r.checkpoints() == 4)
            .count();
    assertEquals(6, below, "three variants, two bounds each");
    // The curves behind them, read back for the figure: every run at every checkpoint t > 0.
    assertEquals(3 * 2 * 4, c.curves().rowCount());
    assertTrue(Files.exists(dir.resolve("time-averages.csv")));
    assertTrue(Files.exists(dir.resolve("time-averages.pdf")));
    assertTrue(Files.exists(dir.resolve("check-time-averages.csv")));
  }

  @Test
  void aBoundBelowTheMeasuredTimeAverageIsViolated(@TempDir Path dir) {
    // Constants far too small: every bound is a guarantee at gamma, and below the measurement.
    ExperimentSpec spec =
        quadratic().constants(new ConstantsSpec.Given(1e-3, 0, 1e-9, List.of(0.0, 0.0), 0)).build();
    TimeAverageCheck c = check(spec, dir);
    assertEquals(Verdict.VIOLATED, c.verdict(), c.detail());
    TimeAverageCheck.Row below =
        c.rows().stream()
            .filter(r -> r.statement().equals(TimeAverageCheck.BELOW))
            .findFirst()
            .orElseThrow();
    assertEquals(Verdict.VIOLATED, below.verdict());
    assertEquals(0.0, below.share());
  }

  @Test
  void aBoundCrossedAtSomeCheckpointsIsViolatedWithItsShare(@TempDir Path dir) {
    // With sigma^2 = eps^2 = 0 the closed form is 2 Delta / (gamma t) + O(L): Delta is chosen so
    // that H-SGD's bound meets its measured mean at t = 20, above it before and below it after.
    TimeAverageCheck exact = check(quadratic().build(), dir.resolve("exact"));
    double at20 =
        exact.points().stream()
            .filter(p -> p.variant().startsWith("H-SGD") && p.iteration() == 20)
            .mapToDouble(TimeAverageCheck.Point::measured)
            .average()
            .orElseThrow();
    double delta = 0.05 * 20 * at20 / 2 * 1.01;
    TimeAverageCheck c =
        check(
            quadratic()
                .constants(new ConstantsSpec.Given(1e-6, 0, delta, List.of(0.0, 0.0), 0))
                .build(),
            dir.resolve("crossed"));
    TimeAverageCheck.Row hsgd =
        c.rows().stream()
            .filter(r -> r.statement().equals(TimeAverageCheck.BELOW))
            .filter(r -> r.variant().startsWith("H-SGD") && r.bound().equals("closed form"))
            .findFirst()
            .orElseThrow();
    assertTrue(hsgd.share() > 0 && hsgd.share() < 1, "" + hsgd.share());
    assertEquals(Verdict.VIOLATED, hsgd.verdict());
  }

  @Test
  void boundsOutOfOrderAreViolated(@TempDir Path dir) {
    // Local SGD's single-level eps^2 far below the levels' puts B(H-SGD) above B(local SGD P_K).
    ExperimentSpec spec =
        quadratic().constants(new ConstantsSpec.Given(2, 1, 3, List.of(0.5, 0.2), 0.001)).build();
    TimeAverageCheck c = check(spec, dir);
    TimeAverageCheck.Row order = row(c, TimeAverageCheck.ORDER, "closed form");
    assertEquals(Verdict.VIOLATED, order.verdict());
    assertEquals(Verdict.VIOLATED, c.verdict());
  }

  @Test
  void checkpointAveragesAreReportedNotChecked(@TempDir Path dir) {
    ExperimentSpec spec =
        quadratic(RunSettings.GradientAverage.CHECKPOINTS)
            .constants(new ConstantsSpec.Given(1e-3, 0, 1e-9, List.of(0.0, 0.0), 0))
            .build();
    TimeAverageCheck c = check(spec, dir);
    c.rows().stream()
        .filter(r -> r.statement().equals(TimeAverageCheck.BELOW))
        .forEach(
            r -> {
              assertEquals(Verdict.NOT_APPLICABLE, r.verdict());
              assertEquals(0.0, r.share(), "still reported");
            });
  }
}
