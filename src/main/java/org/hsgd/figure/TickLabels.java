package org.hsgd.figure;

import java.math.BigDecimal;
import java.math.MathContext;

/** Tick labels as a paper prints them: 0.25, 1000, 2×10⁴, and 10⁻³ on a logarithmic axis. */
final class TickLabels {
  private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  private TickLabels() {}

  /** A label on a logarithmic axis: every value in powers of ten (10⁻³, 2×10⁻³). */
  static String logarithmic(double value) {
    return format(value, true);
  }

  /** A label on a linear axis: plain from 0.001 to 99999, in powers of ten beyond. */
  static String linear(double value) {
    return format(value, false);
  }

  private static String format(double value, boolean powers) {
    if (value == 0 || !Double.isFinite(value)) {
      return value == 0 ? "0" : Double.toString(value);
    }
    double magnitude = Math.abs(value);
    int exponent = (int) Math.floor(Math.log10(magnitude) + 1e-9);
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros();
    if (!powers && exponent >= -3 && exponent < 5) {
      return (value < 0 ? "\u2212" : "") + rounded.abs().toPlainString();
    }
    BigDecimal mantissa = rounded.abs().movePointLeft(exponent).stripTrailingZeros();
    String power = "10" + superscript(exponent);
    String sign = value < 0 ? "\u2212" : "";
    return mantissa.compareTo(BigDecimal.ONE) == 0
        ? sign + power
        : sign + mantissa.toPlainString() + "\u00d7" + power;
  }

  /**
   * A label that shows nothing and differs from the label of every other {@code code}: zero-width
   * spaces and non-joiners spelling the code in binary.
   */
  static String invisible(long code) {
    StringBuilder s = new StringBuilder("\u200b");
    for (char bit : Long.toBinaryString(code & Long.MAX_VALUE).toCharArray()) {
      s.append(bit == '0' ? '\u200b' : '\u200c');
    }
    return s.toString();
  }

  /** Whether {@code text} is an {@link #invisible} label. */
  static boolean isInvisible(String text) {
    return text.chars().allMatch(c -> c == '\u200b' || c == '\u200c');
  }

  private static String superscript(int exponent) {
    StringBuilder s = new StringBuilder(exponent < 0 ? "\u207b" : "");
    for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) {
      s.append(SUPERSCRIPTS.charAt(c - '0'));
    }
    return s.toString();
  }
}
