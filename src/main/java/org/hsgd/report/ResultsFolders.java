package org.hsgd.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hsgd.Require;
import org.hsgd.figure.Figure;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Figures redrawn from results on disk, without rerunning anything: the tidy tables that {@code
 * hsgd simulate} and {@code hsgd check} wrote are read back and drawn through the same {@link
 * FigureCatalogue} as when they were computed.
 */
public final class ResultsFolders {
  private ResultsFolders() {}

  /**
   * The figures of one or more results folders: every kind of the first whose tables it holds, the
   * divergence figure of all of them together.
   *
   * @throws org.hsgd.InvalidInputException if a folder holds neither trace.csv nor a study's tables
   */
  public static List<Figure> figures(List<Path> folders, FigureSettings settings) {
    Require.that(
        !folders.isEmpty(), "folders", "must name at least one results folder", () -> "none");
    List<Map<String, Table>> tables = new ArrayList<>();
    for (Path folder : folders) {
      tables.add(tables(folder));
    }
    try {
      return FigureCatalogue.of(tables, settings);
    } catch (RuntimeException e) { // values no run of hsgd writes (an edited table)
      throw new org.hsgd.InvalidInputException(
          "folder",
          "must hold tables as hsgd writes them (a figure could not be drawn from their values)",
          folders.get(0).toString());
    }
  }

  /**
   * The columns a figure reads from each table, the numeric ones marked: a table without them, or
   * without a row, is refused when read back.
   */
  private static final Map<String, List<String>> COLUMNS =
      Map.of(
          FigureCatalogue.TRACE, List.of("algorithm", "seed", "#iteration", "grouping"),
          FigureCatalogue.BOUND_CURVES,
              List.of("varied", "#G", "#T", "algorithm", "bound", "#value"),
          FigureCatalogue.BOUND_VALIDITY,
              List.of("variant", "bound", "#value", "#measured", "#upper_limit"),
          FigureCatalogue.TIME_AVERAGES,
              List.of(
                  "variant",
                  "seed",
                  "#iteration",
                  "#mean_grad_norm_sq",
                  "#bound_closed",
                  "#bound_numeric",
                  "closed_guaranteed",
                  "numeric_guaranteed",
                  "constants"),
          FigureCatalogue.POINTS, List.of("point", "status"),
          FigureCatalogue.RUNS, List.of("point", "algorithm", "seed", "#mean_grad_norm_sq"));

  /** Refuses a table that lacks a column or a row a figure needs. */
  private static Table checked(Path file, Table table) {
    Require.that(table.rowCount() > 0, file.toString(), "must hold at least one row", () -> "none");
    for (String column : COLUMNS.getOrDefault(file.getFileName().toString(), List.of())) {
      boolean numeric = column.startsWith("#");
      String name = numeric ? column.substring(1) : column;
      Require.that(
          table.columnNames().contains(name),
          file.toString(),
          "must hold the column " + name + ", as hsgd writes it",
          () -> String.join(",", table.columnNames()));
      Require.that(
          !numeric || table.column(name) instanceof NumericColumn<?>,
          file.toString(),
          "must hold numbers in the column " + name,
          () -> "" + table.column(name).type());
    }
    return table;
  }

  /** The tables of a results folder that figures are drawn from, keyed by file name. */
  private static Map<String, Table> tables(Path folder) {
    Map<String, Table> tables = new LinkedHashMap<>();
    Path points = folder.resolve(FigureCatalogue.POINTS);
    if (Files.isRegularFile(points)) {
      // A study: its grid keys are read as written, text, whatever they look like.
      Table overview = checked(points, read(points));
      Map<String, ColumnType> asWritten = new HashMap<>();
      FigureCatalogue.gridKeys(overview).forEach(k -> asWritten.put(k, ColumnType.STRING));
      tables.put(FigureCatalogue.POINTS, overview);
      Path runs = folder.resolve(FigureCatalogue.RUNS);
      tables.put(FigureCatalogue.RUNS, checked(runs, read(runs, asWritten)));
      return tables;
    }
    Require.that(
        Files.isRegularFile(folder.resolve(FigureCatalogue.TRACE)),
        "folder",
        "must be a results folder of hsgd simulate, check or import (holding "
            + FigureCatalogue.TRACE
            + ")",
        folder::toString);
    for (String file :
        List.of(
            FigureCatalogue.TRACE,
            FigureCatalogue.BOUND_CURVES,
            FigureCatalogue.BOUND_VALIDITY,
            FigureCatalogue.TIME_AVERAGES)) {
      if (Files.isRegularFile(folder.resolve(file))) {
        tables.put(file, checked(folder.resolve(file), read(folder.resolve(file))));
      }
    }
    return tables;
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
}
