package org.hsgd.report;

/** The output formats of a result table. */
public enum Format {
  /** A readable text table with notes, for the terminal. */
  TABLE,
  /** Nested JSON with every number at full precision. */
  JSON,
  /** CSV (Tablesaw), full precision. */
  CSV,
  /** A LaTeX tabular (booktabs) for papers. */
  LATEX
}
