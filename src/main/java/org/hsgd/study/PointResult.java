package org.hsgd.study;

import java.util.List;
import java.util.Optional;
import org.hsgd.check.CheckResult;
import org.hsgd.experiment.GridPoint;
import org.hsgd.experiment.Run;

/**
 * What became of one point of a study.
 *
 * @param runs its runs, seed by seed and variant by variant, as an experiment alone orders them;
 *     empty if a replicate failed
 * @param failure why a replicate failed (the first one), or empty
 * @param check the checks' result, for a check that ran
 */
public record PointResult(
    GridPoint point, List<Run> runs, String failure, Optional<CheckResult> check) {}
