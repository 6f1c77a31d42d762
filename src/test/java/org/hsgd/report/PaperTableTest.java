package org.hsgd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hsgd.report.PaperTable.Header;
import org.hsgd.report.PaperTable.Number;
import org.hsgd.report.PaperTable.Text;
import org.junit.jupiter.api.Test;

/** Tables for papers and the terminal, against hand-written values. */
class PaperTableTest {
  @Test
  void numbersKeepTheirSignificantDigits() {
    assertEquals("0.1235", PaperTable.format(0.123456, 4));
    assertEquals("1235", PaperTable.format(1234.5, 4));
    assertEquals("1.235e-5", PaperTable.format(1.23456e-5, 4));
    assertEquals("2e6", PaperTable.format(2e6, 4));
    assertEquals("-0.5", PaperTable.format(-0.5, 4));
    assertEquals("0", PaperTable.format(0, 4));
    assertEquals("", PaperTable.format(Double.NaN, 4));
    assertEquals("inf", PaperTable.format(Double.POSITIVE_INFINITY, 4));
    assertEquals("377023", PaperTable.format(377023, 6));
  }

  @Test
  void closeValuesGetTheDigitsThatTellThemApart() {
    // The case: final-window losses 202.98 and 202.99 printed as 203 and 203.
    int digits = PaperTable.digitsToTell(202.980, 202.994);
    assertEquals(6, digits);
    assertFalse(PaperTable.format(202.980, digits).equals(PaperTable.format(202.994, digits)));
    assertEquals(Number.DIGITS, PaperTable.digitsToTell(1, 2));
    assertEquals(Number.DIGITS, PaperTable.digitsToTell(3, 3));
  }

  @Test
  void latexTextEscapesEverySpecialCharacter() {
    assertEquals(
        "mean $|$grad f(u\\_t)$|$\\textasciicircum{}2 $\\le$ 5\\,",
        Latex.text("mean |grad f(u_t)|^2 <= 5\\,").replace("\\textbackslash{},", "\\,"));
    assertEquals(
        "a $<$ b $>$ c \\& 10\\% \\#1 \\$ \\{\\} \\textasciitilde{}",
        Latex.text("a < b > c & 10% #1 $ {} ~"));
    assertEquals("$\\gamma$ $\\ge$ 0", Latex.text("γ >= 0"));
  }

  @Test
  void latexUsesSiunitxColumnsSizedToTheNumbers() {
    PaperTable table =
        new PaperTable(
            "t",
            Text.of("caption"),
            List.of(Header.words("algorithm"), new Header("gamma", "$\\gamma$")),
            List.of(
                List.of(Text.of("a"), Number.of(-0.01234)),
                List.of(Text.of("b"), Number.of(1.708e-4)),
                List.of(Text.of("c"), Text.of("n/a"))),
            List.of());
    String tex = table.latex("tab:t");
    assertTrue(tex.contains("{lS[table-format=-1.5e-1,group-digits=false]}"), tex);
    assertTrue(tex.contains("a & -0.01234 \\\\"), tex);
    assertTrue(tex.contains("b & 1.708e-4 \\\\"), tex);
    assertTrue(tex.contains("c & {n/a} \\\\"), tex);
    assertTrue(tex.contains("algorithm & {$\\gamma$} \\\\"), tex);
    assertTrue(tex.startsWith("\\begin{table}[tbp]"), tex);
  }

  @Test
  void aTableWiderThanAColumnSpansThePage() {
    List<Header> headers =
        java.util.stream.IntStream.range(0, 9).mapToObj(i -> new Header("c" + i, "c" + i)).toList();
    List<PaperTable.Cell> row =
        java.util.stream.IntStream.range(0, 9)
            .<PaperTable.Cell>mapToObj(i -> Number.of(123.456 + i))
            .toList();
    String tex = new PaperTable("t", Text.of(""), headers, List.of(row), List.of()).latex("x");
    assertTrue(tex.startsWith("\\begin{table*}"), tex);
  }

  @Test
  void terminalTablesWrapTheirTextToTheWidth() {
    String detail = "word ".repeat(60).trim();
    PaperTable table =
        new PaperTable(
            "t",
            Text.of("a caption " + "long ".repeat(40)),
            List.of(Header.words("check"), Header.words("n"), Header.words("detail")),
            List.of(List.of(Text.of("theory"), Number.count(12), Text.of(detail))),
            List.of(Text.of("a note " + "long ".repeat(40))));
    String text = table.text(80);
    for (String line : text.split("\n")) {
      assertTrue(line.length() <= 80, line);
    }
    assertEquals(detail, String.join(" ", detailParts(text)));
    assertTrue(text.contains("theory  12  word word"), text);
  }

  /** The detail column's pieces, read back from the wrapped rows. */
  private static List<String> detailParts(String text) {
    List<String> lines = List.of(text.split("\n"));
    int header = 0;
    while (!lines.get(header).startsWith("check")) {
      header++;
    }
    int column = lines.get(header).indexOf("detail");
    int notes = header + 2;
    while (!lines.get(notes).startsWith("note:")) {
      notes++;
    }
    return lines.subList(header + 2, notes).stream().map(l -> l.substring(column).trim()).toList();
  }

  @Test
  void numericColumnsTooWideBreakTheirHeadersAfterUnderscores() {
    List<Header> headers =
        java.util.stream.IntStream.range(0, 6)
            .mapToObj(i -> Header.words("final_grad_norm_sq_" + i))
            .toList();
    List<PaperTable.Cell> row =
        java.util.stream.IntStream.range(0, 6)
            .<PaperTable.Cell>mapToObj(i -> Number.of(i))
            .toList();
    String text = new PaperTable("t", Text.of(""), headers, List.of(row), List.of()).text(60);
    for (String line : text.split("\n")) {
      assertTrue(line.length() <= 60, text);
    }
    assertTrue(text.contains("final_grad_"), text);
    assertFalse(text.contains("final_grad_norm_sq_0"), "broken after an underscore: " + text);
  }

  @Test
  void aShareJustBelowOneNeverPrintsAsAHundredPercent() {
    assertEquals("100", CheckTables.percent(1).plain());
    assertEquals("99.95", CheckTables.percent(0.9995).plain());
    assertEquals("50", CheckTables.percent(0.5).plain());
    assertEquals("", CheckTables.percent(Double.NaN).plain());
  }

  @Test
  void linesWrapAtSpacesAndCutOnlyWordsLongerThanALine() {
    assertEquals(List.of("aaa bbb", "  ccc"), Lines.wrap("aaa bbb ccc", 8, "", "  "));
    assertEquals(List.of("abcdefgh", "ij"), Lines.wrap("abcdefghij", 8, "", ""));
    assertEquals("short", Lines.fit("short"));
  }
}
