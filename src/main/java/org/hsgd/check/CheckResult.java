package org.hsgd.check;

import java.util.List;

/**
 * The three checks of an experiment and the verdict over all of them.
 *
 * @param theory the order of the three bounds
 * @param validity each bound against the measured time average
 * @param sandwich the measured order of the three algorithms
 */
public record CheckResult(TheoryCheck theory, BoundValidityCheck validity, SandwichCheck sandwich) {

  /** Violated if any check is, else inconclusive if any is, else holds ({@link Verdict#all}). */
  public Verdict verdict() {
    return Verdict.all(List.of(theory.verdict(), validity.verdict(), sandwich.verdict()));
  }
}
