package org.hsgd.cli;

import picocli.CommandLine.Option;

/**
 * Flags shared by the commands that take problem constants. Each sets the config key of its name;
 * {@link Inputs#settings} reads them from the parse result, so the fields are not read directly.
 */
final class ProblemOptions {
  @Option(names = "--n", paramLabel = "INT", description = "number of workers")
  String workers;

  @Option(names = "--L", paramLabel = "NUM", description = "smoothness constant L > 0")
  String smoothness;

  @Option(
      names = "--sigma2",
      paramLabel = "NUM",
      description = "stochastic-gradient variance sigma^2 >= 0")
  String noiseVariance;

  @Option(names = "--delta", paramLabel = "NUM", description = "initial gap f(u_0) - f* >= 0")
  String initialGap;
}
