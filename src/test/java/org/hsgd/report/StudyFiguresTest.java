package org.hsgd.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hsgd.figure.Curve;
import org.hsgd.figure.Figure;
import org.hsgd.figure.SeedBand;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The figure of a study: a measured quantity against a grid key, with the bounds beside it. */
class StudyFiguresTest {
  /** Two points (G = 8, 16) x two seeds of H-SGD, at one step size. */
  private static Table runs(String gamma2) {
    return Table.create(
        "runs",
        StringColumn.create("point", "p0", "p0", "p1", "p1"),
        StringColumn.create("periods", "[2, 8]", "[2, 8]", "[4, 16]", "[4, 16]"),
        StringColumn.create("gamma", "0.01", "0.01", "0.01", gamma2),
        StringColumn.create("algorithm", "hsgd", "hsgd", "hsgd", "hsgd"),
        StringColumn.create("seed", "1", "2", "1", "2"),
        DoubleColumn.create("mean_grad_norm_sq", 1, 3, 5, 9),
        DoubleColumn.create("bound", 10, 20, 30, 50));
  }

  @Test
  void plotsTheMeanOverSeedsAgainstTheTopPeriodWithTheMeanBound() {
    Figure f =
        PaperFigures.againstGridKey(
                runs("0.01"), "periods", List.of("periods", "gamma"), SeedBand.MIN_MAX)
            .orElseThrow();
    assertEquals("study-periods", f.name());
    assertEquals(1, f.panels().size());
    List<Curve> curves = f.panels().get(0).curves();
    assertEquals(2, curves.size(), "measured and bound");
    assertArrayEquals(new double[] {8, 16}, curves.get(0).x());
    assertArrayEquals(new double[] {2, 7}, curves.get(0).y());
    assertArrayEquals(new double[] {1, 5}, curves.get(0).low());
    assertArrayEquals(new double[] {3, 9}, curves.get(0).high());
    assertArrayEquals(new double[] {15, 40}, curves.get(1).y());
    assertEquals("G   at \u03b3 = 0.01", f.panels().get(0).xLabel());
  }

  @Test
  void withoutBoundsOnlyTheMeasurementIsDrawn() {
    Table runs = runs("0.01");
    runs.removeColumns("bound");
    Figure f =
        PaperFigures.againstGridKey(runs, "periods", List.of("periods", "gamma"), SeedBand.SD)
            .orElseThrow();
    assertEquals(1, f.panels().get(0).curves().size());
  }

  @Test
  void drawsNothingForAKeyWithOneValueOrANonNumericOne() {
    assertTrue(
        PaperFigures.againstGridKey(runs("0.01"), "gamma", List.of("periods", "gamma"), SeedBand.SD)
            .isEmpty(),
        "gamma takes one value");
    Table named = runs("0.01");
    named.replaceColumn("gamma", StringColumn.create("gamma", "a", "a", "b", "b"));
    assertTrue(
        PaperFigures.againstGridKey(named, "gamma", List.of("periods", "gamma"), SeedBand.SD)
            .isEmpty());
  }
}
