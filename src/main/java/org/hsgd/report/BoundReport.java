package org.hsgd.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.hsgd.bounds.BoundQuery;
import org.hsgd.bounds.BoundResult;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.NumericTerms;
import org.hsgd.bounds.Sandwich;
import org.hsgd.bounds.SandwichResult;
import org.hsgd.bounds.Scenario;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The result of one bound query in every output format. */
public final class BoundReport {
  /** Said wherever random grouping is used (THEORY.md, "Rigour"). */
  public static final String RANDOM_GROUPING_NOTE =
      "random grouping: eps_k^2 = w_k eps^2 are expected divergences; the bound then rests on "
          + "assumption A3-RG (E over groupings of sup over x of each level term <= w_k eps^2), exact "
          + "when grad F_j - grad f does not depend on x, not guaranteed in general (docs/theory.md)";

  private final BoundQuery query;
  private final SandwichResult result;

  public BoundReport(BoundQuery query, SandwichResult result) {
    this.query = query;
    this.result = result;
  }

  /** The report in the given format. */
  public String render(Format format) {
    return switch (format) {
      case JSON -> Outputs.json(json());
      case CSV -> Tables.csv(table());
      case LATEX -> Tables.commented(notes()) + paper().latex("tab:hsgd-bounds");
      case TABLE -> text();
    };
  }

  /** Nested JSON: the hierarchy's bound at top level, the sandwich below, then notes. */
  public Map<String, Object> json() {
    Scenario s = query.scenario();
    Hierarchy h = s.hierarchy();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("hierarchy", hierarchyJson(h));
    Map<String, Object> constants = new LinkedHashMap<>();
    constants.put("L", s.constants().smoothness());
    constants.put("sigma2", s.constants().noiseVariance());
    constants.put("delta", s.constants().initialGap());
    root.put("constants", constants);
    Map<String, Object> div = new LinkedHashMap<>();
    div.put("eps2", s.divergences().perLevel());
    div.put("eps2Total", s.divergences().total());
    div.put("randomGrouping", s.divergences().randomGrouping());
    root.put("divergences", div);
    root.put("gammaChoice", query.stepSize().isPresent() ? "given" : "optimal");
    root.put("T", query.iterations());
    query.target().ifPresent(t -> root.put("target", t));
    root.putAll(boundJson(result.hsgd(), query));
    root.put(
        "aggregationsPerLevel",
        Arrays.stream(h.aggregationCounts(query.iterations())).boxed().toList());
    Map<String, Object> sandwich = new LinkedHashMap<>();
    sandwich.put("lower", withPeriod(h.bottomPeriod(), result.lower(), query));
    sandwich.put("upper", withPeriod(h.topPeriod(), result.upper(), query));
    sandwich.put("holds", result.holds());
    numericSandwich().ifPresent(holds -> sandwich.put("numericHolds", holds));
    root.put("sandwich", sandwich);
    root.put("notes", notes());
    return root;
  }

  /**
   * Three rows: local SGD with P_1, H-SGD, local SGD with P_K, each named by its place in the
   * sandwich and its periods as integer columns (I and G for two levels, P1..PK otherwise; local
   * SGD with period P has every period equal to P), then the step sizes, the terms, both bounds and
   * whether the sandwich holds.
   */
  public Table table() {
    Hierarchy h = query.scenario().hierarchy();
    List<BoundResult> rows = List.of(result.lower(), result.hsgd(), result.upper());
    Table t =
        Table.create(
            "bounds", StringColumn.create("algorithm", List.of("local_P1", "hsgd", "local_PK")));
    List<String> periodNames = TidyTables.periodColumns(h.levelCount());
    long[] periods = h.periods();
    for (int k = 0; k < periods.length; k++) {
      t.addColumns(
          LongColumn.create(periodNames.get(k), h.bottomPeriod(), periods[k], h.topPeriod()));
    }
    t.addColumns(
        DoubleColumn.create("gamma", rows.stream().mapToDouble(BoundResult::stepSize)),
        DoubleColumn.create("gamma_max", rows.stream().mapToDouble(BoundResult::stepSizeLimit)),
        BooleanColumn.create(
            "step_size_valid", rows.stream().map(BoundResult::stepSizeValid).toList()),
        DoubleColumn.create(
            "optimization", rows.stream().mapToDouble(r -> r.terms().optimization())),
        DoubleColumn.create("noise", rows.stream().mapToDouble(r -> r.terms().noise())),
        DoubleColumn.create("noise_drift", rows.stream().mapToDouble(r -> r.terms().noiseDrift())),
        DoubleColumn.create(
            "divergence_drift", rows.stream().mapToDouble(r -> r.terms().divergenceDrift())),
        DoubleColumn.create("total", rows.stream().mapToDouble(BoundResult::total)),
        DoubleColumn.create(
            "numeric", rows.stream().mapToDouble(r -> numericValue(r, NumericTerms::total))),
        DoubleColumn.create(
            "numeric_gamma",
            rows.stream().mapToDouble(r -> numericValue(r, NumericTerms::stepSize))),
        DoubleColumn.create(
            "numeric_over_closed",
            rows.stream().mapToDouble(r -> numericValue(r, n -> n.total() / r.total()))),
        BooleanColumn.create(
            "sandwich_holds", List.of(result.holds(), result.holds(), result.holds())));
    if (query.target().isPresent()) {
      LongColumn horizon = LongColumn.create("T_for_target");
      rows.forEach(
          r -> r.horizonForTarget().ifPresentOrElse(horizon::append, horizon::appendMissing));
      LongColumn numericHorizon = LongColumn.create("T_for_target_numeric");
      rows.forEach(
          r ->
              r.numericHorizonForTarget()
                  .ifPresentOrElse(numericHorizon::append, numericHorizon::appendMissing));
      t.addColumns(horizon, numericHorizon);
    }
    return t;
  }

