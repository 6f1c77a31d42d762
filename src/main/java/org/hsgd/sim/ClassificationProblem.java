package org.hsgd.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.hsgd.Require;
import org.hsgd.data.Dataset;
import org.hsgd.data.Partition;

/**
 * Classification with a model: F_j(x) = the mean loss over worker j's samples + (l2/2)|x|^2, and f
 * = (1/n) sum_j F_j as in the theory (every worker weighs the same, whatever its data size).
 * Stochastic gradients average a minibatch drawn without replacement from a per-worker shuffled
 * epoch.
 */
public final class ClassificationProblem implements Problem<ClassificationProblem.Context> {
  /** Samples per chunk of a full-gradient pass: their inputs are grouped by feature together. */
  public static final int CHUNK = 64;

  private final Model model;
  private final Dataset train;
  private final Dataset test;
  private final int[][] shards;
  private final int batch;
  private final double l2;
  private final double[] start;
  private final double[] keys;

  /**
   * Worker j's minibatch order, scratch space and batch stream, and its shard's inputs grouped by
   * feature chunk by chunk: the shard never changes, so full-gradient passes group it only once.
   */
  public static final class Context {
    final int[] shard;
    final FeatureGroups[] shardChunks;
    final int[] order;
    final double[] scratch;
    final FeatureGroups groups;
    final int[] batch;
    final UniformRandomProvider rng;
    int next;
    double sampleGradientSquares; // sum |g_i|^2 of the last full-gradient pass

    Context(int[] shard, Model model, Dataset train, int batch, UniformRandomProvider rng) {
      int chunk = Math.max(batch, CHUNK);
      this.shard = shard;
      this.groups = new FeatureGroups(train.features(), batch * train.maxRowNonzeros());
      this.shardChunks = new FeatureGroups[(shard.length + CHUNK - 1) / CHUNK];
      for (int i = 0; i < shardChunks.length; i++) {
        int from = i * CHUNK;
        shardChunks[i] = groups.groupOnce(train, shard, from, Math.min(CHUNK, shard.length - from));
      }
      this.order = shard.clone();
      this.scratch = model.newScratch(chunk);
      this.batch = new int[batch];
      this.rng = rng;
      this.next = order.length; // shuffle before the first batch
    }

    /** The next minibatch's samples into {@link #batch}: without replacement, epoch by epoch. */
    void drawBatch() {
      int filled = 0;
      while (filled < batch.length) {
        if (next == order.length) {
          PermutationSampler.shuffle(rng, order);
          next = 0;
        }
        int take = Math.min(batch.length - filled, order.length - next);
        System.arraycopy(order, next, batch, filled, take);
        next += take;
        filled += take;
      }
    }
  }

  /**
   * @param shards worker j's training sample indices (non-empty)
   * @param batch minibatch size
   * @param l2 weight of (1/2)|x|^2 in every F_j
   * @param init the stream that draws the common initial point
   */
  public ClassificationProblem(
      Model model,
      Dataset train,
      Dataset test,
      int[][] shards,
      int batch,
      double l2,
      UniformRandomProvider init) {
    Require.that(batch >= 1, "batch", "must be at least 1", () -> "batch=" + batch);
    Require.nonNegative("model.l2", l2);
    for (int j = 0; j < shards.length; j++) {
      int worker = j;
      Require.that(
          shards[j].length >= 1,
          "partition",
          "must give every worker data",
          () -> "worker " + worker + " has none");
    }
    this.model = model;
    this.train = train;
    this.test = test;
    this.shards = shards;
    this.batch = batch;
    this.l2 = l2;
    this.start = new double[model.dimension()];
    model.initialize(start, init);
    this.keys = new double[shards.length];
    for (int j = 0; j < shards.length; j++) {
      keys[j] =
          Model.argmax(toDoubles(Partition.labelCounts(train, shards[j])), 0, train.classes());
    }
  }

