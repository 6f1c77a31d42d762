package org.hsgd.experiment;

import org.hsgd.InvalidInputException;
import org.hsgd.Require;
import org.hsgd.sim.Problem;
import org.hsgd.sim.RandomStreams;
import org.hsgd.sim.RunSettings;

/**
 * A problem solved by another program (a CNN in PyTorch, say), whose runs were imported: hsgd
 * checks them and draws them, but cannot run them. Their time average of |grad f(u_t)|^2 runs over
 * the checkpoints, the only points they measured.
 *
 * @param description what was trained, in the user's words (for titles and manifests)
 */
public record ExternalSpec(String description) implements ProblemSpec {

  public ExternalSpec {
    Require.that(
        !description.isBlank() && description.codePoints().noneMatch(Character::isISOControl),
        "problem.description",
        "must be one line of text",
        () -> "'" + description + "'");
  }

  /** Refuses to run: the error a command gives for a config of imported runs. */
  public static InvalidInputException notRunnable() {
    return new InvalidInputException(
        "problem.type",
        "external names runs made by another program, which hsgd checks and draws (hsgd check DIR,"
            + " hsgd plot DIR) but cannot run",
        "external");
  }

  @Override
  public RunSettings.GradientAverage defaultGradientAverage() {
    return RunSettings.GradientAverage.CHECKPOINTS;
  }

  /** Unknown to hsgd: 0. */
  @Override
  public long parameters() {
    return 0;
  }

  @Override
  public long dataBytes(int workers) {
    return 0;
  }

  @Override
  public String sizeField() {
    return "problem";
  }

  @Override
  public Problem<?> create(int workers, RandomStreams streams, DataSources data) {
    throw notRunnable();
  }
}
