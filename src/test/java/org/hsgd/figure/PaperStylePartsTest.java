package org.hsgd.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the paper style, each against hand-computed values. */
class PaperStylePartsTest {
  @Test
  void tickLabelsAreRoundAndUsePowersOfTenWhereAPaperWould() {
    assertEquals("0", TickLabels.linear(0));
    assertEquals("0.25", TickLabels.linear(0.25));
    assertEquals("1000", TickLabels.linear(1000));
    assertEquals("20000", TickLabels.linear(20_000));
    assertEquals("\u22120.5", TickLabels.linear(-0.5));
    assertEquals("10\u2075", TickLabels.linear(1e5));
    assertEquals("2\u00d710\u207b\u2075", TickLabels.linear(2e-5));
    assertEquals("1.5\u00d710\u2076", TickLabels.linear(1.5e6));
    assertEquals("10\u207b\u00b3", TickLabels.logarithmic(1e-3));
    assertEquals("10\u00b9\u00b2", TickLabels.logarithmic(1e12));
    assertEquals("1", TickLabels.linear(1.0000000001), "four significant digits");
  }

  @Test
  void invisibleLabelsShowNothingAndNeverRepeat() {
    String a = TickLabels.invisible(2500);
    String b = TickLabels.invisible(3500);
    assertNotEquals(a, b);
    assertTrue(TickLabels.isInvisible(a) && TickLabels.isInvisible(b));
    assertTrue(a.chars().allMatch(c -> Character.getType(c) == Character.FORMAT));
  }

  @Test
  void bandsOverSeedsMatchHandComputedValues() {
    double[] values = {1, 2, 3, 4};
    double mean = 2.5;
    assertArrayEquals(new double[] {1, 4}, SeedBand.MIN_MAX.interval(values, mean), 0);
    double sd = Math.sqrt(5.0 / 3); // sample sd: sum of squares 5 over n - 1 = 3
    assertArrayEquals(
        new double[] {mean - sd, mean + sd}, SeedBand.SD.interval(values, mean), 1e-12);
    double half = 3.182446305284263 * sd / 2; // t_{0.975, 3} sd / sqrt(4)
    assertArrayEquals(
        new double[] {mean - half, mean + half}, SeedBand.CI95.interval(values, mean), 1e-9);
    assertArrayEquals(new double[] {7, 7}, SeedBand.CI95.interval(new double[] {7}, 7), 0);
  }

  @Test
  void overSeedsAveragesPointByPoint() {
    Curve c =
        Curve.overSeeds(
            "c",
            new double[] {0, 1},
            new double[][] {{1, 10}, {3, 30}},
            SeedBand.MIN_MAX,
            Curve.Look.of(0));
    assertArrayEquals(new double[] {2, 20}, c.y(), 0);
    assertArrayEquals(new double[] {1, 10}, c.low(), 0);
    assertArrayEquals(new double[] {3, 30}, c.high(), 0);
  }

  @Test
  void svgCompactionJoinsSegmentsRoundsAndNumbersClips() {
    String style = "stroke:rgb(0,0,0);";
    String svg =
        String.join(
            "\n",
            "<clipPath id=\"clip123456\"/>",
            "  <line style=\"" + style + "\" x1=\"0\" x2=\"1.23456\" y1=\"0\" y2=\"2\"/>",
            "  <line style=\"" + style + "\" x1=\"1.23456\" x2=\"3\" y1=\"2\" y2=\"4\"/>",
            "  <line style=\"other\" x1=\"3\" x2=\"5\" y1=\"4\" y2=\"4\"/>",
            "<g clip-path=\"url(#clip123456)\"/>");
    assertEquals(
        String.join(
            "\n",
            "<clipPath id=\"clip0\"/>",
            "  <polyline style=\"" + style + "\" points=\"0,0 1.23,2 3,4\"/>",
            "  <polyline style=\"other\" points=\"3,4 5,4\"/>",
            "<g clip-path=\"url(#clip0)\"/>"),
        SvgCompaction.compact(svg));
  }

  @Test
  void theLegendGoesToAClearCornerOrBelowThePanels() {
    FigureRenderer.Fonts font = new FigureRenderer.Fonts(PaperStyle.oneColumn());
    double[] x = {0, 1, 2, 3};
    // Falling from the top left to the bottom right: the north-east corner is clear.
    Panel falling =
        Panel.of(
            "x", "y", List.of(Curve.line("a", x, new double[] {3, 2, 1, 0}, Curve.Look.of(0))));
    assertEquals(
        new LegendPlacement.Choice(0, LegendPlacement.Corner.NE),
        LegendPlacement.choose(List.of(falling), font, 238, 166));
    // Rising: north-west.
    Panel rising =
        Panel.of(
            "x", "y", List.of(Curve.line("a", x, new double[] {0, 1, 2, 3}, Curve.Look.of(0))));
    assertEquals(
        LegendPlacement.Corner.NW,
        LegendPlacement.choose(List.of(rising), font, 238, 166).corner());
    // Lines along all four edges leave no corner: a strip below the panels.
    Panel boxed =
        Panel.of(
            "x",
            "y",
            List.of(
                Curve.line("top", x, new double[] {3, 3, 3, 3}, Curve.Look.of(0)),
                Curve.line("bottom", x, new double[] {0, 0, 0, 0}, Curve.Look.of(1))));
    assertEquals(-1, LegendPlacement.choose(List.of(boxed), font, 238, 166).panel());
    // A second panel with a clear corner takes the shared legend.
    assertEquals(1, LegendPlacement.choose(List.of(boxed, falling), font, 238, 166).panel());
  }
}
