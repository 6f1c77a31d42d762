package org.hsgd.bounds;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.hsgd.InvalidInputException;
import org.hsgd.Require;

/**
 * A question to the bound calculator: a scenario at a step size (or the optimal one) and a horizon,
 * optionally with a target for which the smallest horizon is wanted.
 *
 * @param scenario hierarchy, constants, divergences
 * @param stepSize gamma, or empty for each bound's own optimal gamma at T
 * @param iterations T
 * @param target a value of B to reach, or empty
 * @param allowInvalidStep compute even if gamma exceeds the H-SGD limit (then no guarantee)
 */
public record BoundQuery(
    Scenario scenario,
    OptionalDouble stepSize,
    long iterations,
    OptionalDouble target,
    boolean allowInvalidStep) {

  /** The largest top period for which the numeric bound is evaluated; above it, none is given. */
  public static final long NUMERIC_MAX_TOP_PERIOD = NumericBound.MAX_TOP_PERIOD;

  /**
   * @throws InvalidInputException if gamma or target is not positive, or T &lt; 1
   */
  public BoundQuery {
    stepSize.ifPresent(g -> Require.positive("gamma", g));
    Require.atLeast("T", iterations, 1);
    target.ifPresent(t -> Require.positive("target", t));
  }

  /**
   * Evaluates local SGD with P_1, the hierarchy and local SGD with P_K, each by the closed form and
   * by the numeric bound: at the given gamma for all three, or each at its own optimal gamma. A
   * gamma in (gamma_max, 1/L] is allowed: the closed form is then marked as no guarantee, and the
   * numeric bound, proven up to 1/L, is the one that applies.
   *
   * @throws InvalidInputException if gamma exceeds 1/L and invalid steps are not allowed
   */
  public SandwichResult evaluate() {
    if (stepSize.isPresent() && !allowInvalidStep) {
      double gamma = stepSize.getAsDouble();
      double limit = 1 / scenario.constants().smoothness();
      if (!(gamma <= limit)) {
        throw new InvalidInputException(
                "gamma",
                "must not exceed 1/L = "
                    + limit
                    + ", beyond which no bound is proven (or allow invalid steps: computed without"
                    + " guarantee)",
                "gamma=" + gamma)
            .withRemedy(InvalidInputException.Remedy.ALLOW_INVALID_STEP);
      }
    }
    Hierarchy h = scenario.hierarchy();
    BoundResult lower = evaluate(scenario.localSgd(h.bottomPeriod()));
    BoundResult hsgd = evaluate(scenario);
    BoundResult upper = evaluate(scenario.localSgd(h.topPeriod()));
    return new SandwichResult(
        lower, hsgd, upper, Sandwich.ordered(lower.total(), hsgd.total(), upper.total()));
  }

  private BoundResult evaluate(Scenario s) {
    ConvergenceBound bound = ConvergenceBound.of(s);
    double gamma =
        stepSize.isPresent() ? stepSize.getAsDouble() : bound.optimalStepSize(iterations);
    return new BoundResult(
        gamma,
        bound.stepSizeLimit(),
        bound.admits(gamma),
        bound.terms(gamma, iterations),
        horizon(bound, gamma),
        numeric(s),
        numericHorizon(s));
  }

  private OptionalLong numericHorizon(Scenario s) {
    if (target.isEmpty() || s.hierarchy().topMergingPeriod() > NUMERIC_MAX_TOP_PERIOD) {
      return OptionalLong.empty();
    }
    NumericBound bound = NumericBound.of(s);
    double goal = target.getAsDouble();
    if (stepSize.isEmpty()) {
      return OptionalLong.of(bound.smallestHorizon(goal));
    }
    double gamma = stepSize.getAsDouble();
    return bound.canReach(goal, gamma)
        ? OptionalLong.of(bound.smallestHorizon(goal, gamma))
        : OptionalLong.empty();
  }

  private java.util.Optional<NumericTerms> numeric(Scenario s) {
    if (s.hierarchy().topMergingPeriod() > NUMERIC_MAX_TOP_PERIOD) {
      return java.util.Optional.empty();
    }
    NumericBound bound = NumericBound.of(s);
    double gamma =
        stepSize.isPresent() ? stepSize.getAsDouble() : bound.optimalStepSize(iterations);
    return java.util.Optional.of(bound.terms(gamma, iterations));
  }

  private OptionalLong horizon(ConvergenceBound bound, double gamma) {
    if (target.isEmpty()) {
      return OptionalLong.empty();
    }
    double goal = target.getAsDouble();
    if (stepSize.isEmpty()) {
      return OptionalLong.of(bound.smallestHorizon(goal));
    }
    return bound.canReach(goal, gamma)
        ? OptionalLong.of(bound.smallestHorizon(goal, gamma))
        : OptionalLong.empty();
  }
}
