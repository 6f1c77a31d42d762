package org.hsgd.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hsgd.bounds.BoundKind;
import org.hsgd.bounds.ConvergenceBound;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.NumericBound;
import org.hsgd.bounds.NumericTerms;
import org.hsgd.bounds.Scenario;
import org.hsgd.sim.RunSettings;

/**
 * The bounds that apply to a run, or the reason none does: the closed form and the numeric bound of
 * the run's own hierarchy and of local SGD at its bottom and top periods, at the run's step size or
 * at each bound's optimal one, at the run's horizon or along a range of horizons or top periods.
 * The one place outside {@code org.hsgd.bounds} that evaluates a bound at a run and states when a
 * bound is a guarantee (gamma &lt;= gamma_max for the closed form, gamma &lt;= 1/L for the numeric
 * bound, which is left out above {@link NumericBound#MAX_TOP_PERIOD}); checks, manifests, tables
 * and figures all ask it.
 */
public final class RunBounds {
  /** Points of the horizon axis of {@link #curves}, log-spaced. */
  private static final int HORIZONS = 25;

  /** The step size a bound is taken at. */
  public enum StepSize {
    /** The run's gamma, for every bound. */
    RUN("run"),
    /** Each bound's own minimiser at the horizon. */
    OPTIMAL("optimal");

    private final String label;

    StepSize(String label) {
      this.label = label;
    }

    /** "run" or "optimal", as the tables write it. */
    public String label() {
      return label;
    }
  }

  /** An algorithm of the sandwich around the run's hierarchy. */
  public enum Side {
    /** Local SGD with the hierarchy's bottom period. */
    LOCAL_BOTTOM("local_P1"),
    /** The run's own hierarchy. */
    OWN("hsgd"),
    /** Local SGD with the hierarchy's top period. */
    LOCAL_TOP("local_PK");

    private final String label;

    Side(String label) {
      this.label = label;
    }

    /** "local_P1", "hsgd", "local_PK", as the tables write it. */
    public String label() {
      return label;
    }
  }

  /**
   * One bound at a step size and horizon.
   *
   * @param value B, computed wherever the formula can be evaluated, also where it is no guarantee;
   *     NaN where it cannot (no bound applies to the run, or the numeric bound's top period is too
   *     large)
   * @param stepSizeLimit the largest gamma at which it is a guarantee
   * @param guaranteed whether the theorem covers gamma, so that {@code value} is a proven bound
   * @param reason why it is no guarantee, or empty
   */
  public record Value(
      BoundKind kind,
      double gamma,
      long horizon,
      double value,
      double stepSizeLimit,
      boolean guaranteed,
      String reason) {

    /** The value where it is a guarantee, NaN elsewhere. */
    public double guaranteedValue() {
      return guaranteed ? value : Double.NaN;
    }
  }

  /**
   * One point of a bound curve: a bound of one side with the top period or the horizon varied.
   *
   * @param varied "G" or "T"
   * @param topPeriod G of the hierarchy the point is for
   */
  public record CurvePoint(String varied, long topPeriod, Side side, Value value) {}

  private final Scenario scenario;
  private final boolean initialGapIsUpperBound;
  private final String label;
  private final double gamma;
  private final long iterations;
  private final String reason;

  private RunBounds(
      Scenario scenario,
      boolean initialGapIsUpperBound,
      String label,
      double gamma,
      long iterations,
      String reason) {
    this.scenario = scenario;
    this.initialGapIsUpperBound = initialGapIsUpperBound;
    this.label = label;
    this.gamma = gamma;
    this.iterations = iterations;
    this.reason = reason;
  }

