package org.hsgd.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One panel on the page. XChart lays out and draws the axes, ticks, grid and titles; the curves,
 * bands, error bars and the legend are drawn here through XChart's coordinate mapping, each curve
 * as one path, so that dash patterns run on along it (XChart draws a line segment by segment and
 * restarts the pattern at each point, which makes a dense dashed curve look solid).
 */
final class PanelPainter {
  /** Room between the legend box and the plot's border, in points. */
  private static final double INSET = 3;

  private final Panel panel;
  private final XYChart chart;
  private final Legend legend;
  private final LegendPlacement.Corner corner;

  /**
   * @param panel the panel as drawn (log10 taken on logarithmic axes)
   * @param corner where this panel shows the figure's legend, or null
   */
  PanelPainter(
      Panel panel,
      Axis x,
      Axis y,
      LegendPlacement.Corner corner,
      int width,
      int height,
      FigureRenderer.Fonts fonts,
      TextOutlines labels) {
    this.panel = panel;
    this.corner = corner;
    this.legend = corner == null ? Legend.NONE : Legend.column(panel.curves(), fonts);
    this.chart =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .xAxisTitle(panel.xLabel())
            .yAxisTitle(panel.yLabel())
            .build();
    labels.addTitle(panel.xLabel());
    labels.addTitle(panel.yLabel());
    style(chart.getStyler(), fonts);

    List<String> names = panel.categories();
    double[] xRange =
        names.isEmpty()
            ? x.range(panel.curves(), Curve::x)
            : new double[] {0.5, names.size() + 0.5};
    double[] yRange = y.range(panel.curves(), PanelPainter::yExtent);
    XYStyler s = chart.getStyler();
    s.setXAxisMin(xRange[0]);
    s.setXAxisMax(xRange[1]);
    s.setYAxisMin(yRange[0]);
    s.setYAxisMax(yRange[1]);
    chart.setCustomXAxisTickLabelsFormatter(
        labels.recording(names.isEmpty() ? x::label : v -> category(names, v)));
    chart.setCustomYAxisTickLabelsFormatter(labels.recording(y::label));
    // XChart needs a series to draw axes. This one draws nothing, and its unequal spacing keeps
    // XChart from putting the ticks on its points rather than on round values.
    double[] at = {0.2, 0.3, 0.7};
    XYSeries frame = chart.addSeries(" ", within(xRange, at), within(yRange, at));
    frame.setLineColor(new Color(0, 0, 0, 0));
    frame.setMarker(SeriesMarkers.NONE);
    frame.setShowInLegend(false);
  }

  private static void style(XYStyler s, FigureRenderer.Fonts fonts) {
    s.setChartTitleVisible(false);
    s.setLegendVisible(false);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(Color.DARK_GRAY);
    s.setAxisTicksLineVisible(false); // the plot's border is the axis; no second line beside it
    s.setPlotGridLinesColor(new Color(0xE4E4E4));
    s.setPlotGridLinesStroke(new BasicStroke(0.4f));
    s.setAxisTickMarksColor(Color.DARK_GRAY);
    s.setAxisTickMarksStroke(new BasicStroke(0.5f));
    s.setChartFontColor(Color.BLACK);
    s.setAxisTickLabelsColor(Color.BLACK);
    s.setBaseFont(fonts.small());
    s.setAxisTitleFont(fonts.label());
    s.setAxisTickLabelsFont(fonts.small());
    s.setChartPadding(3);
    s.setPlotMargin(2);
    s.setAxisTitlePadding(4); // a clear gap between a title and the tick labels beside it
    s.setAxisTickPadding(2);
    s.setAxisTickMarkLength(3);
    s.setXAxisTickMarkSpacingHint(36);
    s.setYAxisTickMarkSpacingHint(28);
  }

  private static double[] within(double[] range, double[] fractions) {
    double[] values = new double[fractions.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = range[0] + fractions[i] * (range[1] - range[0]);
    }
    return values;
  }

