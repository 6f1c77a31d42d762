package org.hsgd.experiment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hsgd.sim.ExactConstants;
import org.hsgd.sim.Grouping;
import org.hsgd.sim.Trace;

/**
 * One finished run of an experiment.
 *
 * @param variant which algorithm ran
 * @param seed its master seed (shared by the variants of a replicate)
 * @param grouping the groups it used
 * @param trace what it measured
 * @param exactConstants L, sigma^2, Delta and eps_k^2 of the problem under this grouping, for the
 *     problems that know them exactly
 * @param expectedMeanGradNormSq the exact expectation over the noise of the time average (1/T)
 *     sum_{t&lt;T} |grad f(u_t)|^2, where it can be computed (convex quadratics, full
 *     participation, small enough)
 * @param problemFacts sizes and parameters of the problem, for manifests
 */
public record Run(
    Variant variant,
    long seed,
    Grouping grouping,
    Trace trace,
    Optional<ExactConstants> exactConstants,
    java.util.OptionalDouble expectedMeanGradNormSq,
    Map<String, Object> problemFacts)
    implements java.io.Serializable {

  public Run {
    problemFacts =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problemFacts));
  }

  /**
   * Optional and OptionalDouble are not serializable: a run travels (to Spark's driver) as this.
   */
  private Object writeReplace() {
    return new Serial(
        variant,
        seed,
        grouping,
        trace,
        exactConstants.orElse(null),
        expectedMeanGradNormSq.isPresent(),
        expectedMeanGradNormSq.orElse(Double.NaN),
        new java.util.LinkedHashMap<>(problemFacts));
  }

  private record Serial(
      Variant variant,
      long seed,
      Grouping grouping,
      Trace trace,
      ExactConstants exactConstants,
      boolean hasExpectation,
      double expectation,
      java.util.LinkedHashMap<String, Object> problemFacts)
      implements java.io.Serializable {
    private Object readResolve() {
      return new Run(
          variant,
          seed,
          grouping,
          trace,
          Optional.ofNullable(exactConstants),
          hasExpectation
              ? java.util.OptionalDouble.of(expectation)
              : java.util.OptionalDouble.empty(),
          problemFacts);
    }
  }

  /** Group sizes per level, bottom first (the top level is one group). */
  public List<List<Integer>> groupSizes() {
    return java.util.stream.IntStream.rangeClosed(1, grouping.levelCount())
        .mapToObj(
            k ->
                java.util.stream.IntStream.range(0, grouping.groupCount(k))
                    .mapToObj(g -> grouping.members(k, g).length)
                    .toList())
        .toList();
  }
}