  /** The bounds of a run of {@code spec}: its scenario from {@link BoundBasis}. */
  public static RunBounds of(ExperimentSpec spec, Run run) {
    BoundBasis basis = BoundBasis.of(spec, run);
    RunSettings settings = spec.run();
    if (basis instanceof BoundBasis.Available a) {
      return new RunBounds(
          a.scenario(),
          a.initialGapIsUpperBound(),
          a.label(),
          settings.stepSize(),
          settings.iterations(),
          "");
    }
    return new RunBounds(
        null,
        false,
        "",
        settings.stepSize(),
        settings.iterations(),
        ((BoundBasis.Unavailable) basis).reason());
  }

  /** The bounds of a scenario run at step size gamma for T iterations, for notebooks and tests. */
  public static RunBounds of(
      Scenario scenario, boolean initialGapIsUpperBound, double gamma, long iterations) {
    org.hsgd.Require.positive("gamma", gamma);
    org.hsgd.Require.atLeast("T", iterations, 1);
    return new RunBounds(scenario, initialGapIsUpperBound, "", gamma, iterations, "");
  }

  /** Whether the theorem says anything about the run. */
  public boolean applies() {
    return scenario != null;
  }

  /** Why no bound applies, or empty. */
  public String reason() {
    return reason;
  }

  /**
   * The run's scenario.
   *
   * @throws IllegalStateException where no bound applies
   */
  public Scenario scenario() {
    if (scenario == null) {
      throw new IllegalStateException("no bound applies: " + reason);
    }
    return scenario;
  }

  /**
   * How a verdict on these bounds is labelled, for constants other than the problem's exact ones
   * ("given constants"); empty for the exact ones.
   */
  public String label() {
    return label;
  }

  /** Whether Delta is an upper bound of f(u_0) - f* (so that the bound stays valid). */
  public boolean initialGapIsUpperBound() {
    return initialGapIsUpperBound;
  }

  /**
   * The run's gamma and each bound's optimal one where Delta &gt; 0 (with Delta = 0 none has a
   * minimiser).
   */
  public List<StepSize> stepSizes() {
    return hasOptimum() ? List.of(StepSize.RUN, StepSize.OPTIMAL) : List.of(StepSize.RUN);
  }

  /** The step size of bound curves: each bound's optimal one where Delta &gt; 0, else the run's. */
  public StepSize curveStepSize() {
    return hasOptimum() ? StepSize.OPTIMAL : StepSize.RUN;
  }

  private boolean hasOptimum() {
    return scenario().constants().initialGap() > 0;
  }

  /** A bound of the run's own hierarchy at its gamma and T. */
  public Value own(BoundKind kind) {
    return at(kind, Side.OWN, StepSize.RUN, iterations);
  }

  /** A bound of one side at a step size and the run's T. */
  public Value at(BoundKind kind, Side side, StepSize stepSize) {
    return at(kind, side, stepSize, iterations);
  }

  /** A bound of one side at a step size and horizon. */
  public Value at(BoundKind kind, Side side, StepSize stepSize, long horizon) {
    if (!applies()) {
      return new Value(kind, Double.NaN, horizon, Double.NaN, Double.NaN, false, reason);
    }
    return evaluate(kind, side(scenario, side), stepSize, horizon);
  }

  /**
   * The three sides' bounds, closed form and numeric, at {@code stepSize}: against the top period G
   * (from twice the period below it, doubling up to T, and the run's own; T fixed), then against
   * the horizon T (log-spaced from G to 100 T, and T itself; G fixed). Needs two levels or more.
   */
  public List<CurvePoint> curves(StepSize stepSize) {
    Hierarchy h = scenario().hierarchy();
    long[] periods = h.periods();
    long below = periods[periods.length - 2];
    TreeSet<Long> tops = new TreeSet<>();
    for (long g = 2 * below; g <= iterations; g *= 2) {
      tops.add(g);
    }
    tops.add(h.topPeriod());
    List<CurvePoint> points = new ArrayList<>();
    for (long g : tops) {
      addPoints(points, "G", withTop(scenario, g), stepSize, iterations);
    }
    for (long horizon : horizons(h.topPeriod(), iterations)) {
      addPoints(points, "T", scenario, stepSize, horizon);
    }
    return points;
  }

