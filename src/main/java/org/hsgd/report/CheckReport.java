package org.hsgd.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hsgd.check.Check;
import org.hsgd.check.CheckResult;
import org.hsgd.check.CheckSettings;
import org.hsgd.check.Numbers;
import org.hsgd.check.TimeAverageCheck;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Run;
import org.hsgd.experiment.RunBounds;
import org.hsgd.experiment.Variant;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The checks of an experiment as text, tables (CSV) and JSON. */
public final class CheckReport {
  private static final String NL = System.lineSeparator();

  private final ExperimentSpec spec;
  private final CheckSettings settings;
  private final CheckResult result;
  private final List<Run> runs;

  /**
   * @param runs the runs checked
   */
  public CheckReport(
      ExperimentSpec spec, CheckSettings settings, CheckResult result, List<Run> runs) {
    this.spec = spec;
    this.settings = settings;
    this.runs = List.copyOf(runs);
    this.result = result;
  }

  /** One row per check: its verdict and the numbers that decided it. */
  public Table summary() {
    List<Check> checks = result.checks();
    return Table.create(
        "summary",
        StringColumn.create("check", checks.stream().map(Check::name)),
        StringColumn.create("verdict", checks.stream().map(c -> c.verdict().label())),
        StringColumn.create(
            "detail",
            checks.stream()
                .map(c -> c.basis().isEmpty() ? c.detail() : c.detail() + "; " + c.basis())));
  }

