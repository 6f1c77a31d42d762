package org.hsgd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The contract every problem must pass: full gradients agree with central finite differences of the
 * loss, a noiseless, full-batch stochastic gradient equals the full gradient, and a (possibly
 * fused) SGD step equals x - gamma times the stochastic gradient drawn from the same stream.
 */
abstract class ProblemContract<C> {
  /** The problem under test (a small instance). */
  abstract Problem<C> problem();

  /** A stochastic gradient that is exactly the full gradient (no noise, whole shard), if any. */
  abstract boolean stochasticGradientIsExact();

  private static double[] randomPoint(int d, UniformRandomProvider rng) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = 0.5 * (2 * rng.nextDouble() - 1);
    }
    return x;
  }

  @Test
  void fullGradientMatchesFiniteDifferences() {
    Problem<C> p = problem();
    RandomStreams streams = new RandomStreams(7);
    UniformRandomProvider rng = streams.stream(RandomStreams.Purpose.DATA, 99);
    for (int worker = 0; worker < p.workers(); worker++) {
      C context = p.context(worker, streams);
      double[] x = randomPoint(p.dimension(), rng);
      double[] grad = new double[p.dimension()];
      double[] unused = new double[p.dimension()];
      p.lossAndFullGradient(x, grad, context);
      double h = 1e-5;
      for (int i = 0; i < p.dimension(); i++) {
        double saved = x[i];
        x[i] = saved + h;
        double up = p.lossAndFullGradient(x, unused, context);
        x[i] = saved - h;
        double down = p.lossAndFullGradient(x, unused, context);
        x[i] = saved;
        double numeric = (up - down) / (2 * h);
        assertEquals(
            numeric,
            grad[i],
            1e-6 * Math.max(1, Math.abs(numeric)),
            "worker " + worker + ", coordinate " + i);
      }
    }
  }

  @Test
  void aStepIsTheStochasticGradientStepUpToRounding() {
    Problem<C> p = problem();
    double gamma = 0.3;
    double[] x0 =
        randomPoint(p.dimension(), new RandomStreams(5).stream(RandomStreams.Purpose.DATA, 97));
    for (int worker = 0; worker < p.workers(); worker++) {
      // Two contexts on the same streams draw the same minibatches and noise.
      C viaGradient = p.context(worker, new RandomStreams(11));
      C fused = p.context(worker, new RandomStreams(11));
      double[] expected = x0.clone();
      double[] actual = x0.clone();
      double[] grad = new double[p.dimension()];
      for (int step = 0; step < 3; step++) {
        p.stochasticGradient(expected, grad, viaGradient);
        for (int i = 0; i < expected.length; i++) {
          expected[i] -= gamma * grad[i];
        }
        p.step(actual, gamma, new double[p.dimension()], fused);
      }
      for (int i = 0; i < expected.length; i++) {
        assertEquals(
            expected[i],
            actual[i],
            1e-12 * Math.max(1, Math.abs(expected[i])),
            "worker " + worker + ", coordinate " + i);
      }
    }
  }

  @Test
  void exactStochasticGradientEqualsTheFullGradient() {
    if (!stochasticGradientIsExact()) {
      return;
    }
    Problem<C> p = problem();
    RandomStreams streams = new RandomStreams(3);
    double[] x = randomPoint(p.dimension(), streams.stream(RandomStreams.Purpose.DATA, 98));
    for (int worker = 0; worker < p.workers(); worker++) {
      C context = p.context(worker, streams);
      double[] full = new double[p.dimension()];
      double[] stochastic = new double[p.dimension()];
      p.lossAndFullGradient(x, full, context);
      p.stochasticGradient(x, stochastic, context);
      for (int i = 0; i < full.length; i++) {
        assertEquals(full[i], stochastic[i], 1e-12 * Math.max(1, Math.abs(full[i])));
      }
    }
  }
}
