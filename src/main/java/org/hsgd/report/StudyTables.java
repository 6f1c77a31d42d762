package org.hsgd.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hsgd.experiment.GridPoint;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The tables of a study: one experiment's tables for every point, stacked, with the point's label
 * and its grid values in front, so that one table holds the whole grid (tidy: one row per point and
 * run or check).
 */
public final class StudyTables {
  private StudyTables() {}

  /**
   * The tables of the points stacked under one name; a column that some points lack (another number
   * of levels) is missing in their rows.
   *
   * @param parts each point's table, in point order
   */
  public static Table stack(
      String name, List<GridPoint> points, List<Table> parts, Set<String> keys) {
    Map<String, Column<?>> columns = new LinkedHashMap<>();
    columns.put("point", StringColumn.create("point"));
    for (String key : keys) {
      columns.put(key, StringColumn.create(key));
    }
    int rows = 0;
    for (int i = 0; i < parts.size(); i++) {
      Table part = parts.get(i);
      for (Column<?> c : part.columns()) {
        if (!columns.containsKey(c.name())) {
          Column<?> added = c.emptyCopy();
          for (int r = 0; r < rows; r++) {
            added.appendMissing();
          }
          columns.put(c.name(), added);
        }
      }
      for (int r = 0; r < part.rowCount(); r++) {
        ((StringColumn) columns.get("point")).append(points.get(i).label());
        for (String key : keys) {
          ((StringColumn) columns.get(key))
              .append(points.get(i).coordinates().getOrDefault(key, ""));
        }
      }
      for (Map.Entry<String, Column<?>> c : columns.entrySet()) {
        if (c.getKey().equals("point") || keys.contains(c.getKey())) {
          continue;
        }
        if (part.containsColumn(c.getKey())) {
          appendAll(c.getValue(), part.column(c.getKey()));
        } else {
          for (int r = 0; r < part.rowCount(); r++) {
            c.getValue().appendMissing();
          }
        }
      }
      rows += part.rowCount();
    }
    return Table.create(name, new ArrayList<>(columns.values()));
  }

  @SuppressWarnings("unchecked")
  private static <T> void appendAll(Column<T> into, Column<?> from) {
    into.append((Column<T>) from);
  }

  /** Every grid key of the points, in order of first appearance. */
  public static Set<String> keys(List<GridPoint> points) {
    Set<String> keys = new LinkedHashSet<>();
    points.forEach(p -> keys.addAll(p.coordinates().keySet()));
    return keys;
  }
}
