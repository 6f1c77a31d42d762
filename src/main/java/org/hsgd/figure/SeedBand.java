package org.hsgd.figure;

import org.apache.commons.statistics.distribution.TDistribution;

/** What the shaded band around a mean over seeds shows. */
public enum SeedBand {
  /** The smallest and the largest value over the seeds. */
  MIN_MAX("min-max", "band: min to max over seeds"),
  /** The mean plus and minus one sample standard deviation. */
  SD("sd", "band: mean \u00b1 1 sd over seeds"),
  /** The two-sided 95 % Student-t confidence interval of the mean. */
  CI95("ci95", "band: 95 % confidence interval of the mean over seeds");

  private final String key;
  private final String caption;

  SeedBand(String key, String caption) {
    this.key = key;
    this.caption = caption;
  }

  /** The config and command-line name, "min-max". */
  public String key() {
    return key;
  }

  /** What the band shows, for a figure's caption and manifest. */
  public String caption() {
    return caption;
  }

  /** The band of values with the given mean; a single seed has no band (low = high = value). */
  public double[] interval(double[] values, double mean) {
    int n = values.length;
    if (n < 2) {
      return new double[] {mean, mean};
    }
    if (this == MIN_MAX) {
      double low = values[0];
      double high = values[0];
      for (double v : values) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
      return new double[] {low, high};
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    double half =
        this == SD
            ? sd
            : TDistribution.of(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
    return new double[] {mean - half, mean + half};
  }

  /** The band named by {@code key}, or null. */
  public static SeedBand byKey(String key) {
    for (SeedBand b : values()) {
      if (b.key.equals(key)) {
        return b;
      }
    }
    return null;
  }
}
