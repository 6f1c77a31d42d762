package org.hsgd.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import org.hsgd.InvalidInputException;
import org.hsgd.Require;

/**
 * Runs H-SGD (THEORY.md, "Setting"): in every iteration each worker takes a stochastic gradient
 * step on its own model; then the highest level whose period divides the number of completed steps
 * replaces every model of each of its groups by the group's average. Local SGD is the one-level
 * case. The quantities of the theory are measured at u_t.
 *
 * <p>Deterministic: workers draw from their own streams, and every sum runs over workers in a fixed
 * order, so the numbers do not depend on the thread count.
 *
 * @param <C> the problem's per-worker context
 */
public final class Simulation<C> implements AutoCloseable {
  private final Problem<C> problem;
  private final Grouping grouping;
  private final RunSettings settings;
  private final int n;
  private final int d;
  private final double[][] models;
  private final double[][] gradients;
  private final List<C> contexts;
  private final double[] average;
  private final double[] losses;
  private final double[] weights; // each worker's weight in every average
  private final boolean idleUnsampled; // settings.idleUnsampled(), read once: it builds a stream
  private final DivergenceMeter meter;
  private final Participation participation;
  private final Team team;
  private final IntConsumer stepTask = this::stepWorkers;
  private final IntConsumer lossTask = this::measureWorkers;
  private final IntConsumer averageTask = this::averageDimensions;
  private final IntConsumer estimateTask = this::estimateWorkers;
  private ConstantsEstimator<C> estimator; // set only while a run estimates its constants
  private final double[] levelTerms;
  private double loss;
  private int aggregationLevel;
  private long localSteps; // each worker's steps in the next stepTask
  private long workerSteps; // steps taken by all workers so far
  private long completed;
  private long started;

