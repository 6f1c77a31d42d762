package org.hsgd.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * A figure's legend, drawn by us rather than by XChart so that its samples match the curves
 * exactly: entries (a line or marker sample and the label, as text) in one or more columns.
 */
final class Legend {
  private static final double SAMPLE = 16;
  private static final double GAP = 4;
  private static final double SPACING = 10;
  private static final double PADDING = 3;

  private final List<Curve> entries;
  private final FigureRenderer.Fonts fonts;
  private final Font font;
  private final int columns;

  private Legend(List<Curve> entries, FigureRenderer.Fonts fonts, int columns) {
    this.entries = entries;
    this.fonts = fonts;
    this.font = fonts == null ? null : fonts.small();
    this.columns = columns;
  }

  /** No legend. */
  static final Legend NONE = new Legend(List.of(), null, 1);

  /** The listed curves in one column. */
  static Legend column(List<Curve> curves, FigureRenderer.Fonts fonts) {
    return new Legend(listed(curves), fonts, 1);
  }

  /** The listed curves in as few rows as fit in {@code width}, the rows balanced. */
  static Legend strip(List<Curve> curves, FigureRenderer.Fonts fonts, double width) {
    List<Curve> entries = listed(curves);
    int fit = (int) Math.floor((width - 2 * PADDING) / (entryWidth(entries, fonts) + SPACING));
    fit = Math.max(1, Math.min(entries.size(), fit));
    // As few rows as fit, each as full as the others: four entries in two rows of two, not three
    // and a lone one.
    int rows = (entries.size() + fit - 1) / fit;
    return new Legend(entries, fonts, (entries.size() + rows - 1) / rows);
  }

  private static List<Curve> listed(List<Curve> curves) {
    return curves.stream().filter(c -> c.look().inLegend()).toList();
  }

  private static double entryWidth(List<Curve> entries, FigureRenderer.Fonts fonts) {
    double widest = 0;
    for (Curve c : entries) {
      widest = Math.max(widest, fonts.rich(c.label(), fonts.small()).width());
    }
    return SAMPLE + GAP + widest;
  }

  private double rowHeight() {
    return font.getSize2D() * 1.35;
  }

  double width() {
    return entries.isEmpty()
        ? 0
        : columns * (entryWidth(entries, fonts) + SPACING) - SPACING + 2 * PADDING;
  }

  double height() {
    int rows = (entries.size() + columns - 1) / columns;
    return entries.isEmpty() ? 0 : rows * rowHeight() + 2 * PADDING;
  }

  /** Paints the entries with their top left corner at (left, top), over a white box. */
  void paint(Graphics2D g, double left, double top, boolean boxed) {
    if (entries.isEmpty()) {
      return;
    }
    if (boxed) {
      g.setColor(Color.WHITE);
      g.fill(new Rectangle2D.Double(left, top, width(), height()));
    }
    double column = entryWidth(entries, fonts) + SPACING;
    for (int i = 0; i < entries.size(); i++) {
      Curve c = entries.get(i);
      double x = left + PADDING + (i % columns) * column;
      double y = top + PADDING + (i / columns + 0.5) * rowHeight();
      CurveStyle style = CurveStyle.of(c);
      if (c.look().connected()) {
        g.setColor(style.tone());
        g.setStroke(style.stroke());
        g.draw(new Line2D.Double(x, y, x + SAMPLE, y));
      }
      if (style.markers()) {
        style.paintMarker(g, x + SAMPLE / 2, y);
      }
      g.setColor(Color.BLACK);
      fonts
          .rich(c.label(), font)
          .draw(g, (float) (x + SAMPLE + GAP), (float) (y + font.getSize2D() * 0.35));
    }
  }
}
