package org.hsgd;

import java.util.function.Supplier;

/** Precondition checks shared by every value type; each throws {@link InvalidInputException}. */
public final class Require {
  private Require() {}

  /**
   * @param found describes the offending value; called only on failure, so that valid input builds
   *     no message (hierarchies are validated a million times in a sweep)
   * @throws InvalidInputException naming {@code field} unless {@code ok}
   */
  public static void that(boolean ok, String field, String rule, Supplier<String> found) {
    if (!ok) {
      throw new InvalidInputException(field, rule, found.get());
    }
  }

  /**
   * @return {@code value}
   * @throws InvalidInputException unless {@code value} is finite and strictly positive
   */
  public static double positive(String field, double value) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw new InvalidInputException(field, "must be positive and finite", field + "=" + value);
    }
    return value;
  }

  /**
   * @return {@code value}
   * @throws InvalidInputException unless {@code value} is finite and not negative
   */
  public static double nonNegative(String field, double value) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new InvalidInputException(
          field, "must be finite and not negative", field + "=" + value);
    }
    return value;
  }

  /**
   * @return {@code value}
   * @throws InvalidInputException if {@code value} is NaN or infinite
   */
  public static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidInputException(field, "must be a finite number", field + "=" + value);
    }
    return value;
  }

  /**
   * @return {@code value}
   * @throws InvalidInputException unless 0 &lt; value &lt; 1
   */
  public static double fraction(String field, double value) {
    if (!(value > 0 && value < 1)) {
      throw new InvalidInputException(
          field, "must lie strictly between 0 and 1", field + "=" + value);
    }
    return value;
  }

  /**
   * {@link #nonNegative} for entry {@code index} (1-based) of a list field, named {@code
   * field[index]}.
   */
  public static double nonNegativeAt(String field, int index, double value) {
    return value >= 0 && Double.isFinite(value)
        ? value
        : nonNegative(field + "[" + index + "]", value);
  }

  /**
   * @return {@code value}
   * @throws InvalidInputException if {@code value < min}
   */
  public static long atLeast(String field, long value, long min) {
    if (value < min) {
      throw new InvalidInputException(field, "must be at least " + min, field + "=" + value);
    }
    return value;
  }

  /**
   * @return {@code value}
   * @throws InvalidInputException unless min &lt;= value &lt;= max
   */
  public static double inRange(String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new InvalidInputException(
          field, "must lie between " + min + " and " + max, field + "=" + value);
    }
    return value;
  }
}
