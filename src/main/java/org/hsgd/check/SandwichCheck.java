package org.hsgd.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.hsgd.bounds.Sandwich;
import org.hsgd.sim.Measurement;
import org.hsgd.sim.Trace;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The measured sandwich: local SGD at P_1, H-SGD and local SGD at P_K, run on identical data,
 * initial point, gamma, T and seeds, compared on two metrics (lower is better for both): the
 * final-window training loss and the time average of |grad f(u_t)|^2. Each metric is judged by two
 * {@link PairedOrder}s (P_1 below H-SGD, H-SGD below P_K).
 *
 * <p>On a metric where local SGD at P_1 and at P_K differ by no more than the margin times the
 * metric's scale, the three runs cannot be told apart and the metric is inconclusive. The scale is
 * H-SGD's decrease from f(u_0) to the final window for the loss (a loss has an arbitrary offset, so
 * its level says nothing), and H-SGD's mean level for |grad f(u_t)|^2. Otherwise a metric holds
 * when both pairs hold, is violated when either pair is, and is inconclusive otherwise. The check
 * is violated when any metric is; it holds when no metric is violated and at least one holds (a
 * metric that cannot separate the runs does not contradict one that does); it is inconclusive when
 * no metric separates them (a convex quadratic, where u_t does not depend on the schedule, or IID
 * data).
 *
 * @param rows two per metric
 * @param metrics one per metric: how far apart the outer runs are, and the metric's verdict
 * @param checkpointShare the share of (seed, checkpoint t &gt; 0) pairs at which the training loss
 *     is ordered P_1 &lt;= H-SGD &lt;= P_K
 * @param position where H-SGD's final-window loss sits between the others: 0 at P_1, 1 at P_K (NaN
 *     when those two coincide)
 * @param verdict as above
 * @param reason why the check does not apply, or empty
 */
