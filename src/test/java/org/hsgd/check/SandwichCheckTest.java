package org.hsgd.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hsgd.sim.Measurement;
import org.hsgd.sim.RunSettings;
import org.hsgd.sim.Trace;
import org.junit.jupiter.api.Test;

public class SandwichCheckTest {
  private static final List<String> LABELS = List.of("P=4", "H-SGD", "P=32");

  /** Checkpoints t = 0, 10, ..., 100; loss from 2 down to {@code last}, |grad|^2 averaging g. */
  static Trace trace(double last, double g) {
    List<Measurement> points = new ArrayList<>();
    for (int t = 0; t <= 100; t += 10) {
      double loss = 2 + (last - 2) * t / 100.0;
      points.add(new Measurement(t, loss, g, Double.NaN, Double.NaN, Double.NaN, List.of(0.0)));
    }
    return new Trace(points, g, 10, RunSettings.GradientAverage.CHECKPOINTS, 800, 0);
  }

  public static List<Trace> seeds(double last, double g, double jitter) {
    return List.of(trace(last, g), trace(last + jitter, g + jitter), trace(last - jitter, g));
  }

  @Test
  void hsgdBetweenTheLocalRunsHolds() {
    SandwichCheck c =
        SandwichCheck.of(
            LABELS,
            seeds(0.3, 0.1, 0.01),
            seeds(0.4, 0.2, 0.012),
            seeds(0.6, 0.5, 0.008),
            CheckSettings.DEFAULT);
    assertEquals(Verdict.HOLDS, c.verdict());
    assertEquals(1.0, c.checkpointShare(), 0);
    assertEquals(1 / 3.0, c.position(), 1e-9); // final-window loss 0.4 between 0.3 and 0.6
    assertEquals(4, c.rows().size());
    assertTrue(c.detail().endsWith("sits at 0.333 between P_1 (0) and P_K (1)"), c.detail());
  }

  @Test
  void runsThatCoincideAreSaidToInsteadOfSittingAtNaN() {
    SandwichCheck c =
        SandwichCheck.of(
            LABELS,
            seeds(0.3, 0.1, 0.01),
            seeds(0.3, 0.1, 0.01),
            seeds(0.3, 0.1, 0.01),
            CheckSettings.DEFAULT);
    assertTrue(Double.isNaN(c.position()));
    assertTrue(c.detail().endsWith("the final-window losses of P_1 and P_K coincide"), c.detail());
  }

  @Test
  void hsgdBelowLocalSgdAtTheBottomPeriodIsAViolation() {
    // Injected: H-SGD ends lower than local SGD at P_1 on every seed.
    SandwichCheck c =
        SandwichCheck.of(
            LABELS,
            seeds(0.4, 0.2, 0.01),
            seeds(0.3, 0.1, 0.012),
            seeds(0.6, 0.5, 0.008),
            CheckSettings.DEFAULT);
    assertEquals(Verdict.VIOLATED, c.verdict());
    SandwichCheck.Row lossBottom = c.rows().get(0);
    assertEquals(Verdict.VIOLATED, lossBottom.order().verdict());
    assertTrue(lossBottom.order().reason().startsWith("reversed by"), lossBottom.order().reason());
    assertTrue(c.position() < 0);
  }

  @Test
  void runsThatCannotBeToldApartAreInconclusive() {
    // As on a convex quadratic: the three algorithms give the same u_t.
    List<Trace> same = seeds(0.3, 0.1, 0.01);
    SandwichCheck c = SandwichCheck.of(LABELS, same, same, same, CheckSettings.DEFAULT);
    assertEquals(Verdict.INCONCLUSIVE, c.verdict());
    c.metrics().forEach(m -> assertEquals(0, m.width(), 0));
  }

  @Test
  void aSpreadWithinTheMarginIsInconclusiveEvenIfConsistent() {
    // P_1 and P_K differ by 0.5 % of the loss decrease: below the 1 % margin.
    SandwichCheck c =
        SandwichCheck.of(
            LABELS,
            seeds(0.3, 0.1, 0.01),
            seeds(0.304, 0.1004, 0.01),
            seeds(0.3085, 0.1008, 0.01),
            CheckSettings.DEFAULT);
    assertEquals(Verdict.INCONCLUSIVE, c.verdict());
    SandwichCheck.Metric loss = c.metrics().get(0);
    assertEquals(SandwichCheck.FINAL_LOSS, loss.name());
    assertTrue(loss.width() < 0.01, "" + loss.width());
  }

  @Test
  void theFinalWindowAveragesTheLastCheckpoints() {
    // Window 10 % of T = 100: checkpoints 90 and 100, losses 0.47 and 0.3 of a line from 2.
    assertEquals((0.47 + 0.3) / 2, SandwichCheck.finalWindowLoss(trace(0.3, 0), 90), 1e-12);
  }
}
