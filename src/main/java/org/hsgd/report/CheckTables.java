package org.hsgd.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hsgd.check.BoundValidityCheck;
import org.hsgd.check.Check;
import org.hsgd.check.SandwichCheck;
import org.hsgd.check.TheoryCheck;
import org.hsgd.check.TimeAverageCheck;
import org.hsgd.check.Verdict;
import org.hsgd.experiment.Variant;
import org.hsgd.report.PaperTable.Cell;
import org.hsgd.report.PaperTable.Header;
import org.hsgd.report.PaperTable.Number;
import org.hsgd.report.PaperTable.Text;

/**
 * Each check as a paper shows it: a short table whose rows read as the sandwich does (local SGD at
 * P_1, H-SGD, local SGD at P_K, top to bottom), means over seeds, and the verdict in the caption.
 * The per-seed numbers stay in the check's CSV and JSON.
 */
final class CheckTables {
  private final Map<String, Variant> variants = new LinkedHashMap<>();
  private final int seeds;

  /**
   * @param variants the experiment's variants, in sandwich order
   * @param seeds the number of seeds of each variant
   */
  CheckTables(List<Variant> variants, int seeds) {
    variants.forEach(v -> this.variants.put(v.label(), v));
    this.seeds = seeds;
  }

  private Text label(String variant) {
    Variant v = variants.get(variant);
    return v == null ? Text.of(variant) : Labels.variant(v);
  }

  /** The check's table, or empty where it does not apply and so has no numbers. */
  Optional<PaperTable> of(Check check) {
    if (check.verdict() == Verdict.NOT_APPLICABLE && !check.reason().isEmpty()) {
      return Optional.empty();
    }
    PaperTable table;
    if (check instanceof TheoryCheck theory) {
      table = theory(theory);
    } else if (check instanceof BoundValidityCheck validity) {
      table = validity(validity);
    } else if (check instanceof SandwichCheck sandwich) {
      table = sandwich(sandwich);
    } else if (check instanceof TimeAverageCheck averages) {
      table = timeAverages(averages);
    } else {
      return Optional.empty();
    }
    if (!check.note().isEmpty()) {
      List<Text> notes = new ArrayList<>(table.notes());
      notes.add(Text.of(check.note()));
      table = new PaperTable(table.name(), table.caption(), table.headers(), table.rows(), notes);
    }
    return table.rows().isEmpty() ? Optional.empty() : Optional.of(table);
  }

  /** "Theory: order of the bounds ...: holds (estimated constants)." */
  static String caption(Check check) {
    String title = check.title();
    return Character.toUpperCase(title.charAt(0))
        + title.substring(1)
        + ": "
        + check.verdict().label()
        + (check.basis().isEmpty() ? "" : " (" + check.basis() + ")")
        + (check.reason().isEmpty() ? "" : "; " + check.reason())
        + ".";
  }

  /** The caption in both forms: {@link #caption} and, in LaTeX, {@code title} in notation. */
  private static Text caption(Check check, String latexTitle, String plainMore, String latexMore) {
    String verdict =
        check.verdict().label()
            + (check.basis().isEmpty() ? "" : " (" + check.basis() + ")")
            + (check.reason().isEmpty() ? "" : "; " + check.reason())
            + ".";
    return new Text(
        caption(check) + " " + plainMore,
        latexTitle + ": " + Latex.text(verdict) + " " + latexMore);
  }

  private String meanOver() {
    return seeds > 1 ? "means over " + seeds + " seeds" : "one seed";
  }

  /** Rows: the variants; columns: gamma and B at the run's gamma and at each bound's optimal. */
  private PaperTable theory(TheoryCheck check) {
    List<String> choices =
        check.rows().stream().map(TheoryCheck.Row::gammaChoice).distinct().toList();
    List<Header> headers = new ArrayList<>(List.of(Header.words("algorithm")));
    for (String choice : choices) {
      boolean run = choice.equals("run");
      headers.add(new Header(run ? "gamma" : "gamma*", run ? "$\\gamma$" : "$\\gamma^\\star$"));
      headers.add(
          new Header(run ? "B(gamma)" : "B(gamma*)", run ? "$B(\\gamma)$" : "$B(\\gamma^\\star)$"));
    }
    List<List<Cell>> rows = new ArrayList<>();
    List<Variant> sides = List.copyOf(variants.values());
    for (int side = 0; side < sides.size(); side++) {
      List<Cell> row = new ArrayList<>(List.of(Labels.variant(sides.get(side))));
      for (String choice : choices) {
        List<TheoryCheck.Row> at =
            check.rows().stream().filter(r -> r.gammaChoice().equals(choice)).toList();
        int s = side;
        row.add(Number.of(at.stream().mapToDouble(r -> r.gammas().get(s)).average().orElseThrow()));
        row.add(Number.of(at.stream().mapToDouble(r -> r.bounds().get(s)).average().orElseThrow()));
      }
      rows.add(row);
    }
    List<String> plain = new ArrayList<>();
    List<String> latex = new ArrayList<>();
    for (String choice : choices) {
      long ordered =
          check.rows().stream()
              .filter(r -> r.gammaChoice().equals(choice) && r.verdict() == Verdict.HOLDS)
              .count();
      long all = check.rows().stream().filter(r -> r.gammaChoice().equals(choice)).count();
      String count = "ordered for " + ordered + " of " + all + (all == 1 ? " seed" : " seeds");
      boolean run = choice.equals("run");
      plain.add(count + (run ? " at the run's gamma" : " at each bound's optimal gamma*"));
      latex.add(
          count + (run ? " at the run's $\\gamma$" : " at each bound's optimal $\\gamma^\\star$"));
    }
    return new PaperTable(
        "theory",
        caption(
            check,
            "Order of the closed-form bounds, $B_{P_1} \\le B_{\\mathrm{H}} \\le B_{P_K}$",
            "Closed-form bounds B, " + meanOver() + ".",
            "Closed-form bounds, " + meanOver() + "."),
        headers,
        rows,
        List.of(new Text(String.join("; ", plain), String.join("; ", latex))));
  }