  private void addPoints(
      List<CurvePoint> points, String varied, Scenario s, StepSize stepSize, long horizon) {
    long top = s.hierarchy().topPeriod();
    for (Side side : Side.values()) {
      for (BoundKind kind : BoundKind.values()) {
        Value v = evaluate(kind, side(s, side), stepSize, horizon);
        if (!Double.isNaN(v.value())) {
          points.add(new CurvePoint(varied, top, side, v));
        }
      }
    }
  }

  private Value evaluate(BoundKind kind, Scenario s, StepSize stepSize, long horizon) {
    return kind == BoundKind.CLOSED
        ? closedForm(s, stepSize, horizon)
        : numeric(s, stepSize, horizon);
  }

  private Value closedForm(Scenario s, StepSize stepSize, long horizon) {
    ConvergenceBound bound = ConvergenceBound.of(s);
    double at = stepSize == StepSize.RUN ? gamma : bound.optimalStepSize(horizon);
    boolean guaranteed = bound.admits(at);
    return new Value(
        BoundKind.CLOSED,
        at,
        horizon,
        bound.total(at, horizon),
        bound.stepSizeLimit(),
        guaranteed,
        guaranteed
            ? ""
            : "no guarantee: gamma = "
                + number(at)
                + " > gamma_max = "
                + number(bound.stepSizeLimit())
                + " (L = "
                + number(s.constants().smoothness())
                + ")");
  }

  private Value numeric(Scenario s, StepSize stepSize, long horizon) {
    if (s.hierarchy().topMergingPeriod() > NumericBound.MAX_TOP_PERIOD) {
      return new Value(
          BoundKind.NUMERIC,
          Double.NaN,
          horizon,
          Double.NaN,
          Double.NaN,
          false,
          "P_top above " + NumericBound.MAX_TOP_PERIOD);
    }
    NumericBound bound = NumericBound.of(s);
    double at = stepSize == StepSize.RUN ? gamma : bound.optimalStepSize(horizon);
    NumericTerms terms = bound.terms(at, horizon);
    return new Value(
        BoundKind.NUMERIC,
        at,
        horizon,
        terms.total(),
        bound.stepSizeLimit(),
        terms.stepSizeValid(),
        terms.stepSizeValid()
            ? ""
            : "no guarantee: gamma = "
                + number(at)
                + " > 1/L = "
                + number(bound.stepSizeLimit())
                + " (L = "
                + number(s.constants().smoothness())
                + ")");
  }

  /** Three significant digits, as the reports write numbers. */
  private static String number(double value) {
    return String.format(java.util.Locale.ROOT, "%.3g", value);
  }

  private static Scenario side(Scenario s, Side side) {
    Hierarchy h = s.hierarchy();
    return switch (side) {
      case LOCAL_BOTTOM -> s.localSgd(h.bottomPeriod());
      case OWN -> s;
      case LOCAL_TOP -> s.localSgd(h.topPeriod());
    };
  }

  /** The scenario with top period {@code top}. */
  private static Scenario withTop(Scenario s, long top) {
    Hierarchy h = s.hierarchy();
    long[] periods = h.periods();
    periods[periods.length - 1] = top;
    return new Scenario(
        Hierarchy.of(h.workers(), h.groupCountsBelowTop(), periods),
        s.constants(),
        s.divergences());
  }

  /** From the top period to 100 T, log-spaced, with T itself. */
  private static List<Long> horizons(long top, long iterations) {
    TreeSet<Long> values = new TreeSet<>();
    double from = Math.log(Math.max(top, 1));
    double to = Math.log(100.0 * iterations);
    for (int i = 0; i < HORIZONS; i++) {
      values.add(Math.round(Math.exp(from + (to - from) * i / (HORIZONS - 1))));
    }
    values.add(iterations);
    return new ArrayList<>(values);
  }
}
