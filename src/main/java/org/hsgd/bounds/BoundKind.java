package org.hsgd.bounds;

/** Which bound ranks or plots: the closed form of THEORY.md, or the numeric bound. */
public enum BoundKind {
  /** {@link ConvergenceBound}: closed form, proven for gamma &lt;= gamma_max. */
  CLOSED,
  /** {@link NumericBound}: the deviation recursion solved, proven for gamma &lt;= 1/L; tighter. */
  NUMERIC
}
