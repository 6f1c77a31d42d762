package org.hsgd.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams derived from one master seed, one per purpose and index (a worker, a
 * level), so that a run's numbers depend on the seed alone: never on the thread count, on the order
 * in which workers are scheduled, or on what other purposes consumed.
 */
public final class RandomStreams {
  /** What a stream is used for; each has its own family of streams. */
  public enum Purpose {
    /** Synthetic data generation. */
    DATA,
    /** Splitting data across workers. */
    PARTITION,
    /** Assigning workers to groups. */
    GROUPING,
    /** The common initial point. */
    INIT,
    /** A worker's minibatch order. */
    BATCH,
    /** A worker's gradient noise. */
    NOISE,
    /** A level's partial-participation draws. */
    PARTICIPATION,
    /**
     * A worker's draws for estimating the constants (start vectors, sampled gradients): apart from
     * training, so that estimating changes no number of the run. Last: a purpose's streams depend
     * on its position.
     */
    ESTIMATE
  }

  private final long seed;

  public RandomStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /**
   * A family of streams of its own, seeded from this one's stream (purpose, 0): for work beside a
   * run, such as estimating its constants, whose problem contexts then draw apart from the run's.
   */
  public RandomStreams child(Purpose purpose) {
    return new RandomStreams(stream(purpose, 0).nextLong());
  }

  /** The stream for (purpose, index); the same arguments always give the same sequence. */
  public UniformRandomProvider stream(Purpose purpose, int index) {
    long a = mix(seed + 0x9E3779B97F4A7C15L * (purpose.ordinal() + 1));
    long b = mix(a + 0x9E3779B97F4A7C15L * (index + 1L));
    return RandomSource.XO_RO_SHI_RO_128_PP.create(
        new long[] {mix(b), mix(b ^ 0xD1B54A32D192ED03L)});
  }

  /** SplitMix64's finaliser: a bijection that spreads nearby inputs across all 64 bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
