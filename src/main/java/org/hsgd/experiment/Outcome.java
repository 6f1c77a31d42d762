package org.hsgd.experiment;

import java.util.List;
import org.hsgd.sim.DivergedException;

/**
 * What a replicate gave: its runs, or, if one of them diverged (a step size too large for the
 * problem), why, so that one diverging grid point does not stop the others. Bad input is not an
 * outcome: it is refused before anything runs.
 *
 * @param replicate what ran
 * @param runs its runs in the order of the spec's variants; empty if one diverged
 * @param divergence the one-line account of the divergence, or empty
 */
public record Outcome(Replicate replicate, List<Run> runs, String divergence) {

  public Outcome {
    runs = List.copyOf(runs);
  }

  /** Whether every run finished. */
  public boolean finished() {
    return divergence.isEmpty();
  }

  /** Runs a replicate on this thread (its simulation with {@code threads} workers). */
  public static Outcome of(Replicate r, int threads, DataSources data) {
    try {
      return new Outcome(
          r, ExperimentRunner.runReplicate(r.spec(), r.seed(), threads, Progress.SILENT, data), "");
    } catch (DivergedException e) {
      return new Outcome(r, List.of(), e.getMessage());
    }
  }
}