  /** Rows: the variants; columns: both bounds, the measured time average and its upper limit. */
  private PaperTable validity(BoundValidityCheck check) {
    List<Header> headers =
        List.of(
            Header.words("algorithm"),
            new Header("B", "$B$"),
            new Header("B_num", "$B_{\\mathrm{num}}$"),
            new Header("mean |grad f|^2", "$\\frac{1}{T}\\sum_t \\|\\nabla f(u_t)\\|^2$"),
            new Header("upper 95 %", "upper 95\\,\\%"));
    List<List<Cell>> rows = new ArrayList<>();
    List<Text> notes = new ArrayList<>();
    for (String variant :
        check.rows().stream().map(BoundValidityCheck.Row::variant).distinct().toList()) {
      BoundValidityCheck.Row closed = find(check, variant, BoundValidityCheck.CLOSED_FORM);
      BoundValidityCheck.Row numeric = find(check, variant, BoundValidityCheck.NUMERIC);
      BoundValidityCheck.Row measured = Double.isNaN(closed.measured()) ? numeric : closed;
      // The digits that tell each bound from the upper limit it is checked against.
      double limit = measured.upperLimit();
      int digits =
          Math.max(
              PaperTable.digitsToTell(closed.value(), limit),
              PaperTable.digitsToTell(numeric.value(), limit));
      rows.add(
          List.of(
              label(variant),
              new Number(closed.value(), digits),
              new Number(numeric.value(), digits),
              Number.of(measured.measured()),
              new Number(limit, digits)));
      for (BoundValidityCheck.Row r : List.of(closed, numeric)) {
        if (r.verdict() == Verdict.NOT_APPLICABLE && !r.reason().isEmpty()) {
          notes.add(Text.of(variant + ", " + r.bound() + ": " + r.reason()));
        }
      }
    }
    String more = "Bounds at the run's step size and horizon, " + meanOver() + ".";
    return new PaperTable(
        "bound-validity",
        caption(
            check,
            "Each bound against the time average $\\frac{1}{T}\\sum_t \\|\\nabla f(u_t)\\|^2$ it"
                + " bounds",
            more,
            more),
        headers,
        rows,
        notes);
  }

  private static BoundValidityCheck.Row find(
      BoundValidityCheck check, String variant, String bound) {
    return check.rows().stream()
        .filter(r -> r.variant().equals(variant) && r.bound().equals(bound))
        .findFirst()
        .orElse(BoundValidityCheck.Row.notApplicable(variant, bound, ""));
  }

