package org.hsgd.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The numeric bound over random valid inputs. */
public class NumericBoundProperties {

  /** A random scenario (explicit per-level divergences, or random grouping) and gamma, T. */
  record Case(Scenario scenario, double gamma, long iterations) {}

  private static Scenario randomScenario(Random r) {
    Hierarchy h = BoundProperties.randomHierarchy(r);
    ProblemConstants c = BoundProperties.randomConstants(r);
    if (r.nextBoolean()) {
      return new Scenario(
          h, c, Divergences.randomGrouping(h, BoundProperties.logUniform(r, 1e-3, 10)));
    }
    double[] eps = new double[h.levelCount()];
    for (int k = 1; k <= eps.length; k++) {
      eps[k - 1] = h.merges(k) && r.nextInt(4) > 0 ? BoundProperties.logUniform(r, 1e-3, 10) : 0;
    }
    return new Scenario(h, c, Divergences.perLevel(eps));
  }

  @Provide
  Arbitrary<Case> closedFormCases() {
    return Arbitraries.randomValue(
        r -> {
          Scenario s = randomScenario(r);
          double gamma =
              ConvergenceBound.of(s).stepSizeLimit() * (1e-3 + (1 - 1e-3) * r.nextDouble());
          return new Case(s, gamma, 1 + (long) BoundProperties.logUniform(r, 1, 1e7));
        });
  }

  @Provide
  Arbitrary<Case> shortCases() {
    return Arbitraries.randomValue(
        r -> {
          Scenario s = randomScenario(r);
          double gamma = (1 / s.constants().smoothness()) * (1e-3 + (1 - 1e-3) * r.nextDouble());
          return new Case(s, gamma, 1 + r.nextInt(1500));
        });
  }

  /** The spec's claim: numeric &lt;= B wherever the closed form applies (gamma &lt;= gamma_max). */
  @Property(tries = 1000)
  void neverAboveTheClosedForm(@ForAll("closedFormCases") Case c) {
    double closed = ConvergenceBound.of(c.scenario()).total(c.gamma(), c.iterations());
    double numeric = NumericBound.of(c.scenario()).total(c.gamma(), c.iterations());
    assertTrue(numeric <= closed * (1 + 1e-12), () -> numeric + " > " + closed + " for " + c);
  }

  /** Agreement with {@link #reference}, written from NUMERIC_BOUND.md alone. */
  @Property(tries = 300)
  void agreesWithAnIndependentImplementation(@ForAll("shortCases") Case c) {
    double expected = reference(c.scenario(), c.gamma(), c.iterations());
    double actual = NumericBound.of(c.scenario()).total(c.gamma(), c.iterations());
    assertEquals(expected, actual, 1e-9 * expected, () -> c.toString());
  }

  /**
   * The spec, directly: the recursion run over every t &lt; T (no periodicity), windows as index
   * ranges, each C_j a plain sum, and rho found by a golden-section search on (0, 1] instead of the
   * closed-form root.
   */
  public static double reference(Scenario s, double gamma, long horizon) {
    Hierarchy h = s.hierarchy();
    double l = s.constants().smoothness();
    double sigma = Math.sqrt(s.constants().noiseVariance());
    List<Integer> kept = new ArrayList<>();
    for (int k = 1; k <= h.levelCount(); k++) {
      if (h.groups(k - 1) > h.groups(k)) {
        kept.add(k);
      }
    }
    int size = (int) horizon;
    double[] e = new double[size];
    for (int t = 0; t < size; t++) {
      double z = 0;
      for (int j = kept.size() - 1; j >= 0; j--) {
        int k = kept.get(j);
        long p = h.period(k);
        long tau = t - p * (t / p);
        long start = t - tau; // W_j = [start, t)
        long startBelow = t; // W_{j-1} = [startBelow, t), empty for the bottom kept level
        if (j > 0) {
          long pb = h.period(kept.get(j - 1));
          startBelow = t - (t - pb * (t / pb));
        }
        double c = 0;
        for (long u = start; u < startBelow; u++) {
          c += Math.sqrt(e[(int) u]);
        }
        c *= gamma * l;
        double w = (double) (h.groups(k - 1) - h.groups(k)) / h.workers();
        double b = gamma * (sigma * Math.sqrt(w * tau) + tau * Math.sqrt(s.divergences().level(k)));
        z = c + Math.sqrt(b * b + z * z);
      }
      e[t] = z * z;
    }
    double sum = 0;
    for (double v : e) {
      sum += v;
    }
    double x =
        2 * s.constants().initialGap() / (gamma * horizon)
            + gamma * l * s.constants().noiseVariance() / h.workers();
    double y = l * l * sum / horizon;
    double q = 1 - gamma * l;
    if (y == 0) {
      return x / (1 + q);
    }
    // Golden section on rho: the bound is (X + c2 Y) / c1.
    double lo = 1e-15;
    double hi = 1;
    double ratio = (Math.sqrt(5) - 1) / 2;
    for (int i = 0; i < 200; i++) {
      double m1 = hi - ratio * (hi - lo);
      double m2 = lo + ratio * (hi - lo);
      if (value(x, y, q, m1) <= value(x, y, q, m2)) {
        hi = m2;
      } else {
        lo = m1;
      }
    }
    return Math.min(value(x, y, q, (lo + hi) / 2), x + y);
  }

  private static double value(double x, double y, double q, double rho) {
    return (x + (1 + q * (1 / rho - 1)) * y) / (1 + q * (1 - rho));
  }
}