  private static double[] toDoubles(int[] counts) {
    return java.util.Arrays.stream(counts).asDoubleStream().toArray();
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public int workers() {
    return shards.length;
  }

  @Override
  public void initialPoint(double[] x) {
    System.arraycopy(start, 0, x, 0, start.length);
  }

  @Override
  public Context context(int worker, RandomStreams streams) {
    return new Context(
        shards[worker], model, train, batch, streams.stream(RandomStreams.Purpose.BATCH, worker));
  }

  @Override
  public void stochasticGradient(double[] x, double[] grad, Context c) {
    java.util.Arrays.fill(grad, 0);
    c.drawBatch();
    c.groups.group(train, c.batch, 0, batch);
    model.addLossAndGradient(x, train, c.batch, 0, batch, grad, c.scratch, c.groups);
    finish(x, grad, batch);
  }

  /** The fused step: the model applies the minibatch's gradient in place (see Model#step). */
  @Override
  public void step(double[] x, double gamma, double[] grad, Context c) {
    c.drawBatch();
    c.groups.group(train, c.batch, 0, batch);
    model.step(x, train, c.batch, batch, gamma, l2, c.scratch, c.groups);
  }

  /** Also sums the per-sample gradients' squared norms into the context, for the variance. */
  @Override
  public double lossAndFullGradient(double[] x, double[] grad, Context c) {
    java.util.Arrays.fill(grad, 0);
    double loss = 0;
    double squares = 0;
    for (int i = 0; i < c.shardChunks.length; i++) {
      int from = i * CHUNK;
      int count = Math.min(CHUNK, c.shard.length - from);
      loss +=
          model.addLossAndGradient(
              x, train, c.shard, from, count, grad, c.scratch, c.shardChunks[i]);
      squares += model.sumOfSquaredSampleGradients(train, c.shard, from, count, c.scratch);
    }
    c.sampleGradientSquares = squares;
    finish(x, grad, c.shard.length);
    return loss / c.shard.length + 0.5 * l2 * Vectors.dot(x, x);
  }

  /**
   * From the per-sample gradients g_i of the context's last full-gradient pass (m samples, mean g):
   * S^2 = (1/m) sum |g_i|^2 - |g|^2, and a minibatch of b &lt;= m drawn without replacement has
   * variance S^2 (m - b) / (b (m - 1)) about g. Each minibatch of the epoch sampler is such a draw;
   * the l2 term cancels. NaN for b &gt; m, where a batch spans whole epochs.
   */
  @Override
  public double gradientVariance(double[] x, double[] fullGradient, Context c) {
    int m = c.shard.length;
    if (batch > m) {
      return Double.NaN;
    }
    if (batch == m) {
      return 0; // every batch is a whole epoch: the full gradient
    }
    double meanSq = 0;
    for (int i = 0; i < x.length; i++) {
      double g = fullGradient[i] - l2 * x[i];
      meanSq += g * g;
    }
    double spread = Math.max(0, c.sampleGradientSquares / m - meanSq);
    return spread * (m - batch) / (batch * (m - 1.0));
  }

  /** Cross-entropy and the l2 term are never negative. */
  @Override
  public double lossLowerBound() {
    return 0;
  }

  /** Turns summed sample gradients into the mean plus the l2 term. */
  private void finish(double[] x, double[] grad, int samples) {
    double scale = 1.0 / samples;
    for (int i = 0; i < grad.length; i++) {
      grad[i] = grad[i] * scale + l2 * x[i];
    }
  }

  /** One pass over the test set: each sample's logits give its prediction and its loss. */
  @Override
  public TestScore test(double[] x) {
    double[] scratch = model.newScratch(1);
    int classes = train.classes();
    int correct = 0;
    double loss = 0;
    for (int i = 0; i < test.size(); i++) {
      int logits = model.logits(x, test, i, scratch);
      if (Model.argmax(scratch, logits, classes) == test.label(i)) {
        correct++;
      }
      loss += Model.softmaxCrossEntropy(scratch, logits, classes, test.label(i));
    }
    return new TestScore((double) correct / test.size(), loss / test.size());
  }

  @Override
  public long[] sampleCounts() {
    return java.util.Arrays.stream(shards).mapToLong(s -> s.length).toArray();
  }

  /** A worker's most frequent label. */
  @Override
  public double[] groupingKeys() {
    return keys.clone();
  }

  /** Nominal floating-point operations of one worker's stochastic gradient. */
  public long flopsPerStep() {
    return model.flopsPerSample() * batch;
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", model.getClass().getSimpleName());
    m.put("parameters", model.dimension());
    m.put("trainSamples", train.size());
    m.put("testSamples", test.size());
    m.put("batch", batch);
    m.put("l2", l2);
    m.put(
        "samplesPerWorker",
        java.util.Arrays.stream(shards).mapToInt(s -> s.length).boxed().toList());
    return m;
  }
}
