package org.hsgd.check;

import java.util.Locale;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.hsgd.Require;

/**
 * Whether a quantity of one algorithm lies at or below that of another, judged across seeds: the
 * runs of a seed share data, initial point and noise streams, so they are paired by seed and the
 * per-seed differences d_s = upper_s - lower_s are tested with one-sided one-sample t-tests
 * (equivalently, paired t-tests).
 *
 * <ul>
 *   <li>holds: the test of "mean d &gt; 0" rejects at the level;
 *   <li>violated: the test of "mean d &lt; 0" rejects at the level;
 *   <li>inconclusive: neither rejects, or fewer than two seeds.
 * </ul>
 *
 * @param lowerMean the mean over seeds of the side expected lower
 * @param upperMean the mean over seeds of the side expected higher
 * @param relativeDifference mean d over the scale the caller gives (the metric's typical size);
 *     negative when reversed
 * @param pOrdered the p-value of "upper &gt; lower" (NaN with one seed)
 * @param pReversed the p-value of "upper &lt; lower" (NaN with one seed)
 * @param verdict as above
 * @param reason why, in words
 */
public record PairedOrder(
    double lowerMean,
    double upperMean,
    double relativeDifference,
    double pOrdered,
    double pReversed,
    Verdict verdict,
    String reason) {

  /**
   * Compares per-seed values, index s of both arrays from the same seed.
   *
   * @param scale the metric's typical size, to express the difference relative to it
   * @throws org.hsgd.InvalidInputException if the arrays differ in length or are empty
   */
  public static PairedOrder of(double[] lower, double[] upper, double scale, double level) {
    Require.that(
        lower.length == upper.length && lower.length > 0,
        "runs",
        "must pair one value per seed on each side",
        () -> lower.length + " and " + upper.length + " values");
    double[] d = new double[lower.length];
    for (int s = 0; s < d.length; s++) {
      d[s] = upper[s] - lower[s];
    }
    double meanLower = SeedStatistics.mean(lower);
    double meanUpper = SeedStatistics.mean(upper);
    double relative = SeedStatistics.mean(d) / scale;
    if (d.length < 2) {
      return new PairedOrder(
          meanLower,
          meanUpper,
          relative,
          Double.NaN,
          Double.NaN,
          Verdict.INCONCLUSIVE,
          "one seed: a paired test needs at least 2 seeds");
    }
    double pOrdered = SeedStatistics.pValue(d, AlternativeHypothesis.GREATER_THAN);
    double pReversed = SeedStatistics.pValue(d, AlternativeHypothesis.LESS_THAN);
    Verdict verdict;
    String reason;
    if (pOrdered < level) {
      verdict = Verdict.HOLDS;
      reason = "ordered by " + percent(relative) + ", p = " + number(pOrdered);
    } else if (pReversed < level) {
      verdict = Verdict.VIOLATED;
      reason = "reversed by " + percent(-relative) + ", p = " + number(pReversed);
    } else {
      verdict = Verdict.INCONCLUSIVE;
      reason =
          "not significant at level "
              + level
              + " with "
              + d.length
              + " seeds (difference "
              + percent(relative)
              + ")";
    }
    return new PairedOrder(meanLower, meanUpper, relative, pOrdered, pReversed, verdict, reason);
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.3g %%", 100 * fraction);
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.3g", value);
  }
}
