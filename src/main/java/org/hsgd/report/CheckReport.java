package org.hsgd.report;

import static java.util.stream.Collectors.joining;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hsgd.check.BoundValidityCheck;
import org.hsgd.check.CheckResult;
import org.hsgd.check.CheckSettings;
import org.hsgd.check.SandwichCheck;
import org.hsgd.check.TheoryCheck;
import org.hsgd.check.Verdict;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.RunBounds;
import org.hsgd.experiment.Variant;
import org.hsgd.figure.Figure;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The checks of an experiment as text, tables (CSV) and JSON. */
public final class CheckReport {
  private static final String NL = System.lineSeparator();

  private final ExperimentSpec spec;
  private final CheckSettings settings;
  private final CheckResult result;

  public CheckReport(ExperimentSpec spec, CheckSettings settings, CheckResult result) {
    this.spec = spec;
    this.settings = settings;
    this.result = result;
  }

  /** One row per check: its verdict and the numbers that decided it. */
  public Table summary() {
    return Table.create(
        "summary",
        StringColumn.create("check", List.of("theory", "bound validity", "empirical sandwich")),
        StringColumn.create(
            "verdict",
            List.of(
                result.theory().verdict().label(),
                result.validity().verdict().label(),
                result.sandwich().verdict().label())),
        StringColumn.create("detail", List.of(theoryDetail(), validityDetail(), sandwichDetail())));
  }

  /** The three bounds per seed and choice of gamma. */
  public Table theory() {
    List<TheoryCheck.Row> rows = result.theory().rows();
    Table t =
        Table.create(
            "theory",
            LongColumn.create("seed", rows.stream().mapToLong(TheoryCheck.Row::seed).toArray()),
            StringColumn.create("gamma_choice", rows.stream().map(TheoryCheck.Row::gammaChoice)));
    String[] sides = {"local_P1", "hsgd", "local_PK"};
    for (int k = 0; k < 3; k++) {
      int side = k;
      t.addColumns(
          DoubleColumn.create(
              "gamma_" + sides[k], rows.stream().mapToDouble(r -> r.gammas().get(side))));
    }
    for (int k = 0; k < 3; k++) {
      int side = k;
      t.addColumns(
          DoubleColumn.create(
              "B_" + sides[k], rows.stream().mapToDouble(r -> r.bounds().get(side))));
    }
    return t.addColumns(
        StringColumn.create(
            "guaranteed",
            rows.stream()
                .map(
                    r ->
                        r.guaranteed().stream()
                            .map(g -> g ? "yes" : "no")
                            .collect(Collectors.joining("/")))),
        DoubleColumn.create("excess", rows.stream().mapToDouble(TheoryCheck.Row::excess)),
        StringColumn.create("verdict", rows.stream().map(r -> r.verdict().label())));
  }

  /** Each variant's bounds against its measured (and, where known, exact) time average. */
  public Table validity() {
    List<BoundValidityCheck.Row> rows = result.validity().rows();
    return Table.create(
        "bound-validity",
        StringColumn.create("variant", rows.stream().map(BoundValidityCheck.Row::variant)),
        StringColumn.create("bound", rows.stream().map(BoundValidityCheck.Row::bound)),
        IntColumn.create("seeds", rows.stream().mapToInt(BoundValidityCheck.Row::seeds).toArray()),
        DoubleColumn.create("value", rows.stream().mapToDouble(BoundValidityCheck.Row::value)),
        DoubleColumn.create(
            "measured", rows.stream().mapToDouble(BoundValidityCheck.Row::measured)),
        DoubleColumn.create(
            "upper_limit", rows.stream().mapToDouble(BoundValidityCheck.Row::upperLimit)),
        DoubleColumn.create("exact", rows.stream().mapToDouble(BoundValidityCheck.Row::exact)),
        DoubleColumn.create("ratio", rows.stream().mapToDouble(BoundValidityCheck.Row::ratio)),
        DoubleColumn.create("excess", rows.stream().mapToDouble(BoundValidityCheck.Row::excess)),
        StringColumn.create("verdict", rows.stream().map(r -> r.verdict().label())),
        StringColumn.create("reason", rows.stream().map(BoundValidityCheck.Row::reason)));
  }

