package org.hsgd.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The look of a curve on paper: a colour of Okabe and Ito's colour-blind-safe palette, a dash
 * pattern, and a marker shape that goes with the colour (curves of one algorithm share it), so that
 * curves stay apart in greyscale.
 */
record CurveStyle(Color tone, BasicStroke stroke, int marker, boolean markers) {
  private static final Color[] TONES = {
    new Color(0x0072B2), new Color(0xD55E00), new Color(0x000000),
    new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00)
  };

  /** Solid, dashed, dotted, dash-dot, long dash, short dash. */
  private static final float[][] DASHES = {
    null, {4f, 2f}, {1f, 1.5f}, {4f, 1.5f, 1f, 1.5f}, {7f, 2f}, {2f, 2f}
  };

  private static final int MARKER_SHAPES = 5;
  private static final double MARKER_SIZE = 4;

  /** Markers on a line help read a few points and smear many into a band. */
  private static final int MARKERS_UP_TO = 12;

  static CurveStyle of(Curve c) {
    Curve.Look look = c.look();
    float[] dash = DASHES[look.dash() % DASHES.length];
    return new CurveStyle(
        TONES[look.tone() % TONES.length],
        new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f),
        look.tone() % MARKER_SHAPES,
        !look.connected() || (c.x().length > 1 && c.x().length <= MARKERS_UP_TO));
  }

  /**
   * The band's fill: the tone, light enough (alpha 0.14) that three overlapping bands leave the
   * curves on them readable instead of blending into one grey-brown area.
   */
  Color bandFill() {
    return new Color(tone.getRed(), tone.getGreen(), tone.getBlue(), 36);
  }

  /** A filled circle, square, diamond, triangle or an open cross, centred on (x, y). */
  void paintMarker(Graphics2D g, double x, double y) {
    double r = MARKER_SIZE / 2;
    g.setColor(tone);
    if (marker == 4) {
      g.setStroke(new BasicStroke(1f));
      Path2D cross = new Path2D.Double();
      cross.moveTo(x - r, y - r);
      cross.lineTo(x + r, y + r);
      cross.moveTo(x - r, y + r);
      cross.lineTo(x + r, y - r);
      g.draw(cross);
      return;
    }
    Shape shape =
        switch (marker) {
          case 0 -> new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
          case 1 -> new Rectangle2D.Double(x - r * 0.9, y - r * 0.9, 1.8 * r, 1.8 * r);
          case 2 ->
              polygon(
                  x,
                  y,
                  new double[] {0, r * 1.2, 0, -r * 1.2},
                  new double[] {-r * 1.2, 0, r * 1.2, 0});
          default ->
              polygon(x, y, new double[] {0, r * 1.1, -r * 1.1}, new double[] {-r * 1.2, r, r});
        };
    g.fill(shape);
  }

  private static Shape polygon(double x, double y, double[] dx, double[] dy) {
    Path2D p = new Path2D.Double();
    p.moveTo(x + dx[0], y + dy[0]);
    for (int i = 1; i < dx.length; i++) {
      p.lineTo(x + dx[i], y + dy[i]);
    }
    p.closePath();
    return p;
  }
}
