package org.hsgd.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
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
import org.hsgd.check.Checker;
import org.hsgd.experiment.Engine;
import org.hsgd.experiment.GridPoint;
import org.hsgd.experiment.Outcome;
import org.hsgd.experiment.Progress;
import org.hsgd.experiment.Replicate;
import org.hsgd.experiment.Run;
import org.hsgd.experiment.Study;
import org.hsgd.figure.Figure;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Runs a study into its result folder. Every replicate runs on the engine and is stored, under
 * {@code replicates/<key>.bin}, as soon as it finishes; then each point gets the tables (and, for a
 * check, the checks) of an experiment of its own under {@code points/<label>/}, and the study gets
 * the points' tables stacked with their grid values ({@code points.csv}, {@code runs.csv}, {@code
 * summary.csv}, and {@code check-summary.csv} for a check) with a figure per grid key ({@link
 * PaperFigures#againstGridKey}); all of it appears at once. Replicates that an earlier attempt
 * finished, in an interrupted study or in the published result of the same study, are found by
 * their key and not run again.
 */
public final class StudyRunner {
  /** The subfolder of finished replicates, carried from one attempt to the next. */
  static final String REPLICATES = "replicates";

  /** Only this tool's own types, and the JDK's collections and boxes, may be read back. */
  private static final ObjectInputFilter STORED_TYPES =
      ObjectInputFilter.Config.createFilter("org.hsgd.**;java.lang.*;java.util.*;java.util.**;!*");

  private StudyRunner() {}

  /**
   * What became of one point.
   *
   * @param runs its runs, seed by seed and variant by variant, as {@code hsgd simulate} orders
   *     them; empty if a replicate failed
   * @param failure why a replicate failed (the first one), or empty
   * @param check the checks' result, for a check that ran
   */
  public record PointResult(
      GridPoint point, List<Run> runs, String failure, Optional<CheckResult> check) {}

  /**
   * @param points every point's result, in grid order
   * @param resumed replicates found finished from an earlier attempt
   * @param replaced whether an earlier result of the study was replaced
   * @param overview one row per point: its grid values, status and verdict
   * @param written the files written
   */
  public record Result(
      List<PointResult> points,
      int resumed,
      boolean replaced,
      Table overview,
      List<Path> written) {}

  /**
   * Runs (or resumes) a study into {@code dir}.
   *
   * @param check the checker's settings, for {@code hsgd check}; empty for {@code hsgd simulate}
   * @param figures the style of the study's figures
   * @param config the config as read, for the manifests
   * @param rerun the command that reproduces the study
   * @throws org.hsgd.InvalidInputException if {@code dir} holds anything but this study's results
   */
  public static Result run(
      Study study,
      Engine engine,
      Path dir,
      Progress progress,
      Optional<CheckSettings> check,
      FigureSettings figures,
      Map<String, Object> config,
      String rerun) {
    ResultFolder.Staging staging =
        ResultFolder.stage(dir, "study '" + study.name() + "'", REPLICATES);
    try {
      List<Replicate> replicates = study.replicates();
      Map<Replicate, Outcome> outcomes = new HashMap<>();
      List<Replicate> missing = new ArrayList<>();
      for (Replicate r : replicates) {
        Optional<Outcome> stored =
            staging.read(file(dir, r)).flatMap(bytes -> read(bytes)).map(o -> rebind(o, r));
        stored.ifPresentOrElse(o -> outcomes.put(r, o), () -> missing.add(r));
      }
      int resumed = replicates.size() - missing.size();
      List<Path> written = new ArrayList<>();
      engine.run(
          missing,
          progress,
          o -> {
            written.addAll(staging.writeAll(Map.of(file(dir, o.replicate()), bytes(o))));
            outcomes.put(o.replicate(), o);
          });
      List<PointResult> points = pointResults(study, replicates, outcomes, check);
      Table overview = overview(points, check.isPresent());
      written.addAll(
          staging.writeAll(files(dir, study, points, overview, check, figures, config, rerun)));
      boolean replaced = staging.publish();
      return new Result(points, resumed, replaced, overview, written);
    } catch (RuntimeException e) {
      staging.keepIfUnpublished(); // the next attempt resumes from the replicates it holds
      throw e;
    } finally {
      staging.close();
    }
  }

  private static Path file(Path dir, Replicate r) {
    return dir.resolve(REPLICATES).resolve(r.key() + ".bin");
  }

  private static List<PointResult> pointResults(
      Study study,
      List<Replicate> replicates,
      Map<Replicate, Outcome> outcomes,
      Optional<CheckSettings> check) {
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
        failureOf.set(r.point(), o.failure());
      }
    }
    List<PointResult> results = new ArrayList<>();
    for (int p = 0; p < study.points().size(); p++) {
      GridPoint point = study.points().get(p);
      List<Run> runs = runsOf.get(p);
      String failure = failureOf.get(p);
      if (!failure.isEmpty()) {
        results.add(new PointResult(point, List.of(), failure, Optional.empty()));
        continue;
      }
      List<Run> all = List.copyOf(runs);
      results.add(
          new PointResult(point, all, "", check.map(c -> Checker.check(point.spec(), all, c))));
    }
    return results;
  }

  private static Table overview(List<PointResult> points, boolean checked) {
    List<GridPoint> grid = points.stream().map(PointResult::point).toList();
    List<Table> rows = new ArrayList<>();
    for (PointResult p : points) {
      Table row =
          Table.create(
              "points",
              StringColumn.create("status", p.failure().isEmpty() ? "ok" : "failed"),
              StringColumn.create("failure", p.failure()));
      if (checked) {
        row.addColumns(
            StringColumn.create(
                "verdict", p.check().map(c -> c.verdict().label()).orElse("not run")));
      }
      rows.add(row);
    }
    return StudyTables.stack("points", grid, rows, StudyTables.keys(grid));
  }

  private static Map<Path, byte[]> files(
      Path dir,
      Study study,
      List<PointResult> points,
      Table overview,
      Optional<CheckSettings> check,
      FigureSettings figures,
      Map<String, Object> config,
      String rerun) {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    List<GridPoint> ran = new ArrayList<>();
    List<Table> runs = new ArrayList<>();
    List<Table> summaries = new ArrayList<>();
    List<Table> checks = new ArrayList<>();
    for (PointResult p : points) {
      if (!p.failure().isEmpty()) {
        continue;
      }
      Path pointDir = dir.resolve("points").resolve(p.point().label());
      for (Run r : p.runs()) {
        files.putAll(RunReport.runFiles(p.point().spec(), r, pointDir, config, rerun));
      }
      RunReport report = new RunReport(p.point().spec(), p.runs());
      files.putAll(report.tables(pointDir));
      ran.add(p.point());
      runs.add(report.summary());
      summaries.add(TidyTables.summary(p.point().spec(), p.runs()));
      if (p.check().isPresent()) {
        CheckReport checkReport = new CheckReport(p.point().spec(), check.get(), p.check().get());
        files.putAll(checkReport.files(pointDir, checkReport.boundCurves(p.runs()), rerun, config));
        checks.add(checkReport.summary());
      }
    }
    Set<String> keys = StudyTables.keys(study.points());
    files.put(dir.resolve("points.csv"), csv(overview));
    Table stackedRuns = StudyTables.stack("runs", ran, runs, keys);
    files.put(dir.resolve("runs.csv"), csv(stackedRuns));
    files.put(dir.resolve("summary.csv"), csv(StudyTables.stack("summary", ran, summaries, keys)));
    if (check.isPresent()) {
      files.put(
          dir.resolve("check-summary.csv"),
          csv(StudyTables.stack("check-summary", ran, checks, keys)));
    }
    List<Figure> drawn = new ArrayList<>();
    for (String key : keys) {
      PaperFigures.againstGridKey(stackedRuns, key, List.copyOf(keys), figures.band())
          .ifPresent(drawn::add);
    }
    files.putAll(FigureFiles.of(dir, drawn, figures, rerun));
    Map<String, Object> manifest = Provenance.manifest(rerun, config, List.of());
    manifest.put("study", study.name());
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
    files.put(dir.resolve("study.manifest.json"), Outputs.json(manifest).getBytes(UTF8));
    return files;
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static byte[] csv(Table table) {
    return Tables.csv(table).getBytes(UTF8);
  }

  /** An outcome read back under the replicate it now belongs to (the same key). */
  private static Outcome rebind(Outcome stored, Replicate r) {
    return new Outcome(r, stored.runs(), stored.failure());
  }

  static byte[] bytes(Outcome o) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
      out.writeObject(o);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store a replicate (" + e.getMessage() + ")", e);
    }
    return buffer.toByteArray();
  }

  /** A stored outcome, or empty if it cannot be read (written by another version: rerun it). */
  static Optional<Outcome> read(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      in.setObjectInputFilter(STORED_TYPES);
      return in.readObject() instanceof Outcome o ? Optional.of(o) : Optional.empty();
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
