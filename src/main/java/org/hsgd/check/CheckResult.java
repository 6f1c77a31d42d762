package org.hsgd.check;

import java.util.List;
import java.util.Optional;

/**
 * The checks of an experiment and the verdict over all of them.
 *
 * @param checks in the order the report shows them
 */
public record CheckResult(List<Check> checks) {
  public CheckResult {
    checks = List.copyOf(checks);
  }

  /** Violated if any check is, else inconclusive if any is, else holds ({@link Verdict#all}). */
  public Verdict verdict() {
    return Verdict.all(checks.stream().map(Check::verdict).toList());
  }

  /** The check of a type, if it is among them. */
  public <C extends Check> Optional<C> find(Class<C> type) {
    return checks.stream().filter(type::isInstance).map(type::cast).findFirst();
  }
}