  /** The y values a curve reaches, its band or error bars included. */
  private static double[] yExtent(Curve c) {
    if (!c.hasBand()) {
      return c.y();
    }
    double[] all = new double[3 * c.y().length];
    System.arraycopy(c.y(), 0, all, 0, c.y().length);
    System.arraycopy(c.low(), 0, all, c.y().length, c.y().length);
    System.arraycopy(c.high(), 0, all, 2 * c.y().length, c.y().length);
    return all;
  }

  /** The category at whole x; between them a label that shows nothing (see {@link Axis#label}). */
  private static String category(List<String> names, double v) {
    int i = (int) Math.round(v);
    return Math.abs(v - i) < 1e-9 && i >= 1 && i <= names.size()
        ? names.get(i - 1)
        : TickLabels.invisible(Math.round(v * 1000));
  }

  /** Paints the panel with its top left corner at the origin of {@code g}. */
  void paint(Graphics2D g, int width, int height) {
    chart.paint(g, width, height);
    for (Curve c : panel.curves()) {
      paintBand(g, c);
    }
    for (Curve c : panel.curves()) {
      paintCurve(g, c);
    }
    if (corner != null) {
      double left = sx(plotLeft()) + INSET;
      double right = sx(plotRight()) - INSET - legend.width();
      double top = sy(plotTop()) + INSET;
      double bottom = sy(plotBottom()) - INSET - legend.height();
      legend.paint(g, corner.east() ? right : left, corner.north() ? top : bottom, true);
    }
  }

  private void paintBand(Graphics2D g, Curve c) {
    if (!c.hasBand() || !c.look().connected()) {
      return;
    }
    Path2D band = new Path2D.Double();
    int n = c.x().length;
    for (int i = 0; i < n; i++) {
      lineOrMove(band, i == 0, sx(c.x()[i]), sy(c.high()[i]));
    }
    for (int i = n - 1; i >= 0; i--) {
      band.lineTo(sx(c.x()[i]), sy(c.low()[i]));
    }
    band.closePath();
    g.setColor(CurveStyle.of(c).bandFill());
    g.fill(band);
  }

  private void paintCurve(Graphics2D g, Curve c) {
    CurveStyle style = CurveStyle.of(c);
    if (c.look().connected()) {
      Path2D line = new Path2D.Double();
      boolean start = true;
      for (int i = 0; i < c.x().length; i++) {
        if (Double.isFinite(c.x()[i]) && Double.isFinite(c.y()[i])) {
          lineOrMove(line, start, sx(c.x()[i]), sy(c.y()[i]));
          start = false;
        } else {
          start = true; // a gap where the value is missing
        }
      }
      g.setColor(style.tone());
      g.setStroke(style.stroke());
      g.draw(line);
    } else if (c.hasBand()) {
      g.setColor(style.tone());
      g.setStroke(new BasicStroke(0.8f));
      for (int i = 0; i < c.x().length; i++) {
        double x = sx(c.x()[i]);
        g.draw(new Line2D.Double(x, sy(c.low()[i]), x, sy(c.high()[i])));
        for (double edge : new double[] {c.low()[i], c.high()[i]}) {
          g.draw(new Line2D.Double(x - 2, sy(edge), x + 2, sy(edge)));
        }
      }
    }
    if (style.markers()) {
      for (int i = 0; i < c.x().length; i++) {
        if (Double.isFinite(c.y()[i])) {
          style.paintMarker(g, sx(c.x()[i]), sy(c.y()[i]));
        }
      }
    }
  }

  private static void lineOrMove(Path2D path, boolean move, double x, double y) {
    if (move) {
      path.moveTo(x, y);
    } else {
      path.lineTo(x, y);
    }
  }

  private double sx(double x) {
    return chart.getScreenXFromChart(x);
  }

  private double sy(double y) {
    return chart.getScreenYFromChart(y);
  }

  private double plotLeft() {
    return chart.getStyler().getXAxisMin();
  }

  private double plotRight() {
    return chart.getStyler().getXAxisMax();
  }

  private double plotTop() {
    return chart.getStyler().getYAxisMax();
  }

  private double plotBottom() {
    return chart.getStyler().getYAxisMin();
  }
}
