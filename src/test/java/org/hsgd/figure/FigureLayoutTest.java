package org.hsgd.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The layout at print size, measured on the SVG: every label's box inside the page and clear of
 * every other label's, in every venue style; and the parts that decide a figure's look in
 * greyscale, on log axes and in the legend, each against what it must do.
 */
class FigureLayoutTest {
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  /** Box edges may touch or meet within this, in points (rounding in the SVG). */
  private static final double TOLERANCE = 0.6;

  @ParameterizedTest
  @EnumSource(Venue.class)
  void labelsStayOnThePageAndClearOfEachOther(Venue venue) {
    for (Figure figure : List.of(FiguresTest.sample(), categories(), bounds())) {
      for (PaperStyle style : List.of(venue.column(), venue.text())) {
        String svg =
            new String(
                FigureRenderer.render(
                        figure, style.withFormats(java.util.EnumSet.of(FigureFormat.SVG)))
                    .get(FigureFormat.SVG),
                StandardCharsets.UTF_8);
        double width = attribute(svg, "width");
        double height = attribute(svg, "height");
        List<Label> labels = labels(svg, style.typeface());
        assertTrue(labels.size() > 5, "labels found: " + labels);
        String where = figure.name() + " in " + venue + " at " + style.widthInches() + " in: ";
        for (Label l : labels) {
          Rectangle2D b = l.box();
          assertTrue(
              b.getMinX() >= -TOLERANCE
                  && b.getMinY() >= -TOLERANCE
                  && b.getMaxX() <= width + TOLERANCE
                  && b.getMaxY() <= height + TOLERANCE,
              where + l + " leaves the page " + width + " x " + height);
        }
        for (int i = 0; i < labels.size(); i++) {
          for (int j = i + 1; j < labels.size(); j++) {
            Rectangle2D overlap = labels.get(i).box().createIntersection(labels.get(j).box());
            assertTrue(
                overlap.getWidth() <= TOLERANCE || overlap.getHeight() <= TOLERANCE,
                where + labels.get(i) + " overlaps " + labels.get(j));
          }
        }
      }
    }
  }

  @Test
  void everyLogarithmicAxisShowsAtLeastTwoLabelledDecades() {
    // Values within 10^0.2 .. 10^1.6: one power of ten inside the data, two on the axis.
    Curve c = Curve.line("a", new double[] {1, 2}, new double[] {0.2, 1.6}, Curve.Look.of(0));
    double[] range = Axis.LOG.range(List.of(c), Curve::y);
    long labelled = 0;
    for (long k = (long) Math.ceil(range[0]); k <= range[1]; k++) {
      labelled++;
    }
    assertTrue(labelled >= 2, java.util.Arrays.toString(range));
    assertEquals(0, range[0]);
    assertEquals(2, range[1]);
  }

  @Test
  void aBandBelowZeroOnALogAxisFollowsTheCurveInsteadOfDroppingToTheFloor() {
    double[] x = {0, 1};
    Curve wide =
        new Curve(
            "a",
            x,
            new double[] {1e-2, 1e-2},
            new double[] {-5e-3, 5e-3},
            new double[] {3e-2, 2e-2},
            Curve.Look.of(0));
    Curve drawn = Axis.LOG.onY(wide);
    // At 0 the lower edge is below 0: drawn at mean^2 / upper, symmetric in log scale.
    assertEquals(Math.log10(1e-2 * 1e-2 / 3e-2), drawn.low()[0], 1e-12);
    // A positive edge stays where it is.
    assertEquals(Math.log10(5e-3), drawn.low()[1], 1e-12);
    assertTrue(Double.isFinite(drawn.low()[0]));
  }

  @Test
  void theThreeAlgorithmsDifferInDashAndMarkerNotOnlyInColour() {
    for (int i = 0; i < 3; i++) {
      for (int j = i + 1; j < 3; j++) {
        CurveStyle a =
            CurveStyle.of(
                Curve.line("a", new double[] {0, 1}, new double[] {0, 1}, Curve.Look.of(i)));
        CurveStyle b =
            CurveStyle.of(
                Curve.line("b", new double[] {0, 1}, new double[] {0, 1}, Curve.Look.of(j)));
        assertNotEquals(a.marker(), b.marker(), "markers of " + i + " and " + j);
        assertTrue(
            !java.util.Arrays.equals(a.stroke().getDashArray(), b.stroke().getDashArray()),
            "dashes of " + i + " and " + j);
      }
    }
    // Bound curves of the three algorithms share a dash (closed form solid): the marker tells them
    // apart.
    CurveStyle p1 =
        CurveStyle.of(
            Curve.line(
                "a", new double[] {0, 1}, new double[] {0, 1}, Curve.Look.of(0).withDash(0)));
    CurveStyle h =
        CurveStyle.of(
            Curve.line(
                "b", new double[] {0, 1}, new double[] {0, 1}, Curve.Look.of(1).withDash(0)));
    assertNotEquals(p1.marker(), h.marker());
  }

