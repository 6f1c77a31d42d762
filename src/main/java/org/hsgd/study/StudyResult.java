package org.hsgd.study;

import java.nio.file.Path;
import java.util.List;
import org.hsgd.check.Verdict;
import org.hsgd.experiment.Study;
import tech.tablesaw.api.Table;

/**
 * What a study gave and where it went.
 *
 * @param points every point's result, in grid order
 * @param resumed replicates found finished from an earlier attempt
 * @param replaced whether an earlier result of the study was replaced
 * @param overview one row per point: its grid values, status and verdict
 * @param figureFailure why some figures could not be drawn (everything else was written), or empty
 * @param written the files written
 */
public record StudyResult(
    Study study,
    List<PointResult> points,
    int resumed,
    boolean replaced,
    Table overview,
    String figureFailure,
    List<Path> written) {

  /** The points that failed: a replicate diverged. */
  public List<PointResult> failed() {
    return points.stream().filter(p -> !p.failure().isEmpty()).toList();
  }

  /** The worst verdict over the points that were checked ({@link Verdict#all}). */
  public Verdict verdict() {
    return Verdict.all(
        points.stream().flatMap(p -> p.check().stream()).map(c -> c.verdict()).toList());
  }
}
