package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.hsgd.experiment.ConstantsSpec;
import org.hsgd.experiment.ExperimentRunner;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Progress;
import org.hsgd.experiment.Run;
import org.hsgd.sim.EstimatedConstants;
import org.hsgd.sim.ExactConstants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On the shipped quadratic configs, whose constants are known exactly, the estimates recover them:
 * L within 1 %, eps_k^2 within 1e-9 relative, sigma^2 within its sampling interval, Delta an upper
 * bound of the exact one, for every variant of the sandwich.
 */
class EstimatedConstantsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "experiments/quadratic-exact.yaml",
        "experiments/quadratic-cos-sandwich.yaml",
        "experiments/three-level-sandwich.yaml"
      })
  void theEstimatesRecoverTheExactConstants(String config) {
    Path file = Path.of(config);
    ExperimentSpec spec =
        ExperimentConfig.spec(ExperimentOptions.load(file), "q")
            .withSeeds(1)
            .withConstants(ConstantsSpec.ESTIMATED);
    List<Run> runs = ExperimentRunner.run(spec, 2, Progress.SILENT);
    assertEquals(3, runs.size(), "the sandwich's three variants");
    int dimension = ((Number) runs.get(0).problemFacts().get("dimension")).intValue();
    for (Run r : runs) {
      ExactConstants exact = r.exactConstants().orElseThrow();
      EstimatedConstants e = r.estimatedConstants().orElseThrow();
      String what = config + " " + r.variant().name() + ": ";
      // A Ritz value never exceeds the top eigenvalue, and the trajectory passes near L's argmax.
      assertTrue(e.smoothness() <= exact.smoothness() * (1 + 1e-6), what + e.smoothness());
      assertTrue(e.smoothness() >= 0.99 * exact.smoothness(), what + e.smoothness());
      assertEquals(exact.divergencePerLevel().size(), e.divergencePerLevel().size(), what);
      for (int k = 0; k < exact.divergencePerLevel().size(); k++) {
        double want = exact.divergencePerLevel().get(k);
        assertEquals(want, e.divergencePerLevel().get(k), 1e-9 * want, what + "eps_" + (k + 1));
      }
      assertEquals(
          exact.divergenceTotal(), e.divergenceTotal(), 1e-9 * exact.divergenceTotal(), what);
      assertTrue(e.initialGap() >= exact.initialGap(), what + e.initialGap());
      // Delta = f(u_0) minus the lower bound -c d, by hand from the trace.
      double start = r.trace().checkpoints().get(0).loss();
      assertEquals(start - e.method().lossLowerBound(), e.initialGap(), 1e-12 * e.initialGap());
      double cos = ((Number) r.problemFacts().get("cosWeight")).doubleValue();
      assertEquals(-cos * dimension, e.method().lossLowerBound(), what);
      // Each point's estimate is sigma^2 chi^2_(d s) / (d s) (Gaussian noise); the largest of M
      // independent ones lies in [q(0.0005^(1/M)), q(0.9995^(1/M))] with probability 0.999.
      int dof = dimension * 256;
      int m = spec.topology().workers() * e.method().points();
      ChiSquaredDistribution chi = ChiSquaredDistribution.of(dof);
      double low = chi.inverseCumulativeProbability(Math.pow(0.0005, 1.0 / m)) / dof;
      double high = chi.inverseCumulativeProbability(Math.pow(0.9995, 1.0 / m)) / dof;
      double ratio = e.noiseVariance() / exact.noiseVariance();
      assertTrue(
          low <= ratio && ratio <= high, what + ratio + " not in [" + low + ", " + high + "]");
      assertTrue(e.noiseStandardError() > 0, what + "sampled, so with an error");
    }
  }
}