  @Test
  void aLegendStripFillsItsRowsEvenly() {
    FigureRenderer.Fonts fonts = new FigureRenderer.Fonts(PaperStyle.twoColumn());
    List<Curve> four = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      four.add(
          Curve.line(
              "entry number " + i, new double[] {0, 1}, new double[] {0, 1}, Curve.Look.of(i)));
    }
    // Room for three a row: two rows of two, not three and a lone one.
    double three = 3 * (Legend.strip(four.subList(0, 1), fonts, 1000).width() + 10);
    Legend strip = Legend.strip(four, fonts, three);
    double row = Legend.strip(four.subList(0, 1), fonts, 1000).height();
    assertEquals(2, Math.round((strip.height() - 6) / (row - 6)), "two rows");
    assertTrue(strip.width() < three * 0.8, "two to a row");
  }

  private static Figure categories() {
    Curve bound =
        Curve.line(
            "closed form bound",
            new double[] {1, 2, 3},
            new double[] {12, 44, 163},
            Curve.Look.of(0).asPoints());
    Curve measured =
        new Curve(
            "measured (mean, 95 % limit)",
            new double[] {1, 2, 3},
            new double[] {2.1, 2.2, 2.3},
            new double[] {1.9, 2.0, 2.1},
            new double[] {2.7, 2.7, 2.9},
            Curve.Look.of(2).asPoints());
    return new Figure(
        "categories",
        List.of(
            new Panel(
                "",
                "(1/T) \u03a3 \u2016\u2207f(u\u209c)\u2016\u00b2",
                List.of(bound, measured),
                List.of("local SGD P=4", "H-SGD 4/16", "local SGD P=16"))),
        "bounds beside measurements");
  }

  private static Figure bounds() {
    double[] g = {4, 8, 16, 32, 64};
    List<Curve> curves = new ArrayList<>();
    String[] names = {"local SGD, P = P\u2081", "H-SGD", "local SGD, P = G"};
    for (int i = 0; i < 3; i++) {
      double[] y = new double[g.length];
      for (int k = 0; k < g.length; k++) {
        y[k] = (i + 1) * Math.sqrt(g[k]);
      }
      curves.add(Curve.line(names[i], g, y, Curve.Look.of(i).withDash(0)));
    }
    Panel against =
        Panel.of("G", "bound on (1/T) \u03a3 E\u2016\u2207f(u\u209c)\u2016\u00b2", curves);
    return new Figure("bounds", List.of(against, against), "bounds");
  }

  /** A label as drawn: its runs' boxes joined, on the page. */
  private record Label(String text, Rectangle2D box) {
    @Override
    public String toString() {
      return "'" + text + "' at " + box;
    }
  }

  private static final Pattern TOKEN =
      Pattern.compile(
          "<g(?: transform=\"(translate|matrix)\\(([^)]*)\\)\")?[^>]*>|</g>|<text style=\"[^\"]*font-family:&quot;([^&]+)&quot;;font-size:([0-9.]+)px;\" x=\"([-0-9.]+)\" y=\"([-0-9.]+)\">([^<]*)</text>");

  /**
   * The labels of an SVG: its text runs on the page, with runs that continue one another (a
   * subscript after its letter) joined into one label.
   */
  private static List<Label> labels(String svg, Typeface typeface) {
    List<Label> labels = new ArrayList<>();
    Deque<AffineTransform> stack = new ArrayDeque<>(List.of(new AffineTransform()));
    Matcher m = TOKEN.matcher(svg);
    double endX = Double.NaN;
    double baseline = Double.NaN;
    AffineTransform lastGroup = null;
    while (m.find()) {
      if (m.group(0).startsWith("<g")) {
        if (m.group(1) == null) {
          stack.push(new AffineTransform(stack.peek()));
          continue;
        }
        double[] v =
            java.util.Arrays.stream(m.group(2).trim().split("[ ,]+"))
                .mapToDouble(Double::parseDouble)
                .toArray();
        AffineTransform t = new AffineTransform(stack.peek());
        t.concatenate(
            m.group(1).equals("translate")
                ? AffineTransform.getTranslateInstance(v[0], v.length > 1 ? v[1] : 0)
                : new AffineTransform(v[0], v[1], v[2], v[3], v[4], v[5]));
        stack.push(t);
      } else if (m.group(0).equals("</g>")) {
        stack.pop();
      } else {
        String text = m.group(7);
        if (text.isBlank()) {
          continue;
        }
        Font font =
            (m.group(3).equals(Typeface.SANS.at(1).getFamily()) ? Typeface.SANS : typeface)
                .at(Double.parseDouble(m.group(4)));
        double x = Double.parseDouble(m.group(5));
        double y = Double.parseDouble(m.group(6));
        Rectangle2D local = font.getStringBounds(text, FRC);
        // Ink rather than line height: the font's ascent and descent, not its leading.
        var metrics = font.getLineMetrics(text, FRC);
        Rectangle2D run =
            new Rectangle2D.Double(
                x,
                y - metrics.getAscent(),
                local.getWidth(),
                metrics.getAscent() + metrics.getDescent());
        Rectangle2D onPage = stack.peek().createTransformedShape(run).getBounds2D();
        boolean continues =
            stack.peek().equals(lastGroup)
                && Math.abs(x - endX) < 1
                && Math.abs(y - baseline) < font.getSize2D();
        if (continues) {
          Label previous = labels.remove(labels.size() - 1);
          Rectangle2D joined = previous.box().createUnion(onPage);
          labels.add(new Label(previous.text() + text, joined));
        } else {
          labels.add(new Label(text, onPage));
          baseline = y;
        }
        endX = x + local.getWidth();
        lastGroup = stack.peek();
      }
    }
    return labels;
  }

  private static double attribute(String svg, String name) {
    Matcher m = Pattern.compile("<svg[^>]* " + name + "=\"([0-9.]+)pt\"").matcher(svg);
    assertTrue(m.find(), name + " of the svg");
    return Double.parseDouble(m.group(1));
  }
}
