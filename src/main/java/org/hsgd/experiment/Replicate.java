package org.hsgd.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One seed of one point of a study: every variant of the point's experiment on the problem of that
 * seed. The unit an engine runs.
 *
 * @param point the index of its point in the study
 * @param spec the point's experiment
 * @param seed the seed
 */
public record Replicate(int point, ExperimentSpec spec, long seed) implements java.io.Serializable {

  /**
   * Raised when what a replicate computes changes for the same spec (a new kernel that changes the
   * last bits, a new measurement): results stored under older keys are then not reused.
   */
  private static final int RESULTS_VERSION = 2;

  /** "point 3 seed 2", for progress displays. */
  public String label() {
    return "point " + point + " seed " + seed;
  }

  /**
   * A key for the replicate's results: a hash of everything that decides them (problem, topology,
   * grouping, run settings, variants, whether constants are estimated along the runs, the seed and
   * the results version) and nothing else (not the name, not the other seeds), so that an
   * interrupted study finds the replicates it already has.
   */
  public String key() {
    String text =
        String.join(
            "|",
            "v" + RESULTS_VERSION,
            spec.problem().toString(),
            spec.topology().toString(),
            spec.grouping().toString(),
            spec.run().toString(),
            "sandwich=" + spec.sandwich(),
            "estimated=" + (spec.constants() instanceof ConstantsSpec.Estimated),
            "seed=" + seed);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
