package org.hsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hsgd.bounds.ConvergenceBound;
import org.hsgd.bounds.Divergences;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.bounds.ProblemConstants;
import org.hsgd.bounds.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The closed form's optimal step size over constants many decades apart: a root of its cubic
 * wherever one exists, never "maximal count exceeded".
 */
class ExtremeConstantsTest {
  private static final List<String[]> EXTREMES =
      List.of(
          new String[] {"1e-100", "1", "1"},
          new String[] {"1", "1", "1e-50"},
          new String[] {"1", "1e70", "1"},
          new String[] {"1", "1e100", "1e-100"},
          new String[] {"1e100", "1", "1e-100"},
          new String[] {"1e-20", "1e-30", "1e40"});

  @Test
  void boundFindsTheOptimalStepSizeAtEveryScale() throws Exception {
    for (String[] c : EXTREMES) {
      Cli cli =
          Cli.run(
              "bound",
              "--n",
              "64",
              "--groups",
              "8",
              "--periods",
              "4,32",
              "--L",
              c[0],
              "--sigma2",
              c[1],
              "--delta",
              c[2],
              "--eps2",
              "1,0.5",
              "--T",
              "10000",
              "--format",
              "json");
      assertEquals(0, cli.exitCode(), String.join(" ", c) + ": " + cli.err());
      JsonNode hsgd = new ObjectMapper().readTree(cli.out());
      double gamma = hsgd.get("gamma").asDouble();
      assertTrue(gamma > 0 && gamma <= hsgd.get("gammaMax").asDouble(), cli.out());
    }
  }

  @Test
  void theRootSolvesTheCubicToRelativePrecision() {
    for (String[] c : EXTREMES) {
      double l = Double.parseDouble(c[0]);
      double sigma2 = Double.parseDouble(c[1]);
      double delta = Double.parseDouble(c[2]);
      Hierarchy h = Hierarchy.twoLevel(64, 8, 4, 32);
      ConvergenceBound b =
          ConvergenceBound.of(
              new Scenario(
                  h, new ProblemConstants(l, sigma2, delta), Divergences.perLevel(1, 0.5)));
      long t = 10_000;
      double gamma = b.optimalStepSize(t);
      if (gamma < b.stepSizeLimit()) { // an interior minimum: B has a flat slope there
        double step = gamma * 1e-6;
        double slope = (b.total(gamma + step, t) - b.total(gamma - step, t)) / (2 * step);
        double scale = b.total(gamma, t) / gamma;
        assertTrue(Math.abs(slope) < 1e-4 * scale, String.join(" ", c) + ": slope " + slope);
      }
    }
  }
}
