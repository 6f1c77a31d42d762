package org.hsgd.experiment;

import java.util.Optional;
import org.hsgd.Require;
import org.hsgd.data.Dataset;
import org.hsgd.data.TrainTestSplit;
import org.hsgd.sim.ClassificationProblem;
import org.hsgd.sim.RandomStreams;
import org.hsgd.sim.RunSettings;

/**
 * A classification task: a model trained on data split across the workers, minibatch gradients.
 *
 * @param model logistic regression or a tanh MLP
 * @param data where the samples come from (with their train/test split)
 * @param partition how the training samples are split across workers
 * @param batch the minibatch size of a stochastic gradient
 */
public record ClassificationSpec(ModelSpec model, DataSpec data, PartitionSpec partition, int batch)
    implements ProblemSpec {
  /** Minibatch size unless given. */
  public static final int DEFAULT_BATCH = 16;

  public ClassificationSpec {
    Require.that(batch >= 1, "batch", "must be at least 1", () -> "batch=" + batch);
  }

  /** IID partition, minibatch {@value #DEFAULT_BATCH}. */
  public ClassificationSpec(ModelSpec model, DataSpec data) {
    this(model, data, new PartitionSpec.Iid(), DEFAULT_BATCH);
  }

  @Override
  public RunSettings.GradientAverage defaultGradientAverage() {
    return RunSettings.GradientAverage.CHECKPOINTS;
  }

  @Override
  public long parameters() {
    return model.parameters(data.features(), data.classes());
  }

  /**
   * The samples twice (the loaded set and its train/test copies), each as compressed non-zero rows
   * (at most a feature index and a float per value) with labels and row starts; each worker's
   * minibatch grouped by feature, and its shard grouped chunk by chunk (at most an index and a
   * double per value, and three int tables over the features per chunk).
   */
  @Override
  public long dataBytes(int workers) {
    long features = data.features();
    long chunks = data.samples() / org.hsgd.sim.ClassificationProblem.CHUNK + 2L * workers;
    return 2L * data.samples() * (8 * features + 8)
        + (workers * (long) batch + data.samples()) * 12 * features
        + chunks * 12 * (features + 1);
  }

  @Override
  public String sizeField() {
    return "model.hidden";
  }

  @Override
  public Optional<String> dataSource() {
    return data.source();
  }

  /**
   * The task of a seed: the data's train/test split, the training set partitioned across the
   * workers, the model's initial point, each from its own stream.
   */
  @Override
  public ClassificationProblem create(int workers, RandomStreams streams, DataSources sources) {
    TrainTestSplit split = data.split(sources, streams.stream(RandomStreams.Purpose.DATA, 0));
    Dataset train = split.train();
    return new ClassificationProblem(
        model.create(train.features(), train.classes()),
        train,
        split.test(),
        partition.split(train, workers, streams.stream(RandomStreams.Purpose.PARTITION, 0)),
        batch,
        model.l2(),
        streams.stream(RandomStreams.Purpose.INIT, 0));
  }
}