public record SandwichCheck(
    List<Row> rows,
    List<Metric> metrics,
    double checkpointShare,
    double position,
    Verdict verdict,
    String reason)
    implements Check {

  /** The check where the three algorithms were not run. */
  public static SandwichCheck notApplicable(String reason) {
    return new SandwichCheck(
        List.of(), List.of(), Double.NaN, Double.NaN, Verdict.NOT_APPLICABLE, reason);
  }

  /** The final-window training loss. */
  public static final String FINAL_LOSS = "final-window loss";

  /** The time average of |grad f(u_t)|^2. */
  public static final String MEAN_GRAD_NORM_SQ = "mean |grad f(u_t)|^2";

  /**
   * One pair on one metric.
   *
   * @param metric {@link #FINAL_LOSS} or {@link #MEAN_GRAD_NORM_SQ}
   * @param lower the algorithm expected lower
   * @param upper the algorithm expected higher
   * @param order the comparison
   */
  public record Row(String metric, String lower, String upper, PairedOrder order) {}

  /**
   * One metric's verdict.
   *
   * @param name {@link #FINAL_LOSS} or {@link #MEAN_GRAD_NORM_SQ}
   * @param width |P_K - P_1| over the metric's scale: at most the margin, and the runs cannot be
   *     told apart
   * @param verdict from its two rows, or inconclusive when the runs cannot be told apart
   */
  public record Metric(String name, double width, Verdict verdict) {}

  /**
   * Compares the traces of the three algorithms; index s of each list is seed s.
   *
   * @param labels the labels of local SGD at P_1, H-SGD and local SGD at P_K
   */
  public static SandwichCheck of(
      List<String> labels,
      List<Trace> bottom,
      List<Trace> hsgd,
      List<Trace> top,
      CheckSettings settings) {
    List<List<Trace>> three = List.of(bottom, hsgd, top);
    long horizon = hsgd.get(0).last().iteration();
    long windowStart = horizon - (long) Math.ceil(settings.finalWindow() * horizon);
    List<Row> rows = new ArrayList<>();
    List<Metric> metrics = new ArrayList<>();
    double[][] finalLoss = new double[3][];
    for (String metric : List.of(FINAL_LOSS, MEAN_GRAD_NORM_SQ)) {
      ToDoubleFunction<Trace> value =
          metric.equals(FINAL_LOSS)
              ? trace -> finalWindowLoss(trace, windowStart)
              : Trace::meanGradNormSq;
      double[][] values = new double[3][];
      for (int a = 0; a < 3; a++) {
        values[a] = three.get(a).stream().mapToDouble(value).toArray();
      }
      if (metric.equals(FINAL_LOSS)) {
        finalLoss = values;
      }
      double scale =
          metric.equals(FINAL_LOSS) ? decrease(hsgd, values[1]) : SeedStatistics.mean(values[1]);
      PairedOrder low = PairedOrder.of(values[0], values[1], scale, settings.level());
      PairedOrder high = PairedOrder.of(values[1], values[2], scale, settings.level());
      rows.add(new Row(metric, labels.get(0), labels.get(1), low));
      rows.add(new Row(metric, labels.get(1), labels.get(2), high));
      double width =
          Math.abs(SeedStatistics.mean(values[2]) - SeedStatistics.mean(values[0])) / scale;
      metrics.add(
          new Metric(
              metric,
              width,
              width <= settings.margin()
                  ? Verdict.INCONCLUSIVE
                  : bothPairs(low.verdict(), high.verdict())));
    }
    double spread = SeedStatistics.mean(finalLoss[2]) - SeedStatistics.mean(finalLoss[0]);
    double position =
        spread == 0
            ? Double.NaN
            : (SeedStatistics.mean(finalLoss[1]) - SeedStatistics.mean(finalLoss[0])) / spread;
    return new SandwichCheck(
        rows,
        metrics,
        checkpointShare(bottom, hsgd, top),
        position,
        overall(metrics.stream().map(Metric::verdict).toList()),
        "");
  }

  private static Verdict bothPairs(Verdict low, Verdict high) {
    if (low == Verdict.VIOLATED || high == Verdict.VIOLATED) {
      return Verdict.VIOLATED;
    }
    return low == Verdict.HOLDS && high == Verdict.HOLDS ? Verdict.HOLDS : Verdict.INCONCLUSIVE;
  }

  private static Verdict overall(List<Verdict> metrics) {
    if (metrics.contains(Verdict.VIOLATED)) {
      return Verdict.VIOLATED;
    }
    return metrics.contains(Verdict.HOLDS) ? Verdict.HOLDS : Verdict.INCONCLUSIVE;
  }

  /** The mean over seeds of f(u_0) - final-window loss: how far the runs moved. */
  private static double decrease(List<Trace> traces, double[] finalLoss) {
    double sum = 0;
    for (int s = 0; s < finalLoss.length; s++) {
      sum += traces.get(s).checkpoints().get(0).loss() - finalLoss[s];
    }
    return Math.abs(sum / finalLoss.length);
  }

  /** The mean training loss over the checkpoints at or after the window's start. */
  static double finalWindowLoss(Trace trace, long windowStart) {
    return trace.checkpoints().stream()
        .filter(m -> m.iteration() >= windowStart)
        .mapToDouble(Measurement::loss)
        .average()
        .orElse(trace.last().loss());
  }

  private static double checkpointShare(List<Trace> bottom, List<Trace> hsgd, List<Trace> top) {
    int ordered = 0;
    int total = 0;
    for (int s = 0; s < hsgd.size(); s++) {
      List<Measurement> a = bottom.get(s).checkpoints();
      List<Measurement> b = hsgd.get(s).checkpoints();
      List<Measurement> c = top.get(s).checkpoints();
      for (int i = 1; i < b.size(); i++) { // t = 0 is the shared start
        total++;
        ordered += Sandwich.ordered(a.get(i).loss(), b.get(i).loss(), c.get(i).loss()) ? 1 : 0;
      }
    }
    return total == 0 ? Double.NaN : (double) ordered / total;
  }

  @Override
  public String name() {
    return "empirical sandwich";
  }

  @Override
  public String title() {
    return "empirical sandwich: local SGD P_1 <= H-SGD <= local SGD P_K, paired by seed";
  }

  @Override
  public String caption() {
    return "empirical sandwich";
  }

  /** The paired comparisons of the three algorithms per metric. */
  @Override
  public Table table() {
    return Table.create(
        "sandwich",
        StringColumn.create("metric", rows.stream().map(Row::metric)),
        StringColumn.create("lower", rows.stream().map(Row::lower)),
        StringColumn.create("upper", rows.stream().map(Row::upper)),
        DoubleColumn.create("lower_mean", rows.stream().mapToDouble(r -> r.order().lowerMean())),
        DoubleColumn.create("upper_mean", rows.stream().mapToDouble(r -> r.order().upperMean())),
        DoubleColumn.create(
            "relative_difference", rows.stream().mapToDouble(r -> r.order().relativeDifference())),
        DoubleColumn.create("p_ordered", rows.stream().mapToDouble(r -> r.order().pOrdered())),
        DoubleColumn.create("p_reversed", rows.stream().mapToDouble(r -> r.order().pReversed())),
        StringColumn.create("verdict", rows.stream().map(r -> r.order().verdict().label())),
        StringColumn.create("reason", rows.stream().map(r -> r.order().reason())));
  }

  @Override
  public String detail() {
    if (verdict == Verdict.NOT_APPLICABLE) {
      return reason;
    }
    return "loss ordered at "
        + Numbers.percent(checkpointShare)
        + " of checkpoints; "
        + (Double.isNaN(position)
            ? "the final-window losses of P_1 and P_K coincide"
            : "H-SGD's final-window loss sits at "
                + Numbers.number(position)
                + " between P_1 (0) and P_K (1)");
  }

  @Override
  public String note() {
    return verdict == Verdict.NOT_APPLICABLE ? "" : detail();
  }

  @Override
  public List<String> problems(CheckSettings settings) {
    List<String> lines = new ArrayList<>();
    for (Metric m : metrics) {
      if (m.width() <= settings.margin()) {
        lines.add(
            "empirical sandwich inconclusive ("
                + m.name()
                + "): the runs cannot be told apart, local SGD at P_1 and P_K differ by "
                + Numbers.percent(m.width())
                + " of its scale, within the margin of "
                + Numbers.percent(settings.margin()));
      }
    }
    for (Row r : rows) {
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
}
