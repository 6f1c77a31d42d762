package org.hsgd.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.hsgd.bounds.BoundKind;
import org.hsgd.bounds.Sandwich;
import org.hsgd.experiment.RunBounds;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The order of the three bounds, local SGD at P_1 &lt;= H-SGD &lt;= local SGD at P_K, for the
 * scenario of each seed's H-SGD run: at the run's gamma and at each bound's own optimal gamma.
 *
 * @param rows one per seed and choice of gamma
 * @param verdict holds when every row is ordered, violated when one is not
 * @param reason why the check does not apply, or empty
 * @param basis the label of the constants the bounds rest on ({@link RunBounds#label}), or empty
 */
public record TheoryCheck(List<Row> rows, Verdict verdict, String reason, String basis)
    implements Check {

  /**
   * The three bounds of one scenario at one choice of gamma.
   *
   * @param seed the seed whose grouping gave the scenario
   * @param gammaChoice "run" (the run's gamma for all three) or "optimal" (each its own)
   * @param gammas gamma of local SGD at P_1, H-SGD and local SGD at P_K
   * @param bounds the three bounds B in the same order
   * @param guaranteed whether each gamma is within its bound's gamma_max (else no guarantee)
   * @param excess how far the order fails: max(B_1 - B_H, B_H - B_K), at most 0 when it holds
   * @param verdict holds when {@link Sandwich#ordered} says so
   */
  public record Row(
      long seed,
      String gammaChoice,
      List<Double> gammas,
      List<Double> bounds,
      List<Boolean> guaranteed,
      double excess,
      Verdict verdict) {
    public Row {
      gammas = List.copyOf(gammas);
      bounds = List.copyOf(bounds);
      guaranteed = List.copyOf(guaranteed);
    }
  }

  /** The check where no bound applies. */
  public static TheoryCheck notApplicable(String reason) {
    return new TheoryCheck(List.of(), Verdict.NOT_APPLICABLE, reason, "");
  }

  /**
   * Checks the bounds of several seeds' runs at the run's gamma and T; at each bound's optimal
   * gamma too where {@link RunBounds#stepSizes} offers it.
   */
  public static TheoryCheck of(List<Long> seeds, List<RunBounds> bounds) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      for (RunBounds.StepSize stepSize : bounds.get(i).stepSizes()) {
        rows.add(row(seeds.get(i), bounds.get(i), stepSize));
      }
    }
    return new TheoryCheck(
        rows,
        Verdict.all(rows.stream().map(Row::verdict).toList()),
        "",
        bounds.isEmpty() ? "" : bounds.get(0).label());
  }

  private static Row row(long seed, RunBounds bounds, RunBounds.StepSize stepSize) {
    List<RunBounds.Value> three =
        Arrays.stream(RunBounds.Side.values())
            .map(side -> bounds.at(BoundKind.CLOSED, side, stepSize))
            .toList();
    double lower = three.get(0).value();
    double middle = three.get(1).value();
    double upper = three.get(2).value();
    boolean ordered = Sandwich.ordered(lower, middle, upper);
    return new Row(
        seed,
        stepSize.label(),
        three.stream().map(RunBounds.Value::gamma).toList(),
        three.stream().map(RunBounds.Value::value).toList(),
        three.stream().map(RunBounds.Value::guaranteed).toList(),
        Math.max(lower - middle, middle - upper),
        ordered ? Verdict.HOLDS : Verdict.VIOLATED);
  }

  @Override
  public String name() {
    return "theory";
  }

  @Override
  public String title() {
    return "theory: order of the bounds B(local SGD P_1) <= B(H-SGD) <= B(local SGD P_K)";
  }

  @Override
  public String caption() {
    return "theory: B(P_1) <= B(H-SGD) <= B(P_K)";
  }

  /** The three bounds per seed and choice of gamma. */
  @Override
  public Table table() {
    Table t =
        Table.create(
            "theory",
            LongColumn.create("seed", rows.stream().mapToLong(Row::seed).toArray()),
            StringColumn.create("gamma_choice", rows.stream().map(Row::gammaChoice)));
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
        DoubleColumn.create("excess", rows.stream().mapToDouble(Row::excess)),
        StringColumn.create("verdict", rows.stream().map(r -> r.verdict().label())));
  }

  @Override
  public String detail() {
    if (verdict == Verdict.NOT_APPLICABLE) {
      return reason;
    }
    long ordered = rows.stream().filter(r -> r.verdict() == Verdict.HOLDS).count();
    return ordered + " of " + rows.size() + " (seed, gamma) rows ordered";
  }

  @Override
  public List<String> problems(CheckSettings settings) {
    return rows.stream()
        .filter(r -> r.verdict() == Verdict.VIOLATED)
        .map(
            r ->
                "theory violated (seed "
                    + r.seed()
                    + ", "
                    + r.gammaChoice()
                    + " gamma): the bounds are out of order by "
                    + Numbers.number(r.excess()))
        .toList();
  }
}