  private Simulation(
      Problem<C> problem,
      Grouping grouping,
      RunSettings settings,
      RandomStreams streams,
      Team team) {
    Require.that(
        grouping.workers() == problem.workers(),
        "n",
        "must match the problem's workers",
        () -> grouping.workers() + " in the grouping, " + problem.workers() + " in the problem");
    Require.that(
        settings.participation().isEmpty()
            || settings.participation().size() == grouping.levelCount(),
        "participation",
        "must give one fraction per level",
        () -> settings.participation().size() + " for " + grouping.levelCount() + " levels");
    this.problem = problem;
    this.grouping = grouping;
    this.settings = settings;
    this.n = problem.workers();
    this.d = problem.dimension();
    this.models = new double[n][d];
    this.gradients = new double[n][d];
    this.contexts = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      contexts.add(problem.context(j, streams));
    }
    this.average = new double[d];
    this.losses = new double[n];
    this.weights = weights(problem, settings.weighting());
    this.idleUnsampled = settings.idleUnsampled();
    this.meter = new DivergenceMeter(grouping, d, weights);
    this.levelTerms = new double[grouping.levelCount()];
    this.participation = new Participation(grouping, settings.participation(), weights, streams);
    if (idleUnsampled) {
      participation.drawPeriods(grouping.levelCount());
    }
    this.team = team;
  }

  /**
   * Runs the problem on the grouping: measures at t = 0, every evalEvery iterations and T, and
   * averages |grad f(u_t)|^2 over the iterations the settings ask for.
   *
   * @param threads the size of the worker team (the numbers do not depend on it)
   * @param progress told the number of completed iterations after each one
   * @throws InvalidInputException if the loss or gradient is not finite at the start
   * @throws DivergedException if they become NaN or infinite later (the run diverged: the step size
   *     is too large for the problem)
   */
  public static <C> Trace run(
      Problem<C> problem,
      Grouping grouping,
      RunSettings settings,
      int threads,
      RandomStreams streams,
      LongConsumer progress) {
    return run(problem, grouping, settings, threads, streams, progress, false).trace();
  }

  /**
   * What a run measured, and the constants estimated along it where asked.
   *
   * @param estimates empty unless the run estimated them
   */
  public record Result(Trace trace, Optional<EstimatedConstants> estimates) {}

  /**
   * As {@link #run(Problem, Grouping, RunSettings, int, RandomStreams, LongConsumer)}, estimating
   * the constants along the run where {@code estimate} asks ({@link ConstantsEstimator}): the trace
   * is the same, bit for bit, either way.
   */
  public static <C> Result run(
      Problem<C> problem,
      Grouping grouping,
      RunSettings settings,
      int threads,
      RandomStreams streams,
      LongConsumer progress,
      boolean estimate) {
    boolean everyIteration =
        settings.gradientAverage() == RunSettings.GradientAverage.EVERY_ITERATION;
    long horizon = settings.iterations();
    try (Simulation<C> simulation = start(problem, grouping, settings, threads, streams)) {
      if (estimate) {
        simulation.estimator =
            new ConstantsEstimator<>(
                problem, grouping.levelCount(), simulation.team.size(), streams);
      }
      long stride = estimationStride(settings);
      List<Measurement> checkpoints = new ArrayList<>();
      double sum = 0;
      long averaged = 0;
      for (long t = 0; ; ) {
        double normSq = Double.NaN;
        if (t % settings.evalEvery() == 0 || t == horizon) {
          Measurement m = simulation.measure().withRunningMean(sum / averaged);
          if (estimate) {
            simulation.estimator.recordCheckpoint(m.loss(), simulation.levelTerms);
            if (checkpoints.size() % stride == 0 || t == horizon) {
              simulation.team.run(simulation.estimateTask);
              simulation.estimator.pointDone();
            }
          }
          checkpoints.add(m);
          normSq = m.gradNormSq();
        } else if (everyIteration) {
          normSq = simulation.measureAtAverage();
        }
        if (t == horizon) {
          Trace trace =
              new Trace(
                  checkpoints,
                  sum / averaged,
                  averaged,
                  settings.gradientAverage(),
                  simulation.workerSteps,
                  (System.nanoTime() - simulation.started) / 1e9);
          return new Result(
              trace, estimate ? Optional.of(simulation.estimator.result()) : Optional.empty());
        }
        if (!Double.isNaN(normSq)) {
          sum += normSq;
          averaged++;
        }
        // Up to the next measurement or aggregation at once: workers step on their own between.
        long steps =
            everyIteration
                ? 1
                : Math.min(
                    Math.min(horizon - t, settings.evalEvery() - t % settings.evalEvery()),
                    grouping.stepsToNextAggregation(t));
        simulation.advance(steps);
        t += steps;
        progress.accept(t);
      }
    }
  }

  /**
   * The doubles that estimating the constants adds to a run of n workers of dimension d on a team
   * of {@code threads}.
   */
  public static double estimatorDoubles(int n, long d, int threads) {
    return ConstantsEstimator.doubles(n, d, threads);
  }

  /**
   * Every how many checkpoints the constants are estimated, so that at most {@link
   * ConstantsEstimator#MAX_POINTS} of them are (the last one always is).
   */
  static long estimationStride(RunSettings settings) {
    long intervals = (settings.iterations() + settings.evalEvery() - 1) / settings.evalEvery();
    return Math.max(
        1, (intervals + ConstantsEstimator.MAX_POINTS - 3) / (ConstantsEstimator.MAX_POINTS - 2));
  }

  /**
   * A simulation at t = 0, every worker at u_0, for stepping and measuring by hand (benchmarks,
   * checks); {@link #run} is the usual entry. Close it to stop its threads.
   *
   * @param threads the size of the worker team
   */
  public static <C> Simulation<C> start(
      Problem<C> problem,
      Grouping grouping,
      RunSettings settings,
      int threads,
      RandomStreams streams) {
    Require.atLeast("threads", threads, 1);
    Team team = new Team(threads);
    try {
      Simulation<C> simulation = new Simulation<>(problem, grouping, settings, streams, team);
      problem.initialPoint(simulation.average);
      for (double[] model : simulation.models) {
        System.arraycopy(simulation.average, 0, model, 0, simulation.d);
      }
      simulation.started = System.nanoTime();
      return simulation;
    } catch (RuntimeException e) {
      team.close();
      throw e;
    }
  }

  /**
   * Takes {@code steps} iterations: local steps on every worker, then any aggregation due. Between
   * two aggregations the workers do not interact, so each takes all its steps up to the next one in
   * a row: its model stays in its core's cache, and the team meets once per aggregation, not once
   * per step. The numbers are the same as step by step.
   */
  public void advance(long steps) {
    for (long done = 0; done < steps; ) {
      localSteps = Math.min(steps - done, grouping.stepsToNextAggregation(completed));
      team.run(stepTask);
      completed += localSteps;
      done += localSteps;
      workerSteps += localSteps * (idleUnsampled ? participation.activeCount() : n);
      aggregationLevel = grouping.levelDue(completed);
      if (aggregationLevel > 0) {
        if (idleUnsampled) {
          participation.effectiveWeights(aggregationLevel);
        } else {
          participation.draw(aggregationLevel);
        }
        team.run(averageTask);
        if (idleUnsampled) {
          participation.drawPeriods(aggregationLevel); // the next periods of levels 1..k begin
        }
      }
    }
  }

  /** A copy of one worker's model (for tests and inspection). */
  double[] model(int worker) {
    return models[worker].clone();
  }

  /** Iterations taken so far. */
  public long iteration() {
    return completed;
  }

  @Override
  public void close() {
    team.close();
  }

  private void stepWorkers(int part) {
    double gamma = settings.stepSize();
    for (int j = Team.from(part, team.size(), n); j < Team.from(part + 1, team.size(), n); j++) {
      double[] x = models[j];
      double[] g = gradients[j];
      C context = contexts.get(j);
      if (idleUnsampled && !participation.active(j)) {
        continue; // left out of this period: idle, keeping its model
      }
      for (long s = 0; s < localSteps; s++) {
        problem.step(x, gamma, g, context);
      }
    }
  }

  /**
   * Over a slice of the dimensions: with aggregationLevel = 0, u_t into the average buffer;
   * otherwise each group of the due level averages its taking part workers (in a fixed order) and
   * every member receives the result. Between measurements the average buffer is free scratch.
   */
  private void averageDimensions(int part) {
    int from = Team.from(part, team.size(), d);
    int to = Team.from(part + 1, team.size(), d);
    if (aggregationLevel == 0) {
      meanOf(participation.allWorkers(), 0, n, weights, from, to);
      return;
    }
    for (int g = 0; g < grouping.groupCount(aggregationLevel); g++) {
      if (idleUnsampled) {
        int[] members = grouping.members(aggregationLevel, g);
        meanOf(members, 0, members.length, participation.effective(), from, to);
      } else {
        meanOf(
            participation.takers(),
            participation.start(g),
            participation.count(g),
            weights,
            from,
            to);
      }
      for (int j : grouping.members(aggregationLevel, g)) {
        System.arraycopy(average, from, models[j], from, to - from);
      }
    }
  }

  /**
   * Each worker's weight: 1 (uniform), or its number of samples divided by the greatest common
   * divisor of all of them. With equal shards every weight is 1 again, so that sample weighting
   * then gives the uniform averages bit for bit; otherwise the weights are exact integers.
   */
  private static double[] weights(Problem<?> problem, RunSettings.Weighting weighting) {
    double[] w = new double[problem.workers()];
    if (weighting == RunSettings.Weighting.UNIFORM) {
      java.util.Arrays.fill(w, 1);
      return w;
    }
    long[] counts = problem.sampleCounts();
    long divisor = 0;
    for (long c : counts) {
      divisor =
          java.math.BigInteger.valueOf(divisor).gcd(java.math.BigInteger.valueOf(c)).longValue();
    }
    for (int j = 0; j < w.length; j++) {
      w[j] = counts[j] / divisor;
    }
    return w;
  }

  /**
   * average[from..to) = the weighted mean over workers[first..first + count) of their models,
   * summed in that order from 0, then divided by the sum of their weights. Model by model rather
   * than element by element: each pass streams through two arrays instead of striding across all of
   * them, and every element's sum runs in the same order.
   */
  private void meanOf(int[] workers, int first, int count, double[] weights, int from, int to) {
    java.util.Arrays.fill(average, from, to, 0);
    double total = 0;
    for (int k = first; k < first + count; k++) {
      double[] model = models[workers[k]];
      double w = weights[workers[k]];
      total += w;
      for (int i = from; i < to; i++) {
        average[i] += w * model[i];
      }
    }
    for (int i = from; i < to; i++) {
      average[i] /= total;
    }
  }

  private void estimateWorkers(int part) {
    for (int j = Team.from(part, team.size(), n); j < Team.from(part + 1, team.size(), n); j++) {
      C context = contexts.get(j);
      estimator.estimate(
          j, average, gradients[j], problem.gradientVariance(average, gradients[j], context), part);
    }
  }

  private void measureWorkers(int part) {
    for (int j = Team.from(part, team.size(), n); j < Team.from(part + 1, team.size(), n); j++) {
      losses[j] = problem.lossAndFullGradient(average, gradients[j], contexts.get(j));
    }
  }

  /**
   * Measures at u_t: loss, |grad f(u_t)|^2, test accuracy and the level divergences (the running
   * time average is {@link #run}'s to fill in).
   *
   * @throws InvalidInputException if the loss or the gradient is not finite at u_0
   * @throws DivergedException if they stop being finite later (the run diverged)
   */
  public Measurement measure() {
    double normSq = measureAtAverage();
    TestScore test = problem.test(average);
    return new Measurement(
        completed,
        loss,
        normSq,
        Double.NaN,
        test.accuracy(),
        test.loss(),
        java.util.Arrays.stream(levelTerms).boxed().toList());
  }

  /**
   * u_t into the average buffer, f(u_t) into {@code loss}, the level terms into {@code levelTerms};
   * returns |grad f(u_t)|^2. Allocates nothing.
   */
  private double measureAtAverage() {
    aggregationLevel = 0;
    team.run(averageTask);
    team.run(lossTask);
    double sum = 0;
    double total = 0;
    for (int j = 0; j < n; j++) {
      sum += weights[j] * losses[j];
      total += weights[j];
    }
    loss = sum / total;
    double[] gradient = meter.measure(gradients, levelTerms);
    double normSq = 0;
    for (double g : gradient) {
      normSq += g * g;
    }
    if ((!Double.isFinite(loss) || !Double.isFinite(normSq)) && completed == 0) {
      throw new InvalidInputException(
          "problem",
          "must have a finite loss and gradient at the starting point u_0 (check initial-point and"
              + " the scale of the data or centers)",
          "loss " + loss + ", |grad f(u_0)|^2 " + normSq);
    }
    if (!Double.isFinite(loss) || !Double.isFinite(normSq)) {
      throw new DivergedException(completed, loss, settings.stepSize());
    }
    return normSq;
  }
}
