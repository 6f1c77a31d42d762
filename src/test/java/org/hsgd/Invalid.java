package org.hsgd;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Test helper for the one exception family. */
public final class Invalid {
  private Invalid() {}

  /** Asserts that {@code code} rejects its input, and returns the field the error names. */
  public static String field(Executable code) {
    return assertThrows(InvalidInputException.class, code).field();
  }
}
