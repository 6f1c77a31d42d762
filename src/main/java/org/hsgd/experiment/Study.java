package org.hsgd.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hsgd.Require;

/**
 * A study: the points of a grid, each an experiment with its own seeds and variants. Its unit of
 * work is the {@link Replicate}, one seed of one point, so that the runs of a study spread over a
 * thread pool or a cluster, and every replicate is as deterministic as a run of {@code hsgd
 * simulate}.
 *
 * @param name the study's name (its output folder)
 * @param points at least one, with distinct labels
 */
public record Study(String name, List<GridPoint> points) {
  public Study {
    points = List.copyOf(points);
    Require.that(!points.isEmpty(), "grid", "must have at least one point", () -> "none");
  }

  /** The same points with {@code change} applied to every spec. */
  public Study withSpecs(UnaryOperator<ExperimentSpec> change) {
    return new Study(
        name,
        points.stream()
            .map(p -> new GridPoint(p.label(), p.coordinates(), change.apply(p.spec())))
            .toList());
  }

  /** Every replicate, point by point and seed by seed. */
  public List<Replicate> replicates() {
    List<Replicate> all = new ArrayList<>();
    for (int p = 0; p < points.size(); p++) {
      for (long seed : points.get(p).spec().seedList()) {
        all.add(new Replicate(p, points.get(p).spec(), seed));
      }
    }
    return all;
  }

  /** Every point's spec, in grid order. */
  public List<ExperimentSpec> specs() {
    return points.stream().map(GridPoint::spec).toList();
  }

  /**
   * Refuses the study before anything runs if {@code concurrent} replicates of its largest point
   * cannot fit in memory at once.
   */
  public void requireFits(int concurrent) {
    GridPoint largest = points.get(0);
    for (GridPoint p : points) {
      if (ExperimentRunner.memoryEstimate(p.spec())
          > ExperimentRunner.memoryEstimate(largest.spec())) {
        largest = p;
      }
    }
    ExperimentRunner.requireFits(largest.spec(), concurrent);
  }
}
