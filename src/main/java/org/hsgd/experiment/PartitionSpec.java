package org.hsgd.experiment;

import org.apache.commons.rng.UniformRandomProvider;
import org.hsgd.Require;
import org.hsgd.data.Dataset;
import org.hsgd.data.Partition;

/** How training samples are split across workers. */
public sealed interface PartitionSpec extends java.io.Serializable {
  /** Each worker's sample indices. */
  int[][] split(Dataset train, int workers, UniformRandomProvider rng);

  /** A uniformly random, equal split. */
  record Iid() implements PartitionSpec {
    @Override
    public int[][] split(Dataset train, int workers, UniformRandomProvider rng) {
      return Partition.iid(train, workers, rng);
    }
  }

  /** Label-sorted shards, {@code perWorker} to each worker (two: about two labels each). */
  record Shards(int perWorker) implements PartitionSpec {
    /** Shards per worker unless given. */
    public static final int DEFAULT_PER_WORKER = 2;

    public Shards {
      Require.that(
          perWorker >= 1,
          "partition.shards-per-worker",
          "must be at least 1",
          () -> "" + perWorker);
    }

    @Override
    public int[][] split(Dataset train, int workers, UniformRandomProvider rng) {
      return Partition.shards(train, workers, perWorker, rng);
    }
  }

  /** Per class, worker shares drawn from Dirichlet(alpha): small alpha, skewed label mixes. */
  record Dirichlet(double alpha) implements PartitionSpec {
    public Dirichlet {
      Require.positive("partition.alpha", alpha);
    }

    @Override
    public int[][] split(Dataset train, int workers, UniformRandomProvider rng) {
      return Partition.dirichlet(train, workers, alpha, rng);
    }
  }
}