  /** The paired comparisons of the three algorithms per metric. */
  public Table sandwich() {
    List<SandwichCheck.Row> rows = result.sandwich().rows();
    return Table.create(
        "sandwich",
        StringColumn.create("metric", rows.stream().map(SandwichCheck.Row::metric)),
        StringColumn.create("lower", rows.stream().map(SandwichCheck.Row::lower)),
        StringColumn.create("upper", rows.stream().map(SandwichCheck.Row::upper)),
        DoubleColumn.create("lower_mean", rows.stream().mapToDouble(r -> r.order().lowerMean())),
        DoubleColumn.create("upper_mean", rows.stream().mapToDouble(r -> r.order().upperMean())),
        DoubleColumn.create(
            "relative_difference", rows.stream().mapToDouble(r -> r.order().relativeDifference())),
        DoubleColumn.create("p_ordered", rows.stream().mapToDouble(r -> r.order().pOrdered())),
        DoubleColumn.create("p_reversed", rows.stream().mapToDouble(r -> r.order().pReversed())),
        StringColumn.create("verdict", rows.stream().map(r -> r.order().verdict().label())),
        StringColumn.create("reason", rows.stream().map(r -> r.order().reason())));
  }

  /**
   * The bounds of the sandwich against G and T for the H-SGD scenario of the first seed, each at
   * its optimal step size (at the run's where Delta = 0), where the runs have exact constants;
   * empty otherwise.
   */
  public java.util.Optional<Table> boundCurves(List<org.hsgd.experiment.Run> runs) {
    for (org.hsgd.experiment.Run r : runs) {
      RunBounds bounds = RunBounds.of(spec, r);
      if (!r.variant().local()
          && bounds.applies()
          && bounds.scenario().hierarchy().levelCount() > 1) {
        Table curves = BoundCurves.of(bounds, bounds.curveStepSize());
        boolean drawable =
            java.util.Arrays.stream(curves.doubleColumn("value").asDoubleArray())
                .anyMatch(Double::isFinite);
        return drawable ? java.util.Optional.of(curves) : java.util.Optional.empty();
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The check's files in {@code dir}: each check's table (check-*.csv), the bound curves where they
   * exist, check.tex, check.txt, check.json and check.manifest.json.
   *
   * @param rerun the command that reproduces them
   * @param config the config as read, for the manifest
   */
  public Map<java.nio.file.Path, byte[]> files(
      java.nio.file.Path dir,
      java.util.Optional<Table> boundCurves,
      String rerun,
      Map<String, Object> config) {
    Map<java.nio.file.Path, byte[]> files = new LinkedHashMap<>();
    for (Table table : List.of(summary(), theory(), validity(), sandwich())) {
      files.put(dir.resolve("check-" + table.name() + ".csv"), bytes(Tables.csv(table)));
    }
    boundCurves.ifPresent(t -> files.put(dir.resolve("bound-curves.csv"), bytes(Tables.csv(t))));
    files.put(dir.resolve("check.tex"), bytes(latex()));
    files.put(dir.resolve("check.txt"), bytes(text()));
    files.put(dir.resolve("check.json"), bytes(Outputs.json(json())));
    Map<String, Object> manifest =
        Provenance.manifest(rerun, config, files.keySet().stream().map(Object::toString).toList());
    manifest.put("spec", spec);
    manifest.put("checkSettings", settings);
    manifest.put("verdict", result.verdict().label());
    files.put(dir.resolve("check.manifest.json"), bytes(Outputs.json(manifest)));
    return files;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The check's own figures: the bounds against G and T, and each bound beside the measurement. */
  public List<Figure> figures(java.util.Optional<Table> boundCurves) {
    List<Figure> figures = new ArrayList<>();
    boundCurves.map(PaperFigures::bounds).ifPresent(figures::add);
    PaperFigures.boundVsMeasured(validity()).ifPresent(figures::add);
    return figures;
  }

  /** The report for the terminal: each check's table and verdict, then the overall verdict. */
  public String text() {
    StringBuilder out = new StringBuilder();
    List<Variant> v = spec.variants();
    out.append("check of ")
        .append(spec.name())
        .append(": ")
        .append(v.stream().map(Variant::label).collect(Collectors.joining(", ")))
        .append("; ")
        .append(spec.seeds())
        .append(spec.seeds() == 1 ? " seed" : " seeds")
        .append(", gamma = ")
        .append(spec.run().stepSize())
        .append(", T = ")
        .append(spec.run().iterations())
        .append(NL)
        .append(NL);
    section(
        out,
        "theory: order of the bounds B(local SGD P_1) <= B(H-SGD) <= B(local SGD P_K)",
        result.theory().verdict(),
        result.theory().reason(),
        theory());
    section(
        out,
        "bound validity: each bound against the time average of |grad f(u_t)|^2 it bounds",
        result.validity().verdict(),
        result.validity().verdict() == Verdict.NOT_APPLICABLE ? validityDetail() : "",
        validity());
    section(
        out,
        "empirical sandwich: local SGD P_1 <= H-SGD <= local SGD P_K, paired by seed",
        result.sandwich().verdict(),
        result.sandwich().reason(),
        sandwich());
    if (result.sandwich().verdict() != Verdict.NOT_APPLICABLE) {
      out.append("  ").append(sandwichDetail()).append(NL).append(NL);
    }
    out.append(Tables.text(summary()));
    notes().forEach(n -> out.append("note: ").append(n).append(NL));
    out.append("verdict: ").append(result.verdict().label()).append(NL);
    problems().forEach(p -> out.append("  ").append(p).append(NL));
    return out.toString();
  }

  /**
   * The three checks as booktabs tables for a paper, each with its verdict under it, and the
   * overall verdict.
   */
  public String latex() {
    StringBuilder tex = new StringBuilder();
    tex.append("% check of ")
        .append(spec.name())
        .append(" (hsgd): verdict ")
        .append(result.verdict().label())
        .append("\n");
    List<Object[]> sections =
        List.of(
            new Object[] {
              theory(), result.theory().verdict(), "theory: B(P_1) <= B(H-SGD) <= B(P_K)"
            },
            new Object[] {validity(), result.validity().verdict(), "bound validity"},
            new Object[] {sandwich(), result.sandwich().verdict(), "empirical sandwich"});
    for (Object[] section : sections) {
      Table table = ((Table) section[0]).copy();
      if (table.columnNames().contains("reason")) {
        table.removeColumns("reason");
      }
      Verdict verdict = (Verdict) section[1];
      tex.append("\n").append(Tables.latex(table, List.of(section[2] + ": " + verdict.label())));
    }
    return tex.toString();
  }

  /** Every number of the checks, with the settings and notes. */
  public Map<String, Object> json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("experiment", spec.name());
    root.put("verdict", result.verdict().label());
    root.put("settings", settings);
    root.put("checks", result);
    root.put("problems", problems());
    root.put("notes", notes());
    return root;
  }

  /**
   * One line per check or row that does not hold: which, by how much and why, for the end of the
   * report.
   */
  public List<String> problems() {
    List<String> lines = new ArrayList<>();
    for (TheoryCheck.Row r : result.theory().rows()) {
      if (r.verdict() == Verdict.VIOLATED) {
        lines.add(
            "theory violated (seed "
                + r.seed()
                + ", "
                + r.gammaChoice()
                + " gamma): the bounds are out of order by "
                + number(r.excess()));
      }
    }
    for (BoundValidityCheck.Row r : result.validity().rows()) {
      if (r.verdict() == Verdict.VIOLATED || r.verdict() == Verdict.INCONCLUSIVE) {
        lines.add(
            "bound validity "
                + r.verdict().label()
                + " ("
                + r.variant()
                + ", "
                + r.bound()
                + "): "
                + r.reason());
      }
    }
    for (SandwichCheck.Metric m : result.sandwich().metrics()) {
      if (m.width() <= settings.margin()) {
        lines.add(
            "empirical sandwich inconclusive ("
                + m.name()
                + "): the runs cannot be told apart, local SGD at P_1 and P_K differ by "
                + percent(m.width())
                + " of its scale, within the margin of "
                + percent(settings.margin()));
      }
    }
    for (SandwichCheck.Row r : result.sandwich().rows()) {
      Verdict v = r.order().verdict();
      if (v == Verdict.VIOLATED || v == Verdict.INCONCLUSIVE) {
        lines.add(
            "empirical sandwich "
                + v.label()
                + " ("
                + r.metric()
                + ", "
                + r.lower()
                + " <= "
                + r.upper()
                + "): "
                + r.order().reason());
      }
    }
    return lines;
  }

  private List<String> notes() {
    List<String> notes = new ArrayList<>();
    notes.add(
        "mean |grad f(u_t)|^2 is averaged over "
            + RunReport.averagedOver(spec.run())
            + ", alike for every variant");
    notes.add(
        "tests: one-sided Student t on per-seed differences at level "
            + settings.level()
            + "; on a metric where local SGD at P_1 and P_K differ by at most "
            + percent(settings.margin())
            + " of its scale (H-SGD's loss decrease, or its mean |grad f|^2) the runs count as"
            + " indistinguishable; final-window loss = mean loss over the checkpoints"
            + " of the last "
            + percent(settings.finalWindow())
            + " of T");
    if (spec.grouping() == org.hsgd.sim.GroupingStrategy.RANDOM) {
      notes.add(BoundReport.RANDOM_GROUPING_NOTE);
    }
    return notes;
  }

  private static void section(
      StringBuilder out, String title, Verdict verdict, String reason, Table table) {
    out.append(title).append(": ").append(verdict.label());
    if (!reason.isEmpty()) {
      out.append(" (").append(reason).append(")");
    }
    out.append(NL);
    if (verdict != Verdict.NOT_APPLICABLE) {
      Table shown = table.copy();
      if (shown.columnNames().contains("reason")) {
        shown.removeColumns("reason"); // said below, in the lines that follow the verdict
      }
      out.append(Tables.text(shown));
    }
    out.append(NL);
  }

  private String theoryDetail() {
    TheoryCheck t = result.theory();
    if (t.verdict() == Verdict.NOT_APPLICABLE) {
      return t.reason();
    }
    long ordered = t.rows().stream().filter(r -> r.verdict() == Verdict.HOLDS).count();
    return ordered + " of " + t.rows().size() + " (seed, gamma) rows ordered";
  }

  private String validityDetail() {
    List<BoundValidityCheck.Row> rows = result.validity().rows();
    if (rows.stream().allMatch(r -> r.verdict() == Verdict.NOT_APPLICABLE)) {
      return rows.stream().map(BoundValidityCheck.Row::reason).distinct().collect(joining("; "));
    }
    return rows.stream()
        .map(
            r ->
                r.variant()
                    + ": "
                    + (r.verdict() == Verdict.NOT_APPLICABLE
                        ? r.reason()
                        : r.bound()
                            + " / "
                            + (Double.isNaN(r.exact()) ? "measured" : "exact")
                            + " = "
                            + number(r.ratio())))
        .collect(joining("; "));
  }

  private String sandwichDetail() {
    SandwichCheck s = result.sandwich();
    if (s.verdict() == Verdict.NOT_APPLICABLE) {
      return s.reason();
    }
    return "loss ordered at "
        + percent(s.checkpointShare())
        + " of checkpoints; H-SGD's final-window loss sits at "
        + number(s.position())
        + " between P_1 (0) and P_K (1)";
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.3g", value);
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.3g %%", 100 * fraction);
  }
}
