package org.hsgd.experiment;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the replicates of a study. Replicates are independent and each is deterministic, so every
 * engine gives the same outcomes, bit for bit, in whatever order they finish.
 */
public interface Engine {
  /**
   * Runs every replicate, handing each outcome to {@code finished} on the calling thread as soon as
   * it is known (in any order), so that it can be stored while the others run.
   */
  void run(List<Replicate> replicates, Progress progress, Consumer<Outcome> finished);

  /** What ran the replicates, for a study's manifest: the engine's name and its settings. */
  default java.util.Map<String, Object> describe() {
    return java.util.Map.of("engine", getClass().getSimpleName());
  }
}
