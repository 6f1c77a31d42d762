package org.hsgd.check;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * One check of an experiment's runs: a verdict, the table of numbers that decided it and the lines
 * that explain it. The report shows every check of a {@link CheckResult} alike, so a new check is a
 * new implementation and a line in {@link Checker}, nothing more.
 */
public interface Check {
  /** "theory", "bound validity", "empirical sandwich": its row in the summary. */
  String name();

  /** The heading of its section in the report: what it compares. */
  String title();

  /** The caption of its table in a paper. */
  String caption();

  Verdict verdict();

  /** Shown beside the verdict: why the check does not apply, or empty. */
  String reason();

  /** The numbers that decided the verdict; the table's name names its file, check-NAME.csv. */
  Table table();

  /** The numbers behind the verdict in one line, for the summary. */
  String detail();

  /** One line per part that does not hold: which, by how much and why. */
  List<String> problems(CheckSettings settings);

  /**
   * What the verdict rests on beyond the runs, shown beside it wherever it is shown ("given
   * constants"), or empty.
   */
  default String basis() {
    return "";
  }

  /** Where the bounds' constants come from, in words: a basis, or "exact constants". */
  static String constantsLabel(String basis) {
    return basis.isEmpty() ? "exact constants" : basis;
  }

  /** A line shown under the check's table, or empty. */
  default String note() {
    return "";
  }
}
