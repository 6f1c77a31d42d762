package org.hsgd.check;

import java.util.List;

/**
 * Whether each bound stays above what it bounds: the time average (1/T) sum_{t&lt;T} |grad
 * f(u_t)|^2, whose expectation over the noise the theorem bounds by B at the run's gamma and T.
 * Seeds are independent replicates, so with d_s = measured_s - B_s (B_s differs between seeds when
 * the grouping does):
 *
 * <ul>
 *   <li>holds: the one-sided upper confidence limit of mean d at 1 - level is at most 0, i.e. the
 *       mean measurement plus its Student-t margin stays below B;
 *   <li>violated: the lower confidence limit of mean d is above 0: the measurement exceeds B beyond
 *       its noise;
 *   <li>inconclusive: between the two, or one seed (no confidence limit).
 * </ul>
 *
 * @param rows one per variant (local SGD at P_1, H-SGD, local SGD at P_K)
 * @param verdict all rows at once ({@link Verdict#all})
 */
public record BoundValidityCheck(List<Row> rows, Verdict verdict) {

  /**
   * One variant's bound against its measurement.
   *
   * @param variant the algorithm, as labelled in reports
   * @param seeds how many seeds were measured
   * @param bound mean over seeds of B at the run's gamma and T
   * @param measured mean over seeds of the time average
   * @param upperLimit the one-sided upper confidence limit of the measured mean (NaN with one seed)
   * @param ratio bound / measured
   * @param excess the upper confidence limit of mean(measured - B): at most 0 when the check holds,
   *     the amount by which the measurement may exceed B otherwise
   * @param everyIteration whether the time average ran over every t &lt; T (else the checkpoints)
   * @param verdict as above
   * @param reason why, in words
   */
  public record Row(
      String variant,
      int seeds,
      double bound,
      double measured,
      double upperLimit,
      double ratio,
      double excess,
      boolean everyIteration,
      Verdict verdict,
      String reason) {

    /** A variant whose run no bound applies to. */
    public static Row notApplicable(String variant, String reason) {
      return new Row(
          variant,
          0,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          false,
          Verdict.NOT_APPLICABLE,
          reason);
    }

    /**
     * Compares per-seed bounds and time averages (index s of both from the same seed).
     *
     * @param everyIteration whether the time averages ran over every t &lt; T
     */
    public static Row of(
        String variant,
        double[] bounds,
        double[] measured,
        boolean everyIteration,
        CheckSettings settings) {
      double[] d = new double[bounds.length];
      for (int s = 0; s < d.length; s++) {
        d[s] = measured[s] - bounds[s];
      }
      double bound = SeedStatistics.mean(bounds);
      double mean = SeedStatistics.mean(measured);
      String what = everyIteration ? "" : " (time average over the checkpoints only)";
      if (d.length < 2) {
        return new Row(
            variant,
            1,
            bound,
            mean,
            Double.NaN,
            bound / mean,
            d[0],
            everyIteration,
            Verdict.INCONCLUSIVE,
            "one seed: a confidence limit needs at least 2 (--seeds)" + what);
      }
      double excess = SeedStatistics.upperLimit(d, settings.level());
      double confidence = 1 - settings.level();
      Verdict verdict;
      String reason;
      if (excess <= 0) {
        verdict = Verdict.HOLDS;
        reason = "B stays above the " + confidence + " upper limit of the measured mean";
      } else if (SeedStatistics.lowerLimit(d, settings.level()) > 0) {
        verdict = Verdict.VIOLATED;
        reason =
            "the measurement exceeds B by "
                + PairedOrder.number(SeedStatistics.mean(d))
                + " (beyond its "
                + confidence
                + " confidence limit)";
      } else {
        verdict = Verdict.INCONCLUSIVE;
        reason = "B lies within the confidence interval of the measured mean";
      }
      return new Row(
          variant,
          d.length,
          bound,
          mean,
          SeedStatistics.upperLimit(measured, settings.level()),
          bound / mean,
          excess,
          everyIteration,
          verdict,
          reason + what);
    }
  }

  /** The check over several variants' rows. */
  public static BoundValidityCheck of(List<Row> rows) {
    return new BoundValidityCheck(
        List.copyOf(rows), Verdict.all(rows.stream().map(Row::verdict).toList()));
  }
}
