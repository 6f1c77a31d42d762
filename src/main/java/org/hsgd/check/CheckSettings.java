package org.hsgd.check;

import org.hsgd.Require;

/**
 * How strict the statistical checks are.
 *
 * @param level the significance level of every one-sided test and confidence limit (0.05: 95 %)
 * @param margin the relative difference below which two algorithms count as indistinguishable in
 *     the empirical sandwich, whatever the test says (0.01: 1 %)
 * @param finalWindow the share of the last iterations whose checkpoints make the final-window loss
 */
public record CheckSettings(double level, double margin, double finalWindow) {
  /** Level 0.05, margin 1 %, final window the last 10 % of iterations. */
  public static final CheckSettings DEFAULT = new CheckSettings(0.05, 0.01, 0.1);

  public CheckSettings {
    Require.fraction("check.level", level);
    Require.that(
        margin >= 0 && margin < 1,
        "check.margin",
        "must lie in [0, 1)",
        () -> "check.margin=" + margin);
    Require.that(
        finalWindow > 0 && finalWindow <= 1,
        "check.final-window",
        "must lie in (0, 1]",
        () -> "check.final-window=" + finalWindow);
  }
}
