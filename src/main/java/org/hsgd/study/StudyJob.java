package org.hsgd.study;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hsgd.check.CheckResult;
import org.hsgd.check.CheckSettings;
import org.hsgd.check.Verdict;
import org.hsgd.experiment.Engine;
import org.hsgd.experiment.GridPoint;
import org.hsgd.experiment.Outcome;
import org.hsgd.experiment.Progress;
import org.hsgd.experiment.Replicate;
import org.hsgd.experiment.Run;
import org.hsgd.experiment.Study;
import org.hsgd.report.FigureCatalogue;
import org.hsgd.report.FigureSettings;
import org.hsgd.report.Provenance;
import org.hsgd.report.ResultFolder;
import org.hsgd.report.StudyTables;
import org.hsgd.report.Tables;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A study into its result folder. Every replicate runs on the engine and is stored ({@link
 * ReplicateStore}) as soon as it finishes; then each point gets, under {@code points/<label>/}, the
 * folder an {@link ExperimentJob} of its spec would write alone, and the study gets the points'
 * tables stacked with their grid values ({@code points.csv}, {@code runs.csv}, {@code summary.csv},
 * and {@code check-summary.csv} for a check) with a figure per numeric grid key; all of it appears
 * at once. Replicates that an earlier attempt finished are found by their key and not run again.
 *
 * @param study its points, each spec as it runs (for a check: see {@link #check})
 * @param check the checker's settings, for a check; empty to simulate only
 * @param provenance the command's, for every manifest
 */
public record StudyJob(
    Study study, Optional<CheckSettings> check, FigureSettings figures, Provenance provenance) {

  /** A study whose points run as they are. */
  public static StudyJob simulate(Study study, FigureSettings figures, Provenance provenance) {
    return new StudyJob(study, Optional.empty(), figures, provenance);
  }

  /** A check of every point, each with its sandwich where it allows one. */
  public static StudyJob check(
      Study study, CheckSettings settings, FigureSettings figures, Provenance provenance) {
    return new StudyJob(
        study.withSpecs(ExperimentJob::forCheck), Optional.of(settings), figures, provenance);
  }

  /** Whose results a folder holds. */
  public static String owner(Study study) {
    return "study '" + study.name() + "'";
  }

  /**
   * Runs (or resumes) the study into {@code dir}.
   *
   * @throws org.hsgd.InvalidInputException if {@code dir} holds anything but this study's results
   */
  public StudyResult run(Engine engine, Path dir, Progress progress) {
    ResultFolder.Staging staging = ResultFolder.stage(dir, owner(study), ReplicateStore.FOLDER);
    try {
      ReplicateStore store = new ReplicateStore(staging, dir);
      List<Replicate> replicates = study.replicates();
      Map<Replicate, Outcome> outcomes = new HashMap<>();
      List<Replicate> missing = new ArrayList<>();
      for (Replicate r : replicates) {
        store.read(r).ifPresentOrElse(o -> outcomes.put(r, o), () -> missing.add(r));
      }
      int resumed = replicates.size() - missing.size();
      List<Path> written = new ArrayList<>();
      if (!missing.isEmpty()) { // a fully resumed study starts no engine (no Spark application)
        engine.run(
            missing,
            progress,
            o -> {
              written.addAll(store.write(o));
              outcomes.put(o.replicate(), o);
            });
      }
      store.keepOnly(replicates);
      Outputs outputs = outputs(dir, replicates, outcomes, engine.describe());
      written.addAll(staging.writeAll(outputs.files()));
      boolean replaced = staging.publish();
      return new StudyResult(
          study,
          outputs.points(),
          resumed,
          replaced,
          outputs.overview(),
          outputs.figureFailure(),
          written);
    } catch (RuntimeException | Error e) {
      staging.keepIfUnpublished(); // the next attempt resumes from the replicates it holds
      throw e;
    } finally {
      staging.close();
    }
  }

  /**
   * What the finished replicates give.
   *
   * @param files every point's folder and the study's tables, figures and manifest
   * @param points each point's result, in grid order
   * @param overview one row per point
   * @param figureFailure why some figures could not be drawn (the first), or empty
   */
  private record Outputs(
      Map<Path, byte[]> files, List<PointResult> points, Table overview, String figureFailure) {}

  private Outputs outputs(
      Path dir,
      List<Replicate> replicates,
      Map<Replicate, Outcome> outcomes,
      Map<String, Object> engine) {
    List<PointResult> points = new ArrayList<>();
    List<String> figureFailures = new ArrayList<>();
    List<List<Run>> runsOf = new ArrayList<>();
    List<String> failureOf = new ArrayList<>();
    for (int p = 0; p < study.points().size(); p++) {
      runsOf.add(new ArrayList<>());
      failureOf.add("");
    }
    for (Replicate r : replicates) { // one pass, seed by seed within each point
      Outcome o = outcomes.get(r);
      runsOf.get(r.point()).addAll(o.runs());
      if (failureOf.get(r.point()).isEmpty()) {
        failureOf.set(r.point(), o.divergence());
      }
    }
    Map<Path, byte[]> files = new LinkedHashMap<>();
    List<GridPoint> ran = new ArrayList<>();
    Map<String, List<Table>> stacked = new LinkedHashMap<>();
    for (int p = 0; p < study.points().size(); p++) {
      GridPoint point = study.points().get(p);
      if (!failureOf.get(p).isEmpty()) {
        points.add(new PointResult(point, List.of(), failureOf.get(p), Optional.empty()));
        continue;
      }
      List<Run> runs = List.copyOf(runsOf.get(p));
      Path pointDir = dir.resolve("points").resolve(point.label());
      ExperimentJob job = new ExperimentJob(point.spec(), check, figures, provenance);
      for (Run r : runs) {
        files.putAll(job.runFiles(pointDir, r));
      }
      ExperimentJob.Outputs outputs = job.outputs(pointDir, runs);
      files.putAll(outputs.files());
      if (!outputs.figureFailure().isEmpty()) {
        figureFailures.add(outputs.figureFailure());
      }
      points.add(new PointResult(point, runs, "", outputs.check()));
      ran.add(point);
      for (String table : stackedTables()) {
        stacked.computeIfAbsent(table, t -> new ArrayList<>()).add(outputs.tables().get(table));
      }
    }
    Set<String> keys = StudyTables.keys(study.points());
    Table overview = overview(points);
    Map<String, Table> tables = new LinkedHashMap<>();
    tables.put(FigureCatalogue.POINTS, overview);
    for (String table : stackedTables()) {
      String name = table.replace(".csv", "");
      tables.put(table, StudyTables.stack(name, ran, stacked.getOrDefault(table, List.of()), keys));
    }
    tables.forEach((file, t) -> files.put(dir.resolve(file), bytes(Tables.csv(t))));
    String failure = ExperimentJob.drawInto(files, dir, tables, figures, provenance);
    if (!failure.isEmpty()) {
      figureFailures.add(failure);
    }
    Map<String, Object> manifest = provenance.manifest(List.of());
    manifest.put("study", study.name());
    manifest.put("engine", engine);
    List<Map<String, Object>> grid = new ArrayList<>();
    for (GridPoint p : study.points()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("label", p.label());
      entry.put("coordinates", p.coordinates());
      entry.put("spec", p.spec());
      grid.add(entry);
    }
    manifest.put("points", grid);
    check.ifPresent(c -> manifest.put("checkSettings", c));
    files.put(dir.resolve("study.manifest.json"), bytes(org.hsgd.report.Outputs.json(manifest)));
    return new Outputs(files, points, overview, figureFailures.stream().findFirst().orElse(""));
  }

  /** The tables of every point that the study stacks. */
  private List<String> stackedTables() {
    return check.isPresent()
        ? List.of(FigureCatalogue.RUNS, "summary.csv", "check-summary.csv")
        : List.of(FigureCatalogue.RUNS, "summary.csv");
  }

  /**
   * One row per point: its grid values, status and, for a check, its verdict and, where it does not
   * hold, why (the check's problems).
   */
  private Table overview(List<PointResult> points) {
    List<GridPoint> grid = points.stream().map(PointResult::point).toList();
    List<Table> rows = new ArrayList<>();
    for (PointResult p : points) {
      Table row =
          Table.create(
              "points",
              StringColumn.create("status", p.failure().isEmpty() ? "ok" : "failed"),
              StringColumn.create("failure", p.failure()));
      if (check.isPresent()) {
        CheckSettings settings = check.get();
        row.addColumns(
            StringColumn.create(
                "verdict", p.check().map(c -> c.verdict().label()).orElse("not run")),
            StringColumn.create(
                "why",
                p.check()
                    .filter(c -> c.verdict() != Verdict.HOLDS)
                    .map(c -> why(c, settings))
                    .orElse("")));
      }
      rows.add(row);
    }
    return StudyTables.stack("points", grid, rows, StudyTables.keys(grid));
  }

  /**
   * Why a point's check does not hold, in short: the first problem of each check that does not hold
   * (the point's check.txt has them all).
   */
  private static String why(CheckResult result, CheckSettings settings) {
    return result.checks().stream()
        .filter(c -> c.verdict() != Verdict.HOLDS)
        .flatMap(c -> c.problems(settings).stream().limit(1))
        .collect(java.util.stream.Collectors.joining("; "));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
