package org.hsgd.check;

import java.util.Collection;

/** The outcome of a check. */
public enum Verdict {
  /** The check's claim is supported by the numbers. */
  HOLDS,
  /** The numbers contradict the claim (the report says by how much). */
  VIOLATED,
  /** The numbers can neither support nor contradict the claim (runs that cannot be told apart). */
  INCONCLUSIVE,
  /** The check does not apply to this experiment (the report says why). */
  NOT_APPLICABLE;

  /**
   * All of several verdicts at once: violated if any is, else inconclusive if any is, else holds if
   * any does; not applicable when none applies.
   */
  public static Verdict all(Collection<Verdict> verdicts) {
    for (Verdict v : new Verdict[] {VIOLATED, INCONCLUSIVE, HOLDS}) {
      if (verdicts.contains(v)) {
        return v;
      }
    }
    return NOT_APPLICABLE;
  }

  /** Lower case with spaces, for reports: "not applicable". */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