  /** The columns a paper shows: the periods, step sizes, both bounds and the horizons. */
  private static final List<String> PAPER_COLUMNS =
      List.of(
          "gamma",
          "gamma_max",
          "total",
          "numeric",
          "numeric_gamma",
          "T_for_target",
          "T_for_target_numeric");

  /**
   * The three algorithms as a paper shows them, for the terminal and LaTeX: the terms and checks
   * stay in the CSV and JSON.
   */
  PaperTable paper() {
    Table full = table();
    List<String> shown = new ArrayList<>();
    shown.add("algorithm");
    shown.addAll(TidyTables.periodColumns(query.scenario().hierarchy().levelCount()));
    PAPER_COLUMNS.stream().filter(full.columnNames()::contains).forEach(shown::add);
    Table selected = full.selectColumns(shown.toArray(String[]::new));
    selected.setName("bounds");
    Hierarchy h = query.scenario().hierarchy();
    PaperTable.Text scenario = Labels.hierarchy(h);
    String verdict =
        ": the sandwich "
            + (result.holds() ? "holds" : "fails")
            + numericSandwich()
                .map(
                    ok ->
                        "; on the numeric bounds " + (ok ? "it holds" : "it fails") + " (observed)")
                .orElse("")
            + ".";
    PaperTable.Text caption =
        new PaperTable.Text(
            "Bounds of local SGD at P_1, H-SGD and local SGD at P_K, "
                + scenario.plain()
                + ", T = "
                + query.iterations()
                + verdict,
            "Bounds of local SGD at $P_1$, H-SGD and local SGD at $P_K$ for "
                + scenario.latex()
                + " and $T="
                + query.iterations()
                + "$"
                + verdict);
    return Tables.paper(selected, caption, List.of()).withColumn(0, Labels.sandwich(h.periods()));
  }

