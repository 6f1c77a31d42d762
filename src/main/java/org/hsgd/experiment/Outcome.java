package org.hsgd.experiment;

import java.util.List;

/**
 * What a replicate gave: its runs, or, if one of them failed for a reason of its own (a step size
 * that makes it diverge), that reason, so that one failing grid point does not stop the others.
 *
 * @param replicate what ran
 * @param runs its runs in the order of the spec's variants; empty if it failed
 * @param failure the one-line reason it failed, or empty
 */
public record Outcome(Replicate replicate, List<Run> runs, String failure)
    implements java.io.Serializable {

  public Outcome {
    runs = List.copyOf(runs);
  }

  /**
   * Runs a replicate on this thread (its simulation with {@code threads} workers), catching the
   * failures that belong to it.
   */
  public static Outcome of(Replicate r, int threads, DataSources data) {
    try {
      return new Outcome(
          r, ExperimentRunner.runReplicate(r.spec(), r.seed(), threads, Progress.SILENT, data), "");
    } catch (org.hsgd.InvalidInputException e) {
      return new Outcome(r, List.of(), e.getMessage());
    }
  }
}
