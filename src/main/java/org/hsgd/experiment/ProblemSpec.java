package org.hsgd.experiment;

import java.util.Optional;
import org.hsgd.sim.Problem;
import org.hsgd.sim.RandomStreams;
import org.hsgd.sim.RunSettings;

/**
 * What to minimise: a quadratic with exact constants, a classification task on data, or a problem
 * another program solved (imported runs).
 */
public sealed interface ProblemSpec extends java.io.Serializable
    permits QuadraticSpec, ClassificationSpec, ExternalSpec {

  /**
   * Where the time average of |grad f(u_t)|^2 is taken unless the experiment says otherwise: every
   * iteration where a full gradient is cheap, the checkpoints where it costs a pass over the data.
   */
  RunSettings.GradientAverage defaultGradientAverage();

  /** d, the number of parameters of a model (a long: a config can ask for more than fit an int). */
  long parameters();

  /** Bytes the problem holds apart from the models: data and per-worker constants. */
  long dataBytes(int workers);

  /** The config key whose value sets the model's size, for an error about it. */
  String sizeField();

  /** The dataset kept in a file that the problem reads ({@link DataSources}), or empty. */
  default Optional<String> dataSource() {
    return Optional.empty();
  }

  /**
   * The problem of a seed on n workers: its data, partition and initial point all drawn from the
   * seed's streams.
   *
   * @param data where the datasets kept in files are
   */
  Problem<?> create(int workers, RandomStreams streams, DataSources data);
}
