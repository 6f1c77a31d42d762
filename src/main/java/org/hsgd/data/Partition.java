package org.hsgd.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.hsgd.Require;

/** Splits the samples of a dataset across workers; each result lists worker j's sample indices. */
public final class Partition {
  /** Redraws of the Dirichlet proportions before giving up on leaving no worker empty. */
  private static final int DIRICHLET_ATTEMPTS = 100;

  private Partition() {}

  /** IID: a random permutation dealt in contiguous blocks whose sizes differ by at most one. */
  public static int[][] iid(Dataset data, int workers, UniformRandomProvider rng) {
    requireEnough(data, workers);
    int[] order = PermutationSampler.natural(data.size());
    PermutationSampler.shuffle(rng, order);
    int[][] parts = new int[workers][];
    for (int j = 0; j < workers; j++) {
      int from = (int) ((long) data.size() * j / workers);
      int to = (int) ((long) data.size() * (j + 1) / workers);
      parts[j] = java.util.Arrays.copyOfRange(order, from, to);
    }
    return parts;
  }

  /**
   * Label shards: the samples sorted by label are cut into workers * perWorker equal shards, and
   * each worker receives perWorker shards drawn at random. A worker then sees at most perWorker
   * labels when the shard size divides every class size (and at most 2 perWorker in general).
   */
  public static int[][] shards(
      Dataset data, int workers, int perWorker, UniformRandomProvider rng) {
    Require.that(
        perWorker >= 1, "partition.shards-per-worker", "must be at least 1", () -> "" + perWorker);
    int shardCount = workers * perWorker;
    Require.that(
        data.size() >= shardCount,
        "partition.shards-per-worker",
        "must leave at least one sample per shard",
        () -> shardCount + " shards for " + data.size() + " samples");
    Integer[] byLabel = new Integer[data.size()];
    for (int i = 0; i < byLabel.length; i++) {
      byLabel[i] = i;
    }
    java.util.Arrays.sort(
        byLabel, java.util.Comparator.comparingInt(data::label)); // stable: by index within a label
    int[] shardOrder = PermutationSampler.natural(shardCount);
    PermutationSampler.shuffle(rng, shardOrder);
    int[][] parts = new int[workers][];
    for (int j = 0; j < workers; j++) {
      List<Integer> mine = new ArrayList<>();
      for (int s = 0; s < perWorker; s++) {
        int shard = shardOrder[j * perWorker + s];
        int from = (int) ((long) data.size() * shard / shardCount);
        int to = (int) ((long) data.size() * (shard + 1) / shardCount);
        for (int i = from; i < to; i++) {
          mine.add(byLabel[i]);
        }
      }
      parts[j] = mine.stream().mapToInt(Integer::intValue).toArray();
    }
    return parts;
  }

  /**
   * Dirichlet(alpha): for every class, proportions over the workers are drawn from a symmetric
   * Dirichlet distribution and the class's samples (in random order) are split accordingly. Small
   * alpha gives very skewed label mixes. Proportions are redrawn until no worker is left empty.
   */
  public static int[][] dirichlet(
      Dataset data, int workers, double alpha, UniformRandomProvider rng) {
    Require.positive("partition.alpha", alpha);
    requireEnough(data, workers);
    AhrensDieterMarsagliaTsangGammaSampler gamma =
        new AhrensDieterMarsagliaTsangGammaSampler(rng, alpha, 1);
    int[][] byClass = samplesByClass(data);
    for (int attempt = 0; attempt < DIRICHLET_ATTEMPTS; attempt++) {
      List<List<Integer>> parts = new ArrayList<>();
      for (int j = 0; j < workers; j++) {
        parts.add(new ArrayList<>());
      }
      for (int[] members : byClass) {
        int[] shuffled = members.clone();
        PermutationSampler.shuffle(rng, shuffled);
        double[] weights = new double[workers];
        double sum = 0;
        for (int j = 0; j < workers; j++) {
          weights[j] = gamma.sample();
          sum += weights[j];
        }
        double cumulative = 0;
        int from = 0;
        for (int j = 0; j < workers; j++) {
          cumulative += weights[j] / sum;
          int to =
              j == workers - 1 ? shuffled.length : (int) Math.round(cumulative * shuffled.length);
          for (int i = from; i < Math.max(from, to); i++) {
            parts.get(j).add(shuffled[i]);
          }
          from = Math.max(from, to);
        }
      }
      if (parts.stream().noneMatch(List::isEmpty)) {
        return parts.stream()
            .map(p -> p.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
      }
    }
    throw new org.hsgd.InvalidInputException(
        "partition.alpha",
        "must leave every worker some data (raise alpha or use fewer workers)",
        "alpha=" + alpha + " left a worker empty in " + DIRICHLET_ATTEMPTS + " draws");
  }

  /** Worker j's label counts, for checks and for grouping by label mix. */
  public static int[] labelCounts(Dataset data, int[] samples) {
    int[] counts = new int[data.classes()];
    for (int s : samples) {
      counts[data.label(s)]++;
    }
    return counts;
  }

  private static int[][] samplesByClass(Dataset data) {
    int[] counts = data.classCounts();
    int[][] byClass = new int[data.classes()][];
    int[] fill = new int[data.classes()];
    for (int c = 0; c < byClass.length; c++) {
      byClass[c] = new int[counts[c]];
    }
    for (int i = 0; i < data.size(); i++) {
      int c = data.label(i);
      byClass[c][fill[c]++] = i;
    }
    return byClass;
  }

  private static void requireEnough(Dataset data, int workers) {
    Require.that(
        data.size() >= workers,
        "n",
        "must not exceed the number of training samples",
        () -> workers + " workers for " + data.size() + " samples");
  }
}
