package org.hsgd.experiment;

import org.hsgd.sim.RunSettings;

/** What to minimise: a quadratic with exact constants, or a classification task on data. */
public sealed interface ProblemSpec extends java.io.Serializable
    permits QuadraticSpec, ClassificationSpec {

  /**
   * Where the time average of |grad f(u_t)|^2 is taken unless the experiment says otherwise: every
   * iteration where a full gradient is cheap, the checkpoints where it costs a pass over the data.
   */
  RunSettings.GradientAverage defaultGradientAverage();

  /** d, the number of parameters of a model (a long: a config can ask for more than fit an int). */
  long parameters();

  /** Bytes the problem holds apart from the models: data and per-worker constants. */
  long dataBytes(int workers);
}
