package org.hsgd.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hsgd.bounds.BoundKind;
import org.hsgd.bounds.CostModel;
import org.hsgd.bounds.Plan;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Ranked plans in every output format. */
public final class PlanReport {
  private final List<Plan> plans;
  private final double target;
  private final CostModel cost;
  private final int skipped;
  private final BoundKind kind;

  /**
   * @param plans ranked, fastest first
   * @param target the bound they reach
   * @param cost the cost model used
   * @param skipped grid combinations that were not valid hierarchies
   * @param kind the bound that reaches the target
   */
  public PlanReport(List<Plan> plans, double target, CostModel cost, int skipped, BoundKind kind) {
    this.plans = List.copyOf(plans);
    this.target = target;
    this.cost = cost;
    this.skipped = skipped;
    this.kind = kind;
  }

  public String render(Format format) {
    return switch (format) {
      case JSON -> Outputs.json(json());
      case CSV -> Tables.csv(table());
      case LATEX -> Tables.commented(notes()) + paper().latex("tab:hsgd-plans");
      case TABLE ->
          "Hierarchies ranked by wall-clock time to reach bound "
              + target
              + System.lineSeparator()
              + Tables.text(table())
              + notes().stream()
                  .map(n -> Lines.fit("note: " + n) + System.lineSeparator())
                  .collect(Collectors.joining());
    };
  }

  /** The ranking as a paper shows it: each hierarchy in notation, $N=(16,4)$, $P=(2,8,32)$. */
  PaperTable paper() {
    return Tables.paper(
            table(),
            PaperTable.Text.of(
                "Hierarchies ranked by wall-clock time to reach the bound " + target + "."),
            List.of())
        .withColumn(
            table().columnNames().indexOf("hierarchy"),
            plans.stream().map(p -> Labels.hierarchy(p.hierarchy())).toList());
  }

  public Table table() {
    return Table.create(
        "plans",
        IntColumn.create("rank", IntStream.rangeClosed(1, plans.size()).toArray()),
        StringColumn.create(
            "hierarchy", plans.stream().map(p -> p.hierarchy().describe()).toList()),
        DoubleColumn.create("gamma", plans.stream().mapToDouble(Plan::stepSize)),
        LongColumn.create("T", plans.stream().mapToLong(Plan::iterations).toArray()),
        DoubleColumn.create("bound", plans.stream().mapToDouble(Plan::bound)),
        StringColumn.create(
            "aggregations_per_level",
            plans.stream()
                .map(
                    p ->
                        p.aggregations().stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining("/")))
                .toList()),
        DoubleColumn.create("seconds", plans.stream().mapToDouble(Plan::seconds)));
  }

  public Map<String, Object> json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("target", target);
    root.put("bound", kind.name().toLowerCase(java.util.Locale.ROOT));
    root.put("stepSeconds", cost.stepSeconds());
    root.put("aggregationSeconds", cost.aggregationSeconds());
    List<Map<String, Object>> ranked = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      Plan p = plans.get(i);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rank", i + 1);
      row.put("n", p.hierarchy().workers());
      row.put("groups", Arrays.stream(p.hierarchy().groupCountsBelowTop()).boxed().toList());
      row.put("periods", Arrays.stream(p.hierarchy().periods()).boxed().toList());
      row.put("gamma", p.stepSize());
      row.put("T", p.iterations());
      row.put("bound", p.bound());
      row.put("aggregationsPerLevel", p.aggregations());
      row.put("seconds", p.seconds());
      ranked.add(row);
    }
    root.put("plans", ranked);
    root.put("skippedGridCombinations", skipped);
    root.put("notes", notes());
    return root;
  }

  private List<String> notes() {
    List<String> notes = new ArrayList<>();
    notes.add(
        "T is the smallest horizon whose "
            + (kind == BoundKind.NUMERIC
                ? "numeric bound (docs/theory.md, section 8)"
                : "closed-form bound")
            + ", at its optimal gamma, reaches the target; seconds from the cost model");
    notes.add(BoundReport.RANDOM_GROUPING_NOTE);
    if (skipped > 0) {
      notes.add(
          "skipped "
              + skipped
              + " grid combination(s) that are not valid hierarchies (G not a multiple of I, or N not dividing n)");
    }
    return notes;
  }
}
