package org.hsgd.experiment;

import java.util.List;
import org.hsgd.InvalidInputException;
import org.hsgd.bounds.Divergences;
import org.hsgd.bounds.ProblemConstants;

/**
 * Where the constants of the theorem (L, sigma^2, Delta, eps_k^2) come from when a bound is taken
 * at a run: the problem's own exact values, estimates measured along the run, or the user's.
 */
public sealed interface ConstantsSpec extends java.io.Serializable {
  /**
   * The exact constants, where the problem knows them (the quadratics); elsewhere no bound. Compare
   * with instanceof, not ==: a spec shipped to a Spark executor arrives as a new instance.
   */
  ConstantsSpec EXACT = new Exact();

  /**
   * Estimated along each run ({@link org.hsgd.sim.EstimatedConstants}): the default for problems
   * without exact constants.
   */
  ConstantsSpec ESTIMATED = new Estimated();

  /** How a verdict that rests on these constants is labelled: empty for the exact ones. */
  String label();

  /** The default of a problem: its exact constants where it knows them, else estimates. */
  static ConstantsSpec defaultFor(ProblemSpec problem) {
    return problem instanceof QuadraticSpec ? EXACT : ESTIMATED;
  }

  /** The problem's exact constants, computed for each run's grouping. */
  record Exact() implements ConstantsSpec {
    @Override
    public String label() {
      return "";
    }
  }

  /**
   * Estimated along each run: L by Lanczos on Hessian-vector products, sigma^2 from per-sample or
   * sampled gradients, eps_k^2 from the measured level terms, Delta from a lower bound of f. A
   * bound from them is a diagnostic, not a guarantee.
   */
  record Estimated() implements ConstantsSpec {
    @Override
    public String label() {
      return "estimated constants";
    }
  }

  /**
   * The user's own constants, for every run alike: their L, sigma^2 and Delta (taken as an upper
   * bound of f(u_0) - f*), eps_k^2 per level of the hierarchy and the single-level eps^2 of local
   * SGD. A bound from them is as good as they are.
   *
   * @param divergencePerLevel eps_k^2, k = 1..K, bottom first
   * @param divergenceTotal eps^2 for local SGD (one level of all workers)
   */
  record Given(
      double smoothness,
      double noiseVariance,
      double initialGap,
      List<Double> divergencePerLevel,
      double divergenceTotal)
      implements ConstantsSpec {

    /**
     * @throws InvalidInputException naming the constant out of its range
     */
    public Given {
      divergencePerLevel = List.copyOf(divergencePerLevel);
      try { // the parameters: in a compact constructor the fields are not set yet
        new ProblemConstants(smoothness, noiseVariance, initialGap);
        Divergences.perLevel(
            divergencePerLevel.stream().mapToDouble(Double::doubleValue).toArray(),
            divergenceTotal);
      } catch (InvalidInputException e) {
        throw e.at("in constants:");
      }
    }

    /** L, sigma^2 and Delta. */
    public ProblemConstants constants() {
      return new ProblemConstants(smoothness, noiseVariance, initialGap);
    }

    /** The divergences of the hierarchy's levels. */
    public Divergences hsgd() {
      return Divergences.perLevel(
          divergencePerLevel.stream().mapToDouble(Double::doubleValue).toArray(), divergenceTotal);
    }

    /** The divergence of local SGD: its one level holds all workers. */
    public Divergences localSgd() {
      return Divergences.perLevel(new double[] {divergenceTotal}, divergenceTotal);
    }

    @Override
    public String label() {
      return "given constants";
    }
  }
}
