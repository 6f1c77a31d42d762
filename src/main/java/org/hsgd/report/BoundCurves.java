package org.hsgd.report;

import org.hsgd.bounds.BoundKind;
import org.hsgd.experiment.RunBounds;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The three bounds of the sandwich (local SGD at P_1, H-SGD, local SGD at P_K), closed form and
 * numeric, against the top period G (T fixed) and against the horizon T (G fixed), as {@link
 * RunBounds#curves} gives them: the data of the bounds figure, as a tidy table. A value is missing
 * where the bound is no guarantee at its step size.
 */
public final class BoundCurves {
  private BoundCurves() {}

  /**
   * Columns: varied ("G" or "T"), G, T, gamma, algorithm (local_P1, hsgd, local_PK), bound ("closed
   * form" or "numeric"), value, constants (where they come from: "exact constants", "estimated
   * constants", "given constants").
   */
  public static Table of(RunBounds bounds, RunBounds.StepSize stepSize) {
    Table t =
        Table.create(
            "bound-curves",
            StringColumn.create("varied"),
            LongColumn.create("G"),
            LongColumn.create("T"),
            DoubleColumn.create("gamma"),
            StringColumn.create("algorithm"),
            StringColumn.create("bound"),
            DoubleColumn.create("value"),
            StringColumn.create("constants"));
    for (RunBounds.CurvePoint p : bounds.curves(stepSize)) {
      t.stringColumn("varied").append(p.varied());
      t.longColumn("G").append(p.topPeriod());
      t.longColumn("T").append(p.value().horizon());
      t.doubleColumn("gamma").append(p.value().gamma());
      t.stringColumn("algorithm").append(p.side().label());
      t.stringColumn("bound")
          .append(p.value().kind() == BoundKind.CLOSED ? "closed form" : "numeric");
      t.doubleColumn("value").append(p.value().guaranteedValue());
      t.stringColumn("constants").append(org.hsgd.check.Check.constantsLabel(bounds.label()));
    }
    return t;
  }
}
