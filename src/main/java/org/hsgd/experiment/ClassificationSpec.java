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
   * The samples twice (the loaded set and its train/test copies), each as compressed rows (a
   * feature index and a float per non-zero value, a label and a row start per sample); the shards
   * grouped by feature chunk by chunk (at most four ints a value); and each worker's minibatch
   * grouping (four ints per value of its widest samples) with its two ints per feature of scratch.
   */
  @Override
  public long dataBytes(int workers) {
    long samples = data.samples();
    long values = data.values();
    long chunks = samples / org.hsgd.sim.ClassificationProblem.CHUNK + workers;
    return 2 * (8 * values + 8 * samples)
        + 16 * values
        + 8 * chunks
        + workers * (16L * batch * data.widestSample() + 8L * data.features());
  }

  /** The MLP's width, or for logistic regression what sets the dimension: the data. */
  @Override
  public String sizeField() {
    return model instanceof ModelSpec.Mlp ? "model.hidden" : data.dimensionField();
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
