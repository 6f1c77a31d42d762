package org.hsgd.check;

import java.util.Locale;

/** Numbers in the lines of a check: three significant digits. */
public final class Numbers {
  private Numbers() {}

  /** "0.123", "1.23e+04". */
  public static String number(double value) {
    return String.format(Locale.ROOT, "%.3g", value);
  }

  /** A fraction as a percentage: "12.3 %". */
  public static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.3g %%", 100 * fraction);
  }
}
