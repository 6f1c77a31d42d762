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

  /**
   * @throws InvalidInputException if gamma or target is not positive, or T &lt; 1
   */
  public BoundQuery {
    stepSize.ifPresent(g -> Require.positive("gamma", g));
    Require.atLeast("T", iterations, 1);
    target.ifPresent(t -> Require.positive("target", t));
  }

  /**
   * Evaluates local SGD with P_1, the hierarchy and local SGD with P_K: at the given gamma for all
   * three, or each at its own optimal gamma.
   *
   * @throws InvalidInputException if gamma exceeds the hierarchy's gamma_max and invalid steps are
   *     not allowed
   */
  public SandwichResult evaluate() {
    Sandwich sandwich = Sandwich.of(scenario);
    if (stepSize.isPresent() && !allowInvalidStep) {
      double gamma = stepSize.getAsDouble();
      double limit = sandwich.hsgd().stepSizeLimit();
      Require.that(
          gamma <= limit,
          "gamma",
          "must not exceed gamma_max = "
              + limit
              + " (min(1/L, 1/(2 L sqrt(P_top (P_top - 1)))); --allow-invalid-step computes without guarantee)",
          () -> "gamma=" + gamma);
    }
    BoundResult lower = evaluate(sandwich.lower());
    BoundResult hsgd = evaluate(sandwich.hsgd());
    BoundResult upper = evaluate(sandwich.upper());
    return new SandwichResult(
        lower, hsgd, upper, Sandwich.ordered(lower.total(), hsgd.total(), upper.total()));
  }

  private BoundResult evaluate(ConvergenceBound bound) {
    double gamma =
        stepSize.isPresent() ? stepSize.getAsDouble() : bound.optimalStepSize(iterations);
    return new BoundResult(
        gamma,
        bound.stepSizeLimit(),
        bound.admits(gamma),
        bound.terms(gamma, iterations),
        horizon(bound, gamma));
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