  /**
   * Columns: the metrics; rows: the three variants' means, then the p-value of each pair being
   * ordered, then the metric's verdict. Each metric's means carry the digits that tell them apart.
   */
  private PaperTable sandwich(SandwichCheck check) {
    List<SandwichCheck.Metric> metrics = check.metrics();
    List<Header> headers = new ArrayList<>(List.of(Header.words("")));
    for (SandwichCheck.Metric m : metrics) {
      headers.add(
          m.name().equals(SandwichCheck.MEAN_GRAD_NORM_SQ)
              ? new Header("mean |grad f|^2", "$\\frac{1}{T}\\sum_t \\|\\nabla f(u_t)\\|^2$")
              : Header.words(m.name()));
    }
    List<List<Cell>> rows = new ArrayList<>();
    List<String> sides = List.copyOf(variants.keySet());
    int[] digits = new int[metrics.size()];
    double[][] means = new double[sides.size()][metrics.size()];
    for (int m = 0; m < metrics.size(); m++) {
      List<SandwichCheck.Row> pairs = pairs(check, metrics.get(m).name());
      means[0][m] = pairs.get(0).order().lowerMean();
      means[1][m] = pairs.get(0).order().upperMean();
      means[2][m] = pairs.get(1).order().upperMean();
      digits[m] =
          Math.max(
              PaperTable.digitsToTell(means[0][m], means[1][m]),
              PaperTable.digitsToTell(means[1][m], means[2][m]));
    }
    for (int s = 0; s < sides.size(); s++) {
      List<Cell> row = new ArrayList<>(List.of(label(sides.get(s))));
      for (int m = 0; m < metrics.size(); m++) {
        row.add(new Number(means[s][m], digits[m]));
      }
      rows.add(row);
    }
    String[] pairNames = {"p, P_1 <= H-SGD", "p, H-SGD <= P_K"};
    String[] pairLatex = {"$p$, $P_1 \\le$ H-SGD", "$p$, H-SGD $\\le P_K$"};
    for (int pair = 0; pair < 2; pair++) {
      List<Cell> row = new ArrayList<>(List.of(new Text(pairNames[pair], pairLatex[pair])));
      for (SandwichCheck.Metric m : metrics) {
        row.add(pValue(pairs(check, m.name()).get(pair).order().pOrdered()));
      }
      rows.add(row);
    }
    List<Cell> verdicts = new ArrayList<>(List.of(Text.of("verdict")));
    metrics.forEach(m -> verdicts.add(Text.of(m.verdict().label())));
    rows.add(verdicts);
    return new PaperTable(
        "sandwich",
        caption(
            check,
            "Empirical sandwich, local SGD at $P_1$ $\\le$ H-SGD $\\le$ local SGD at $P_K$, paired"
                + " by seed",
            "Means over " + seeds + " seeds; p: one-sided paired t-test that the pair is ordered.",
            "Means over "
                + seeds
                + " seeds; $p$: one-sided paired $t$-test that the pair is ordered."),
        headers,
        rows,
        List.of());
  }

  private static List<SandwichCheck.Row> pairs(SandwichCheck check, String metric) {
    return check.rows().stream().filter(r -> r.metric().equals(metric)).toList();
  }

  /** Rows: the order of the bounds, then each variant below its bound; columns: the two bounds. */
  private PaperTable timeAverages(TimeAverageCheck check) {
    List<String> bounds = List.of(BoundValidityCheck.CLOSED_FORM, BoundValidityCheck.NUMERIC);
    List<Header> headers =
        List.of(Header.words("statement"), Header.words("closed form"), Header.words("numeric"));
    List<List<Cell>> rows = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    for (TimeAverageCheck.Row r : check.rows()) {
      String key = r.statement() + "\u0000" + r.variant();
      if (!statements.contains(key)) {
        statements.add(key);
      }
    }
    for (String key : statements) {
      String[] parts = key.split("\u0000");
      Text name =
          parts[0].equals(TimeAverageCheck.ORDER)
              ? new Text(
                  "B(P_1) <= B(H-SGD) <= B(P_K)", "$B_{P_1} \\le B_{\\mathrm{H}} \\le B_{P_K}$")
              : below(label(parts[1]));
      List<Cell> row = new ArrayList<>(List.of(name));
      for (String bound : bounds) {
        row.add(
            check.rows().stream()
                .filter(
                    r ->
                        (r.statement() + "\u0000" + r.variant()).equals(key)
                            && r.bound().equals(bound))
                .findFirst()
                .<Cell>map(r -> percent(r.share()))
                .orElse(PaperTable.EMPTY));
      }
      rows.add(row);
    }
    return new PaperTable(
        "time-averages",
        caption(
            check,
            "At every checkpoint $t$, $B_{P_1} \\le B_{\\mathrm{H}} \\le B_{P_K}$ at horizon $t$,"
                + " and each $\\frac{1}{t}\\sum_{s<t} \\|\\nabla f(u_s)\\|^2$ below its bound",
            "In percent of checkpoints t; the order of the numeric bounds is shown, not checked.",
            "In percent of checkpoints; the order of the numeric bounds is shown, not checked."),
        headers,
        rows,
        List.of());
  }

  private static Text below(Text variant) {
    return new Text("below B: " + variant.plain(), "below $B$: " + variant.latex());
  }

  /** A p-value to three digits, or "< 0.001". */
  static Cell pValue(double p) {
    return p < 1e-3 ? new Text("< 0.001", "${<}\\,0.001$") : new Number(p, 3);
  }

  /** A share in percent: three digits, more where a share below 1 would round to 100. */
  static Cell percent(double share) {
    if (Double.isNaN(share)) {
      return PaperTable.EMPTY;
    }
    return new Number(
        100 * share, share < 1 ? Math.max(3, PaperTable.digitsToTell(100 * share, 100)) : 3);
  }
}
