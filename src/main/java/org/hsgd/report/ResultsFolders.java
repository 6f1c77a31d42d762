package org.hsgd.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hsgd.Require;
import org.hsgd.figure.Figure;
import org.hsgd.figure.SeedBand;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Figures redrawn from results on disk, without rerunning anything: the tidy tables that {@code
 * hsgd simulate} and {@code hsgd check} wrote ({@code trace.csv}, and from a check {@code
 * bound-curves.csv} and {@code check-bound-validity.csv}) are read back and drawn as they were.
 */
public final class ResultsFolders {
  /** The table every results folder holds. */
  public static final String TRACE = "trace.csv";

  /** The table that marks a study's folder: one row per grid point. */
  static final String POINTS = "points.csv";

  private ResultsFolders() {}

  /**
   * The figures of one or more results folders: the training figure, the bounds and the bound
   * against the measurement of the first; the divergence figure of all of them together (say, a
   * group-IID and a group-non-IID study side by side).
   *
   * @throws org.hsgd.InvalidInputException if a folder holds no trace.csv
   */
  public static List<Figure> figures(List<Path> folders, FigureSettings settings) {
    Require.that(
        !folders.isEmpty(), "folders", "must name at least one results folder", () -> "none");
    if (Files.isRegularFile(folders.get(0).resolve(POINTS))) {
      return studyFigures(folders.get(0), settings);
    }
    List<Table> traces = new ArrayList<>();
    for (Path folder : folders) {
      Path trace = folder.resolve(TRACE);
      Require.that(
          Files.isRegularFile(trace),
          "folder",
          "must be a results folder of hsgd simulate or check (holding " + TRACE + ")",
          folder::toString);
      traces.add(read(trace));
    }
    Table first = traces.get(0);
    SeedBand band = settings.band();
    List<Figure> figures = new ArrayList<>();
    figures.add(PaperFigures.training(first, settings.metricsFor(first), band));
    PaperFigures.divergences(concatenated(traces), band).ifPresent(figures::add);
    Path curves = folders.get(0).resolve("bound-curves.csv");
    if (Files.isRegularFile(curves)) {
      figures.add(PaperFigures.bounds(read(curves)));
    }
    Path validity = folders.get(0).resolve("check-bound-validity.csv");
    if (Files.isRegularFile(validity)) {
      PaperFigures.boundVsMeasured(read(validity)).ifPresent(figures::add);
    }
    return figures;
  }

  /**
   * A study's figures: each numeric grid key against the measured time average, from its stacked
   * runs.csv; the grid keys are the columns of points.csv between the label and the status.
   */
  private static List<Figure> studyFigures(Path folder, FigureSettings settings) {
    List<String> columns = read(folder.resolve(POINTS)).columnNames();
    List<String> keys = columns.subList(1, columns.indexOf("status"));
    Map<String, ColumnType> asWritten = new java.util.HashMap<>();
    keys.forEach(k -> asWritten.put(k, ColumnType.STRING));
    Table runs = read(folder.resolve("runs.csv"), asWritten);
    List<Figure> figures = new ArrayList<>();
    for (String key : keys) {
      PaperFigures.againstGridKey(runs, key, keys, settings.band()).ifPresent(figures::add);
    }
    return figures;
  }

  /**
   * A CSV table as written by hsgd, with its column types inferred. A column with no value at all
   * (the exact expectation where none is known, say) has no type to infer: it is read as numbers,
   * all missing, which is what hsgd wrote.
   */
  public static Table read(Path csv) {
    return read(csv, Map.of());
  }

  /** As {@link #read(Path)}, with the given columns read as the given types. */
  private static Table read(Path csv, Map<String, ColumnType> types) {
    try {
      Table t =
          Table.read()
              .csv(
                  CsvReadOptions.builder(csv.toFile())
                      .sample(false)
                      .columnTypesPartial(types)
                      .build());
      for (Column<?> c : List.copyOf(t.columns())) {
        if (!(c instanceof NumericColumn<?>) && c.size() > 0 && c.countMissing() == c.size()) {
          t.replaceColumn(c.name(), DoubleColumn.create(c.name(), c.size()));
        }
      }
      return t;
    } catch (RuntimeException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw new UncheckedIOException("cannot read " + csv, io);
      }
      throw new org.hsgd.InvalidInputException(
          csv.toString(), "must be a CSV table written by hsgd", String.valueOf(e.getMessage()));
    }
  }

  /** The rows of every table, on the columns they share. */
  private static Table concatenated(List<Table> tables) {
    List<String> shared = new ArrayList<>(tables.get(0).columnNames());
    tables.forEach(t -> shared.retainAll(t.columnNames()));
    Table all = tables.get(0).selectColumns(shared.toArray(String[]::new));
    for (Table t : tables.subList(1, tables.size())) {
      all.append(t.selectColumns(shared.toArray(String[]::new)));
    }
    return all;
  }
}
