package org.hsgd.cli;

import org.hsgd.InvalidInputException;
import org.hsgd.check.Verdict;

/**
 * The exit codes of {@code hsgd}, and the flags that answer a library error's remedy: 0 success, 1
 * anything else, 2 invalid input, and for a check 1 violated, 3 inconclusive.
 */
final class ExitCodes {
  /** Invalid input: one line on stderr, nothing written. */
  static final int INVALID_INPUT = 2;

  /** A check with no violation but an inconclusive part. */
  static final int INCONCLUSIVE = 3;

  private ExitCodes() {}

  /** 1 for a violation, 3 for an inconclusive check, 0 otherwise. */
  static int of(Verdict verdict) {
    return switch (verdict) {
      case VIOLATED -> 1;
      case INCONCLUSIVE -> INCONCLUSIVE;
      case HOLDS, NOT_APPLICABLE -> 0;
    };
  }

  /** What to type for a library error's remedy, to follow its message; empty for none. */
  static String remedy(InvalidInputException.Remedy remedy) {
    return switch (remedy) {
      case NONE -> "";
      case MORE_MEMORY -> " (more memory: HSGD_JAVA_OPTS=-Xmx<size>)";
      case FEWER_AT_ONCE -> " (more memory: HSGD_JAVA_OPTS=-Xmx<size>; fewer at once: --threads)";
      case ALLOW_INVALID_STEP -> " (--allow-invalid-step computes without guarantee)";
      case MAP_COLUMNS -> " (hsgd import FILE --guess suggests a mapping)";
    };
  }
}
