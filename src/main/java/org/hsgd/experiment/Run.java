package org.hsgd.experiment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.hsgd.sim.EstimatedConstants;
import org.hsgd.sim.ExactConstants;
import org.hsgd.sim.Grouping;
import org.hsgd.sim.Trace;

/**
 * One finished run of an experiment: plain data, stored and shipped as such ({@link
 * OutcomeFormat}).
 *
 * @param variant which algorithm ran
 * @param seed its master seed (shared by the variants of a replicate)
 * @param groupSizes the sizes of its groups per level, bottom first (the top level is one group)
 * @param trace what it measured
 * @param exactConstants L, sigma^2, Delta and eps_k^2 of the problem under this grouping, for the
 *     problems that know them exactly
 * @param estimatedConstants L, sigma^2, Delta and eps_k^2 estimated along this run, where the spec
 *     asks for estimated constants
 * @param expectedMeanGradNormSq the exact expectation over the noise of the time average (1/T)
 *     sum_{t&lt;T} |grad f(u_t)|^2, where it can be computed (convex quadratics, full
 *     participation, small enough)
 * @param problemFacts sizes and parameters of the problem, for manifests
 */
public record Run(
    Variant variant,
    long seed,
    List<List<Integer>> groupSizes,
    Trace trace,
    Optional<ExactConstants> exactConstants,
    Optional<EstimatedConstants> estimatedConstants,
    OptionalDouble expectedMeanGradNormSq,
    Map<String, Object> problemFacts) {

  public Run {
    groupSizes = groupSizes.stream().map(List::copyOf).toList();
    problemFacts =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problemFacts));
  }

  /** The group sizes per level of a grouping, bottom first. */
  public static List<List<Integer>> groupSizes(Grouping grouping) {
    return IntStream.rangeClosed(1, grouping.levelCount())
        .mapToObj(
            k ->
                IntStream.range(0, grouping.groupCount(k))
                    .mapToObj(g -> grouping.members(k, g).length)
                    .toList())
        .toList();
  }
}
