package org.hsgd.figure;

import org.hsgd.Require;

/**
 * One curve of a panel: y against x, with an optional band (low, high) around it, drawn in its
 * {@link Look}.
 *
 * @param low lower edge of the band, or null for none
 * @param high upper edge of the band, or null for none
 */
public record Curve(String label, double[] x, double[] y, double[] low, double[] high, Look look) {

  /**
   * How a curve is drawn, so that curves stay apart in greyscale.
   *
   * @param tone index into the colour-blind-safe palette
   * @param dash index into the dash patterns and markers
   * @param connected a line through the points; otherwise markers with the band as error bars
   * @param inLegend whether the legend lists it
   */
  public record Look(int tone, int dash, boolean connected, boolean inLegend) {
    /** A line in tone and dash {@code index}, listed in the legend. */
    public static Look of(int index) {
      return new Look(index, index, true, true);
    }

    public Look withDash(int newDash) {
      return new Look(tone, newDash, connected, inLegend);
    }

    public Look asPoints() {
      return new Look(tone, dash, false, inLegend);
    }

    public Look unlisted() {
      return new Look(tone, dash, connected, false);
    }
  }

  public Curve {
    Require.that(x.length == y.length, "curve", "needs as many y as x values", () -> label);
    Require.that(
        (low == null) == (high == null)
            && (low == null || (low.length == x.length && high.length == x.length)),
        "curve",
        "needs a band edge per point, or none",
        () -> label);
    x = x.clone();
    y = y.clone();
    low = low == null ? null : low.clone();
    high = high == null ? null : high.clone();
  }

  /** A line without band. */
  public static Curve line(String label, double[] x, double[] y, Look look) {
    return new Curve(label, x, y, null, null, look);
  }

  /**
   * The mean over seeds with a band.
   *
   * @param seeds one row per seed, each as long as x
   */
  public static Curve overSeeds(
      String label, double[] x, double[][] seeds, SeedBand band, Look look) {
    double[] mean = new double[x.length];
    double[] low = new double[x.length];
    double[] high = new double[x.length];
    double[] column = new double[seeds.length];
    for (int i = 0; i < x.length; i++) {
      double sum = 0;
      for (int s = 0; s < seeds.length; s++) {
        column[s] = seeds[s][i];
        sum += column[s];
      }
      mean[i] = sum / seeds.length;
      double[] edges = band.interval(column, mean[i]);
      low[i] = edges[0];
      high[i] = edges[1];
    }
    return new Curve(label, x, mean, low, high, look);
  }

  public boolean hasBand() {
    return low != null;
  }
}
