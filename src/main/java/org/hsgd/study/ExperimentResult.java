package org.hsgd.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hsgd.check.CheckResult;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.Run;
import tech.tablesaw.api.Table;

/**
 * What an experiment gave and where it went.
 *
 * @param spec what ran
 * @param runs every run, seed by seed and variant by variant
 * @param check the checks, for a check
 * @param tables every tidy table, keyed by its file name in the folder
 * @param text the report for the terminal: the check's, or the runs' summary
 * @param figureFailure why the figures could not be drawn (everything else was written), or empty
 * @param replaced whether an earlier result of the same experiment was replaced
 * @param written every file written, in the order written
 */
public record ExperimentResult(
    ExperimentSpec spec,
    List<Run> runs,
    Optional<CheckResult> check,
    Map<String, Table> tables,
    String text,
    String figureFailure,
    boolean replaced,
    List<Path> written) {
  public ExperimentResult {
    runs = List.copyOf(runs);
    tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));
    written = List.copyOf(written);
  }
}
