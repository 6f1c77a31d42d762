package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code hsgd bound --format json} against an independent implementation of THEORY.md, written here
 * from the formulas alone (no project code): 1,000 random valid inputs, relative error 1e-9.
 */
class TheoryReferenceProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double REL = 1e-9;

  /** THEORY.md, literally. N has N_0..N_K, P has P_1..P_K, eps has eps_1^2..eps_K^2. */
  record Reference(
      int n,
      int[] groups,
      long[] periods,
      double l,
      double sigma2,
      double delta,
      double[] eps,
      double epsTotal) {

    double[] terms(double gamma, long t) {
      double noiseSum = 0;
      double divergenceSum = 0;
      for (int k = 1; k <= periods.length; k++) {
        double p = periods[k - 1];
        noiseSum += (p - 1) * (groups[k - 1] - groups[k]) / n;
        divergenceSum += (p - 1) * (2 * p - 1) * eps[k - 1];
      }
      return new double[] {
        2 * delta / (gamma * t),
        gamma * l * sigma2 / n,
        2 * gamma * gamma * l * l * sigma2 * noiseSum,
        4.0 / 3.0 * gamma * gamma * l * l * divergenceSum
      };
    }

    double gammaMax() {
      long top = 1;
      for (int k = 1; k <= periods.length; k++) {
        if (groups[k - 1] > groups[k]) {
          top = periods[k - 1];
        }
      }
      double s = (double) top * (top - 1);
      return s == 0 ? 1 / l : Math.min(1 / l, 1 / (2 * l * Math.sqrt(s)));
    }

    /** Local SGD with period P: B_P of THEORY.md. */
    double localSgd(long p, double gamma, long t) {
      return 2 * delta / (gamma * t)
          + gamma * l * sigma2 / n
          + 2 * gamma * gamma * l * l * sigma2 * (p - 1) * (1 - 1.0 / n)
          + 4.0 / 3.0 * gamma * gamma * l * l * (p - 1) * (2 * p - 1) * epsTotal;
    }

    static double localSgdGammaMax(double l, int n, long p) {
      double s = n > 1 ? (double) p * (p - 1) : 0;
      return s == 0 ? 1 / l : Math.min(1 / l, 1 / (2 * l * Math.sqrt(s)));
    }

    double total(double gamma, long t) {
      double sum = 0;
      for (double term : terms(gamma, t)) {
        sum += term;
      }
      return sum;
    }
  }

  /**
   * Minimises a + b g + c g^2 + d/g over (0, gmax] by bisection on the derivative (convex in g).
   */
  static double argmin(java.util.function.DoubleUnaryOperator derivative, double gmax) {
    if (derivative.applyAsDouble(gmax) <= 0) {
      return gmax;
    }
    double lo = 0;
    double hi = gmax;
    for (int i = 0; i < 2000 && hi - lo > 1e-17 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (derivative.applyAsDouble(mid) < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  record Case(
      Reference ref,
      boolean randomGrouping,
      boolean optimal,
      double gamma,
      long t,
      List<String> args) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.randomValue(TheoryReferenceProperties::randomCase);
  }

  static Case randomCase(Random r) {
    int levels = 1 + r.nextInt(3);
    int[] ratios = new int[levels];
    int n = 1;
    for (int k = 0; k < levels; k++) {
      ratios[k] = 1 + r.nextInt(5);
      n *= ratios[k];
    }
    if (n == 1) {
      ratios[0] = 3;
      n = 3;
    }
    int[] groups = new int[levels + 1];
    groups[0] = n;
    for (int k = 1; k <= levels; k++) {
      groups[k] = groups[k - 1] / ratios[k - 1];
    }
    long[] periods = new long[levels];
    long p = 1 + r.nextInt(10);
    for (int k = 0; k < levels; k++) {
      periods[k] = p;
      p *= 1 + r.nextInt(5);
    }
    double l = Math.exp(r.nextGaussian());
    double sigma2 = r.nextInt(6) == 0 ? 0 : Math.exp(r.nextGaussian());
    double delta = Math.exp(2 * r.nextGaussian());
    boolean randomGrouping = levels > 1 && r.nextBoolean();
    double epsTotal = Math.exp(r.nextGaussian());
    double[] eps = new double[levels];
    double sum = 0;
    for (int k = 1; k <= levels; k++) {
      boolean merges = groups[k - 1] > groups[k];
      eps[k - 1] =
          !merges
              ? 0
              : randomGrouping
                  ? epsTotal * (groups[k - 1] - groups[k]) / (n - 1)
                  : Math.exp(r.nextGaussian());
      sum += eps[k - 1];
    }
    if (!randomGrouping) {
      epsTotal = sum;
    }
    Reference ref = new Reference(n, groups, periods, l, sigma2, delta, eps, epsTotal);
    long t = 1 + (long) Math.exp(12 * r.nextDouble());
    boolean optimal = r.nextInt(3) == 0;
    double gamma = ref.gammaMax() * (0.01 + 0.99 * r.nextDouble());
    List<String> args =
        new ArrayList<>(
            List.of(
                "bound",
                "--n",
                "" + n,
                "--periods",
                join(periods),
                "--L",
                "" + l,
                "--sigma2",
                "" + sigma2,
                "--delta",
                "" + delta,
                "--T",
                "" + t,
                "--format",
                "json",
                "--gamma",
                optimal ? "optimal" : "" + gamma));
    if (levels > 1) {
      args.addAll(
          List.of(
              "--groups", join(LongStream.range(1, levels).map(k -> groups[(int) k]).toArray())));
    }
    if (randomGrouping) {
      args.addAll(List.of("--eps2-total", "" + epsTotal, "--random-grouping"));
    } else {
      args.addAll(List.of("--eps2", join(eps)));
    }
    return new Case(ref, randomGrouping, optimal, gamma, t, args);
  }

  @Property(tries = 1000)
  void jsonAgreesWithTheReference(@ForAll("cases") Case c) throws Exception {
    Cli cli = Cli.run(c.args().toArray(String[]::new));
    assertEquals(0, cli.exitCode(), () -> c.args() + " " + cli.err());
    JsonNode j = JSON.readTree(cli.out());
    Reference ref = c.ref();
    long t = c.t();
    double gmax = ref.gammaMax();
    assertClose(gmax, j.get("gammaMax").asDouble(), "gammaMax", c);

    double b = ref.l() * ref.sigma2() / ref.n();
    double[] atOne = ref.terms(1, t); // the gamma^2 terms at gamma = 1 are their coefficients
    double curvature = atOne[2] + atOne[3];
    double gamma =
        c.optimal()
            ? argmin(g -> -2 * ref.delta() / (g * g * t) + b + 2 * curvature * g, gmax)
            : c.gamma();
    assertClose(gamma, j.get("gamma").asDouble(), "gamma", c);
    double[] terms = ref.terms(gamma, t);
    assertClose(terms[0], j.at("/terms/optimization").asDouble(), "optimization", c);
    assertClose(terms[1], j.at("/terms/noise").asDouble(), "noise", c);
    assertClose(terms[2], j.at("/terms/noiseDrift").asDouble(), "noiseDrift", c);
    assertClose(terms[3], j.at("/terms/divergenceDrift").asDouble(), "divergenceDrift", c);
    assertClose(ref.total(gamma, t), j.get("total").asDouble(), "total", c);
    assertEquals(gamma <= gmax, j.get("stepSizeValid").asBoolean());

    long p1 = ref.periods()[0];
    long pk = ref.periods()[ref.periods().length - 1];
    double lower = sandwichSide(ref, p1, c, t);
    double upper = sandwichSide(ref, pk, c, t);
    assertClose(lower, j.at("/sandwich/lower/total").asDouble(), "sandwich.lower.total", c);
    assertClose(upper, j.at("/sandwich/upper/total").asDouble(), "sandwich.upper.total", c);
    double middle = ref.total(gamma, t);
    if (Math.min(Math.abs(middle - lower), Math.abs(upper - middle)) > 1e-9 * middle) {
      assertEquals(
          lower <= middle && middle <= upper,
          j.at("/sandwich/holds").asBoolean(),
          c.args().toString());
    }
    // Under random grouping, and with eps^2 = the sum of the per-level eps_k^2 (the two ways cases
    // are generated), the sandwich always holds.
    assertTrue(j.at("/sandwich/holds").asBoolean(), c.args().toString());
  }

  private static double sandwichSide(Reference ref, long p, Case c, long t) {
    if (!c.optimal()) {
      return ref.localSgd(p, c.gamma(), t);
    }
    double gmax = Reference.localSgdGammaMax(ref.l(), ref.n(), p);
    double b = ref.l() * ref.sigma2() / ref.n();
    double l2 = ref.l() * ref.l();
    double curvature =
        2 * l2 * ref.sigma2() * (p - 1) * (1 - 1.0 / ref.n())
            + 4.0 / 3.0 * l2 * (p - 1) * (2 * p - 1) * ref.epsTotal();
    double g = argmin(x -> -2 * ref.delta() / (x * x * t) + b + 2 * curvature * x, gmax);
    return ref.localSgd(p, g, t);
  }

  private static void assertClose(double expected, double actual, String what, Case c) {
    double scale = Math.max(Math.abs(expected), Double.MIN_NORMAL);
    assertTrue(
        Math.abs(expected - actual) <= REL * scale,
        () -> what + ": reference " + expected + " vs hsgd " + actual + " for " + c.args());
  }

  private static String join(long[] values) {
    return LongStream.of(values).mapToObj(Long::toString).collect(Collectors.joining(","));
  }

  private static String join(double[] values) {
    return java.util.Arrays.stream(values)
        .mapToObj(Double::toString)
        .collect(Collectors.joining(","));
  }
}
