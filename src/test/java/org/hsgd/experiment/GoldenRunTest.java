package org.hsgd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hsgd.bounds.Hierarchy;
import org.hsgd.sim.GroupingStrategy;
import org.hsgd.sim.Measurement;
import org.hsgd.sim.RunSettings;
import org.junit.jupiter.api.Test;

/**
 * A small fixed-seed experiment (three levels, an MLP on a Gaussian mixture, the sandwich, two
 * seeds) against the numbers it gave when the golden file was written, to the last digit. A change
 * that alters any number fails here: if the change is meant to (a new kernel that rounds
 * differently, say), regenerate the file and say so in the commit:
 *
 * <pre>
 * mvn -q test -Dtest=GoldenRunTest -Dgolden.update=true
 * </pre>
 */
class GoldenRunTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/small-sandwich.csv");

  static ExperimentSpec spec() {
    ClassificationSpec problem =
        new ClassificationSpec(
            new ModelSpec.Mlp(8, 0.001),
            new DataSpec.GaussianMixture(4, 6, 400, 2.0, 0.2),
            new PartitionSpec.Dirichlet(0.5),
            8);
    return ExperimentSpec.builder(
            "golden",
            problem,
            new Topology.Equal(Hierarchy.of(8, new int[] {4, 2}, new long[] {2, 4, 8})),
            RunSettings.builder(24, 0.1, 8)
                .participation(List.of())
                .gradientAverage(RunSettings.GradientAverage.EVERY_ITERATION)
                .build())
        .grouping(GroupingStrategy.GROUP_NON_IID)
        .sandwich(true)
        .firstSeed(5)
        .seeds(2)
        .build();
  }

  /** Tidy rows: run, quantity, iteration (empty for the time average), value. */
  static List<String> rows(List<Run> runs) {
    List<String> rows = new ArrayList<>(List.of("run,quantity,iteration,value"));
    for (Run r : runs) {
      String run = r.variant().name() + "-seed" + r.seed();
      for (Measurement m : r.trace().checkpoints()) {
        String at = run + ",%s," + m.iteration() + ",%s";
        rows.add(String.format(at, "loss", m.loss()));
        rows.add(String.format(at, "grad_norm_sq", m.gradNormSq()));
        rows.add(String.format(at, "test_accuracy", m.testAccuracy()));
        rows.add(String.format(at, "test_loss", m.testLoss()));
        for (int k = 1; k <= m.divergences().size(); k++) {
          rows.add(String.format(at, "div_level_" + k, m.divergences().get(k - 1)));
        }
      }
      rows.add(run + ",mean_grad_norm_sq,," + r.trace().meanGradNormSq());
    }
    return rows;
  }

  @Test
  void aSmallRunGivesTheRecordedNumbers() throws Exception {
    List<String> rows = rows(ExperimentRunner.run(spec(), 2, Progress.SILENT));
    if (Boolean.getBoolean("golden.update")) {
      Files.write(GOLDEN, rows);
    }
    assertEquals(Files.readAllLines(GOLDEN), rows);
  }
}