  /**
   * The bounds of the sandwich against G and T for the H-SGD scenario of the first seed, each at
   * its optimal step size (at the run's where Delta = 0), where the runs have exact constants;
   * empty otherwise.
   */
  private java.util.Optional<Table> boundCurves() {
    for (Run r : runs) {
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
   * The check's tables, keyed by their files: the summary and each check's table ({@code
   * check-<name>.csv}), and the bound curves ({@link FigureCatalogue#BOUND_CURVES}) and time
   * averages ({@link FigureCatalogue#TIME_AVERAGES}) where they exist.
   */
  public Map<String, Table> tables() {
    Map<String, Table> tables = new LinkedHashMap<>();
    tables.put("check-summary.csv", summary());
    for (Check c : result.checks()) {
      Table table = c.table();
      tables.put("check-" + table.name() + ".csv", table);
    }
    boundCurves().ifPresent(t -> tables.put(FigureCatalogue.BOUND_CURVES, t));
    result
        .find(TimeAverageCheck.class)
        .filter(c -> !c.points().isEmpty())
        .ifPresent(c -> tables.put(FigureCatalogue.TIME_AVERAGES, c.curves()));
    return tables;
  }

  /**
   * The check's documents in {@code dir}: check.tex, check.txt, check.json, and
   * check.manifest.json, which lists them with the tables.
   *
   * @param tables the files of the check's tables, for the manifest
   */
  public Map<java.nio.file.Path, byte[]> documents(
      java.nio.file.Path dir, List<java.nio.file.Path> tables, Provenance provenance) {
    Map<java.nio.file.Path, byte[]> files = new LinkedHashMap<>();
    files.put(dir.resolve("check.tex"), bytes(latex()));
    files.put(dir.resolve("check.txt"), bytes(text()));
    files.put(dir.resolve("check.json"), bytes(Outputs.json(json())));
    List<String> outputs = new ArrayList<>();
    tables.forEach(p -> outputs.add(p.toString()));
    files.keySet().forEach(p -> outputs.add(p.toString()));
    Map<String, Object> manifest = provenance.manifest(outputs);
    manifest.put("spec", spec);
    manifest.put("checkSettings", settings);
    manifest.put("verdict", result.verdict().label());
    files.put(dir.resolve("check.manifest.json"), bytes(Outputs.json(manifest)));
    return files;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * The report for the terminal, at most {@link Lines#TERMINAL_WIDTH} wide: each check's table and
   * verdict, the summary, then the overall verdict.
   */
  public String text() {
    StringBuilder out = new StringBuilder();
    List<Variant> v = spec.variants();
    String heading =
        "check of "
            + spec.name()
            + ": "
            + v.stream().map(Variant::label).collect(Collectors.joining(", "))
            + "; "
            + spec.seeds()
            + (spec.seeds() == 1 ? " seed" : " seeds")
            + ", gamma = "
            + spec.run().stepSize()
            + ", T = "
            + spec.run().iterations();
    out.append(Lines.fit(heading)).append(NL).append(NL);
    CheckTables tables = new CheckTables(v, spec.seeds());
    for (Check check : result.checks()) {
      out.append(
              tables
                  .of(check)
                  .map(t -> t.text(Lines.TERMINAL_WIDTH))
                  .orElseGet(() -> Lines.fit(CheckTables.caption(check)) + NL))
          .append(NL);
    }
    out.append(summaryTable().text(Lines.TERMINAL_WIDTH));
    notes().forEach(n -> out.append(Lines.fit("note: " + n)).append(NL));
    out.append("verdict: ").append(result.verdict().label()).append(NL);
    problems().forEach(p -> out.append(Lines.fit("  " + p)).append(NL));
    return out.toString();
  }

  /** The summary for the terminal: the detail column wraps. */
  private PaperTable summaryTable() {
    List<List<PaperTable.Cell>> rows = new ArrayList<>();
    for (Check c : result.checks()) {
      rows.add(
          List.of(
              PaperTable.Text.of(c.name()),
              PaperTable.Text.of(c.verdict().label()),
              PaperTable.Text.of(
                  c.basis().isEmpty() ? c.detail() : c.detail() + "; " + c.basis())));
    }
    return new PaperTable(
        "summary",
        PaperTable.Text.of(""),
        List.of(
            PaperTable.Header.words("check"),
            PaperTable.Header.words("verdict"),
            PaperTable.Header.words("detail")),
        rows,
        List.of());
  }

  /**
   * The checks as LaTeX floats for a paper, one per check that has numbers, each with its verdict
   * in the caption; the report's notes as comments.
   */
  public String latex() {
    StringBuilder tex = new StringBuilder();
    tex.append("% check of ")
        .append(spec.name())
        .append(" (hsgd): verdict ")
        .append(result.verdict().label())
        .append("\n")
        .append(Tables.commented(notes()));
    CheckTables tables = new CheckTables(spec.variants(), spec.seeds());
    String label =
        "tab:hsgd-" + spec.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    for (Check check : result.checks()) {
      tables
          .of(check)
          .ifPresentOrElse(
              t -> tex.append("\n").append(t.latex(label + "-" + t.name())),
              () -> tex.append("% ").append(CheckTables.caption(check)).append("\n"));
    }
    return tex.toString();
  }

  /** Every number of the checks, with the settings and notes. */
  public Map<String, Object> json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("experiment", spec.name());
    root.put("verdict", result.verdict().label());
    root.put("settings", settings);
    Map<String, Object> checks = new LinkedHashMap<>();
    result.checks().forEach(c -> checks.put(c.name(), c));
    root.put("checks", checks);
    Map<String, Object> estimates = EstimatesReport.json(runs);
    if (!estimates.isEmpty()) {
      root.put("estimatedConstants", estimates);
    }
    root.put("problems", problems());
    root.put("notes", notes());
    return root;
  }

  /**
   * One line per check or row that does not hold: which, by how much and why, for the end of the
   * report.
   */
  public List<String> problems() {
    return result.checks().stream().flatMap(c -> c.problems(settings).stream()).toList();
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
            + Numbers.percent(settings.margin())
            + " of its scale (H-SGD's loss decrease, or its mean |grad f|^2) the runs count as"
            + " indistinguishable; final-window loss = mean loss over the checkpoints"
            + " of the last "
            + Numbers.percent(settings.finalWindow())
            + " of T");
    if (spec.constants() instanceof org.hsgd.experiment.ConstantsSpec.Given g) {
      notes.add(
          "the bounds use the constants given in the config (L = "
              + g.smoothness()
              + ", sigma^2 = "
              + g.noiseVariance()
              + ", Delta = "
              + g.initialGap()
              + ", eps_k^2 = "
              + g.divergencePerLevel()
              + ", eps^2 of local SGD = "
              + g.divergenceTotal()
              + "): the user's values, not measured; a verdict on them is as good as they are");
    }
    String estimates = EstimatesReport.note(runs);
    if (!estimates.isEmpty()) {
      notes.add(estimates);
    }
    if (spec.grouping() == org.hsgd.sim.GroupingStrategy.RANDOM) {
      notes.add(BoundReport.RANDOM_GROUPING_NOTE);
    }
    return notes;
  }
}
