package org.hsgd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Numbers in tables for papers, against hand-written values. */
class TablesTest {
  @Test
  void latexNumbersAreReadable() {
    assertEquals("0.1235", Tables.latexNumber(0.123456));
    assertEquals("1235", Tables.latexNumber(1234.5));
    assertEquals("$1.235\\times10^{-5}$", Tables.latexNumber(1.23456e-5));
    assertEquals("$2\\times10^{6}$", Tables.latexNumber(2e6));
    assertEquals("0", Tables.latexNumber(0));
    assertEquals("", Tables.latexNumber(Double.NaN));
  }
}