  /**
   * Whether the numeric bounds are ordered too: observed on every scenario tried, not proven
   * (docs/theory.md, section 8).
   */
  private java.util.Optional<Boolean> numericSandwich() {
    List<BoundResult> rows = List.of(result.lower(), result.hsgd(), result.upper());
    if (rows.stream().anyMatch(r -> r.numeric().isEmpty())) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        Sandwich.ordered(
            result.lower().numeric().get().total(),
            result.hsgd().numeric().get().total(),
            result.upper().numeric().get().total()));
  }

  private static double numericValue(BoundResult r, ToDoubleFunction<NumericTerms> value) {
    return r.numeric().map(value::applyAsDouble).orElse(Double.NaN);
  }

  /** What a reader must know to use the numbers correctly. */
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    Scenario s = query.scenario();
    notes.add(
        "for uniform weights, f = (1/n) sum_j F_j and plain averages, as the theory assumes: not"
            + " for sample-weighted runs (weighting: samples)");
    notes.add(
        query.stepSize().isPresent()
            ? "all three bounds at the given gamma"
            : "each bound at its own optimal gamma in (0, gamma_max]");
    notes.add(
        "local SGD bounds use eps^2 = "
            + s.divergences().total()
            + (s.divergences().randomGrouping()
                ? " (eps2-total)"
                : " (eps2-total, or the sum of eps2 per level)"));
    if (s.divergences().randomGrouping()) {
      notes.add(RANDOM_GROUPING_NOTE);
    }
    notes.add(
        "numeric: the tighter bound that solves the deviation recursion (docs/theory.md, section"
            + " 8), proven for gamma <= 1/L"
            + (query.stepSize().isPresent() ? "" : ", at its own optimal gamma"));
    if (Stream.of(result.lower(), result.hsgd(), result.upper())
        .anyMatch(r -> r.numeric().isEmpty())) {
      notes.add(
          "numeric left out where P_top exceeds "
              + BoundQuery.NUMERIC_MAX_TOP_PERIOD
              + " iterations");
    }
    if (!result.hsgd().stepSizeValid()) {
      notes.add(
          "gamma exceeds gamma_max of H-SGD: its closed form is computed without guarantee"
              + (result.hsgd().numeric().map(NumericTerms::stepSizeValid).orElse(false)
                  ? "; the numeric bound applies"
                  : ""));
    }
    if (result.hsgd().stepSizeValid() && !result.upper().stepSizeValid()) {
      notes.add(
          "gamma exceeds gamma_max of local SGD with P_K (its top level merges more than H-SGD's): that row has no guarantee");
    }
    if (query.target().isPresent()) {
      List<String> unreachable = new ArrayList<>();
      if (result.lower().horizonForTarget().isEmpty()) {
        unreachable.add("local SGD P_1");
      }
      if (result.hsgd().horizonForTarget().isEmpty()) {
        unreachable.add("H-SGD");
      }
      if (result.upper().horizonForTarget().isEmpty()) {
        unreachable.add("local SGD P_K");
      }
      if (!unreachable.isEmpty()) {
        notes.add(
            "target "
                + query.target().getAsDouble()
                + " is unreachable at this gamma for "
                + String.join(", ", unreachable)
                + ": its noise and drift terms alone exceed it (use gamma: optimal)");
      }
    }
    if (!result.holds()) {
      notes.add("the sandwich does not hold here: lower <= H-SGD <= upper fails");
    }
    return notes;
  }

  private String text() {
    Hierarchy h = query.scenario().hierarchy();
    StringBuilder out = new StringBuilder();
    out.append("H-SGD bound, ")
        .append(h.levelCount())
        .append(" level(s): ")
        .append(h.describe())
        .append(", T=")
        .append(query.iterations())
        .append(System.lineSeparator());
    PaperTable paper = paper();
    out.append(
        new PaperTable(
                paper.name(), PaperTable.Text.of(""), paper.headers(), paper.rows(), List.of())
            .text(Lines.TERMINAL_WIDTH));
    String sandwich =
        "sandwich (local SGD P_1 <= H-SGD <= local SGD P_K): "
            + (result.holds() ? "holds" : "FAILS")
            + numericSandwich()
                .map(
                    ordered ->
                        "; on the numeric bounds: "
                            + (ordered ? "holds" : "FAILS")
                            + " (observed, not proven)")
                .orElse("");
    out.append(Lines.fit(sandwich)).append(System.lineSeparator());
    notes().forEach(n -> out.append(Lines.fit("note: " + n)).append(System.lineSeparator()));
    out.append("the terms of each bound: --format csv or json").append(System.lineSeparator());
    return out.toString();
  }

  private static Map<String, Object> hierarchyJson(Hierarchy h) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("n", h.workers());
    json.put("groups", Arrays.stream(h.groupCountsBelowTop()).boxed().toList());
    json.put("periods", Arrays.stream(h.periods()).boxed().toList());
    return json;
  }

  private static Map<String, Object> boundJson(BoundResult r, BoundQuery query) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("total", r.total());
    Map<String, Object> terms = new LinkedHashMap<>();
    terms.put("optimization", r.terms().optimization());
    terms.put("noise", r.terms().noise());
    terms.put("noiseDrift", r.terms().noiseDrift());
    terms.put("divergenceDrift", r.terms().divergenceDrift());
    json.put("terms", terms);
    json.put("gamma", r.stepSize());
    json.put("gammaMax", r.stepSizeLimit());
    json.put("stepSizeValid", r.stepSizeValid());
    r.numeric()
        .ifPresent(
            n -> {
              Map<String, Object> numeric = new LinkedHashMap<>();
              numeric.put("total", n.total());
              numeric.put("xPart", n.xPart());
              numeric.put("drift", n.drift());
              numeric.put("rho", n.rho());
              numeric.put("gamma", n.stepSize());
              numeric.put("stepSizeValid", n.stepSizeValid());
              numeric.put("ratioToClosedForm", n.total() / r.total());
              if (query.target().isPresent()) {
                numeric.put(
                    "horizonForTarget",
                    r.numericHorizonForTarget().isPresent()
                        ? r.numericHorizonForTarget().getAsLong()
                        : null);
              }
              json.put("numeric", numeric);
            });
    if (query.target().isPresent()) {
      json.put(
          "horizonForTarget",
          r.horizonForTarget().isPresent() ? r.horizonForTarget().getAsLong() : null);
    }
    return json;
  }

  private static Map<String, Object> withPeriod(long period, BoundResult r, BoundQuery query) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("period", period);
    json.putAll(boundJson(r, query));
    return json;
  }
}
