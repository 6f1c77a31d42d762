package org.hsgd.check;

import static org.hsgd.experiment.RunBounds.Side.OWN;
import static org.hsgd.experiment.RunBounds.StepSize.RUN;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hsgd.bounds.BoundKind;
import org.hsgd.bounds.Sandwich;
import org.hsgd.experiment.Run;
import org.hsgd.experiment.RunBounds;
import org.hsgd.sim.Measurement;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The theory along the run: at every checkpoint t &gt; 0, the running time average (1/t)
 * sum_{s&lt;t} |grad f(u_s)|^2 of each run beside its bounds at horizon t (the run's gamma), and
 *
 * <ul>
 *   <li>whether the three closed-form bounds of each seed's H-SGD scenario, local SGD at P_1 &lt;=
 *       H-SGD &lt;= local SGD at P_K, are ordered at horizon t: holds when they are at every
 *       checkpoint (the numeric bounds' order is reported, not checked: no theorem orders them);
 *   <li>whether each variant's measured time average, mean over seeds, stays below its bound, mean
 *       over seeds, at every checkpoint, where the bound is a guarantee at the run's gamma: holds
 *       when it does at every checkpoint, and where the time average runs over the checkpoints only
 *       a shortfall is inconclusive.
 * </ul>
 *
 * Each row reports the share of checkpoints at which its statement holds.
 *
 * @param rows one per bound kind for the order, one per variant and bound kind for the measured
 * @param points the curves behind them: every run's measurement and bounds at every checkpoint
 * @param verdict all rows at once ({@link Verdict#all})
 * @param basis the label of the constants the bounds rest on, or empty
 */
public record TimeAverageCheck(List<Row> rows, List<Point> points, Verdict verdict, String basis)
    implements Check {

  /** The statement of an order row. */
  public static final String ORDER = "bounds ordered";

  /** The statement of a measured row. */
  public static final String BELOW = "measured below bound";

  /** Why a measured row over checkpoint averages decides nothing. */
  private static final String CHECKPOINT_AVERAGES =
      "reported, not checked: a time average over the checkpoints only over-weights the first"
          + " iterations at small t (bound validity compares it at T)";

  /**
   * One statement over the checkpoints.
   *
   * @param statement {@link #ORDER} or {@link #BELOW}
   * @param variant the variant measured, or "all" for the order
   * @param bound "closed form" or "numeric"
   * @param checkpoints how many checkpoints the statement was tested at
   * @param share the fraction of them at which it holds (NaN where it was tested at none)
   * @param verdict holds when the share is 1, violated when below, not applicable without a test
   * @param reason why it does not apply, or empty
   */
  public record Row(
      String statement,
      String variant,
      String bound,
      int checkpoints,
      double share,
      Verdict verdict,
      String reason) {}

  /**
   * One run at one checkpoint.
   *
   * @param measured the running time average up to t
   * @param closed the closed-form bound at horizon t and the run's gamma (NaN where none applies)
   * @param numeric the numeric bound likewise, NaN where gamma &gt; 1/L (its recursion then grows
   *     without meaning)
   * @param guaranteed whether the closed form and the numeric bound are guarantees at that gamma
   */
  public record Point(
      String variant,
      long seed,
      long iteration,
      double measured,
      double closed,
      double numeric,
      boolean closedGuaranteed,
      boolean numericGuaranteed) {}

  /** The check where no bound applies. */
  public static TimeAverageCheck notApplicable(String reason) {
    return new TimeAverageCheck(
        List.of(new Row(ORDER, "all", "both", 0, Double.NaN, Verdict.NOT_APPLICABLE, reason)),
        List.of(),
        Verdict.NOT_APPLICABLE,
        "");
  }

  /**
   * Checks the runs of an experiment.
   *
   * @param variants the variants' labels, in the order of {@code runs}
   * @param runs per variant, its runs seed by seed
   * @param bounds the bounds of each of those runs
   * @param hsgd the index of H-SGD among the variants, whose scenario orders the three bounds
   * @param everyIteration whether the time averages run over every iteration (else the checkpoints,
   *     which at small t over-weight the first iterations)
   */
  public static TimeAverageCheck of(
      List<String> variants,
      List<List<Run>> runs,
      List<List<RunBounds>> bounds,
      int hsgd,
      boolean everyIteration) {
    List<Point> points = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      for (int s = 0; s < runs.get(v).size(); s++) {
        Run r = runs.get(v).get(s);
        for (Measurement m : measured(r)) {
          RunBounds b = bounds.get(v).get(s);
          RunBounds.Value closed = b.at(BoundKind.CLOSED, OWN, RUN, m.iteration());
          RunBounds.Value numeric = b.at(BoundKind.NUMERIC, OWN, RUN, m.iteration());
          points.add(
              new Point(
                  variants.get(v),
                  r.seed(),
                  m.iteration(),
                  m.runningMean(),
                  closed.value(),
                  numeric.guaranteed() ? numeric.value() : Double.NaN, // beyond 1/L: meaningless
                  closed.guaranteed(),
                  numeric.guaranteed()));
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (BoundKind kind : BoundKind.values()) {
      rows.add(order(kind, runs.get(hsgd), bounds.get(hsgd)));
    }
    for (int v = 0; v < variants.size(); v++) {
      for (BoundKind kind : BoundKind.values()) {
        rows.add(below(variants.get(v), kind, runs.get(v), bounds.get(v), everyIteration));
      }
    }
    String basis = bounds.get(hsgd).isEmpty() ? "" : bounds.get(hsgd).get(0).label();
    return new TimeAverageCheck(
        rows, points, Verdict.all(rows.stream().map(Row::verdict).toList()), basis);
  }

  /** The checkpoints after t = 0, where a time average exists. */
  private static List<Measurement> measured(Run r) {
    return r.trace().checkpoints().stream().filter(m -> m.iteration() > 0).toList();
  }

  private static String label(BoundKind kind) {
    return kind == BoundKind.CLOSED ? BoundValidityCheck.CLOSED_FORM : BoundValidityCheck.NUMERIC;
  }

  /** The three bounds of each seed's H-SGD scenario at every checkpoint's horizon. */
  private static Row order(BoundKind kind, List<Run> runs, List<RunBounds> bounds) {
    int tested = 0;
    int ordered = 0;
    String reason = "";
    for (int s = 0; s < runs.size(); s++) {
      for (Measurement m : measured(runs.get(s))) {
        double[] three = new double[3];
        for (RunBounds.Side side : RunBounds.Side.values()) {
          RunBounds.Value b = bounds.get(s).at(kind, side, RUN, m.iteration());
          three[side.ordinal()] = b.value();
          reason = b.reason();
        }
        if (java.util.Arrays.stream(three).allMatch(Double::isFinite)) {
          tested++;
          ordered += Sandwich.ordered(three[0], three[1], three[2]) ? 1 : 0;
        }
      }
    }
    Row row = row(ORDER, "all", kind, tested, ordered, reason);
    if (kind == BoundKind.NUMERIC && row.verdict() != Verdict.NOT_APPLICABLE) {
      // The theorem orders the closed forms; the numeric bounds need not be at horizons up to
      // P_1, where the three algorithms still coincide (quadratic-exact.yaml: t <= 4).
      return new Row(
          ORDER,
          "all",
          row.bound(),
          tested,
          row.share(),
          Verdict.NOT_APPLICABLE,
          "reported, not checked: the theorem orders the closed forms");
    }
    return row;
  }

  /** A variant's mean measured time average against its mean bound, checkpoint by checkpoint. */
  private static Row below(
      String variant,
      BoundKind kind,
      List<Run> runs,
      List<RunBounds> bounds,
      boolean everyIteration) {
    List<Measurement> first = measured(runs.get(0));
    int tested = 0;
    int below = 0;
    for (int i = 0; i < first.size(); i++) {
      long t = first.get(i).iteration();
      double measured = 0;
      double bound = 0;
      for (int s = 0; s < runs.size(); s++) {
        RunBounds.Value b = bounds.get(s).at(kind, OWN, RUN, t);
        if (!b.guaranteed()) {
          String why = Double.isNaN(b.value()) ? b.reason() : b.reason() + " (at any horizon)";
          return new Row(BELOW, variant, label(kind), 0, Double.NaN, Verdict.NOT_APPLICABLE, why);
        }
        measured += measured(runs.get(s)).get(i).runningMean() / runs.size();
        bound += b.value() / runs.size();
      }
      tested++;
      below += measured <= bound ? 1 : 0;
    }
    Row row = row(BELOW, variant, kind, tested, below, "");
    if (!everyIteration && row.verdict() != Verdict.NOT_APPLICABLE) {
      return new Row(
          BELOW,
          variant,
          row.bound(),
          tested,
          row.share(),
          Verdict.NOT_APPLICABLE,
          CHECKPOINT_AVERAGES);
    }
    return row;
  }

  private static Row row(
      String statement, String variant, BoundKind kind, int tested, int holding, String reason) {
    if (tested == 0) {
      return new Row(
          statement, variant, label(kind), 0, Double.NaN, Verdict.NOT_APPLICABLE, reason);
    }
    return new Row(
        statement,
        variant,
        label(kind),
        tested,
        holding / (double) tested,
        holding == tested ? Verdict.HOLDS : Verdict.VIOLATED,
        "");
  }

  @Override
  public String name() {
    return "time averages";
  }

  @Override
  public String title() {
    return "time averages: at every checkpoint t, B(P_1) <= B(H-SGD) <= B(P_K) at horizon t,"
        + " and each measured (1/t) sum |grad f(u_s)|^2 below its bound";
  }

  @Override
  public String caption() {
    return "time averages against their bounds at every checkpoint";
  }

  @Override
  public String reason() {
    return verdict == Verdict.NOT_APPLICABLE ? detail() : "";
  }

  /** Each statement's share of checkpoints. */
  @Override
  public Table table() {
    return Table.create(
        "time-averages",
        StringColumn.create("statement", rows.stream().map(Row::statement)),
        StringColumn.create("variant", rows.stream().map(Row::variant)),
        StringColumn.create("bound", rows.stream().map(Row::bound)),
        IntColumn.create("checkpoints", rows.stream().mapToInt(Row::checkpoints).toArray()),
        DoubleColumn.create("share", rows.stream().mapToDouble(Row::share)),
        StringColumn.create("verdict", rows.stream().map(r -> r.verdict().label())),
        StringColumn.create("reason", rows.stream().map(Row::reason)));
  }

  /** The curves: every run's time average and bounds at every checkpoint. */
  public Table curves() {
    return Table.create(
        "time-average-curves",
        StringColumn.create("variant", points.stream().map(Point::variant)),
        LongColumn.create("seed", points.stream().mapToLong(Point::seed).toArray()),
        LongColumn.create("iteration", points.stream().mapToLong(Point::iteration).toArray()),
        DoubleColumn.create("mean_grad_norm_sq", points.stream().mapToDouble(Point::measured)),
        DoubleColumn.create("bound_closed", points.stream().mapToDouble(Point::closed)),
        DoubleColumn.create("bound_numeric", points.stream().mapToDouble(Point::numeric)),
        StringColumn.create(
            "closed_guaranteed", points.stream().map(p -> p.closedGuaranteed() ? "yes" : "no")),
        StringColumn.create(
            "numeric_guaranteed", points.stream().map(p -> p.numericGuaranteed() ? "yes" : "no")),
        StringColumn.create("constants", points.stream().map(p -> Check.constantsLabel(basis))));
  }

  /** The shares in one line: the order per bound, and the lowest share of the measured rows. */
  @Override
  public String detail() {
    if (rows.stream().allMatch(r -> r.verdict() == Verdict.NOT_APPLICABLE)) {
      return rows.stream().map(Row::reason).distinct().collect(Collectors.joining("; "));
    }
    String order =
        rows.stream()
            .filter(r -> r.statement().equals(ORDER) && r.verdict() != Verdict.NOT_APPLICABLE)
            .map(r -> Numbers.percent(r.share()) + " (" + r.bound() + ")")
            .collect(Collectors.joining(", "));
    java.util.OptionalDouble below =
        rows.stream()
            .filter(r -> r.statement().equals(BELOW) && r.verdict() != Verdict.NOT_APPLICABLE)
            .mapToDouble(Row::share)
            .min();
    return "bounds ordered at "
        + (order.isEmpty() ? "no checkpoint" : order + " of checkpoints")
        + (below.isPresent()
            ? "; each measured time average below its bound at "
                + (below.getAsDouble() == 1
                    ? "every checkpoint"
                    : "no fewer than " + Numbers.percent(below.getAsDouble()) + " of them")
            : rows.stream()
                    .filter(r -> r.statement().equals(BELOW))
                    .map(Row::reason)
                    .anyMatch(CHECKPOINT_AVERAGES::equals)
                ? "; measured below bound: reported, not checked (checkpoint averages)"
                : "; measured against bound: no guarantee at the run's gamma");
  }

  @Override
  public List<String> problems(CheckSettings settings) {
    return rows.stream()
        .filter(r -> r.verdict() == Verdict.VIOLATED)
        .map(
            r ->
                "time averages violated: "
                    + (r.statement().equals(ORDER) ? ORDER : r.variant() + " " + BELOW)
                    + " ("
                    + r.bound()
                    + ") at only "
                    + Numbers.percent(r.share())
                    + " of "
                    + r.checkpoints()
                    + " checkpoints")
        .toList();
  }
}
