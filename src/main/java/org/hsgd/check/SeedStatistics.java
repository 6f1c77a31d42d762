package org.hsgd.check;

import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.TTest;

/** Student-t inference over per-seed values (seeds are independent replicates). */
final class SeedStatistics {
  private SeedStatistics() {}

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** The sample standard deviation (n - 1 in the denominator). */
  static double standardDeviation(double[] values) {
    double mean = mean(values);
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return Math.sqrt(sum / (values.length - 1));
  }

  /**
   * The one-sided upper confidence limit of the mean at confidence 1 - level: mean + t_{1-level,
   * S-1} sd / sqrt(S). Needs two values.
   */
  static double upperLimit(double[] values, double level) {
    return mean(values) + halfWidth(values, level);
  }

  /** The one-sided lower confidence limit of the mean at confidence 1 - level. */
  static double lowerLimit(double[] values, double level) {
    return mean(values) - halfWidth(values, level);
  }

  private static double halfWidth(double[] values, double level) {
    double t = TDistribution.of(values.length - 1).inverseSurvivalProbability(level);
    return t * standardDeviation(values) / Math.sqrt(values.length);
  }

  /**
   * The p-value of the one-sample t-test of "the mean exceeds 0" (GREATER_THAN) or "is below 0"
   * (LESS_THAN). Identical values have no spread: then p is 0 when their mean lies on the
   * alternative's side and 1 otherwise.
   */
  static double pValue(double[] differences, AlternativeHypothesis alternative) {
    if (standardDeviation(differences) == 0) {
      double mean = mean(differences);
      boolean onSide = alternative == AlternativeHypothesis.GREATER_THAN ? mean > 0 : mean < 0;
      return onSide ? 0 : 1;
    }
    return TTest.withDefaults().with(alternative).test(differences).getPValue();
  }
}
