package org.hsgd.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.hsgd.figure.Figure;
import tech.tablesaw.api.Table;

/**
 * Every figure kind and the tidy tables it is drawn from, named by their files. The commands that
 * compute results hand over the tables they computed; {@code hsgd plot} reads the same files back
 * ({@link ResultsFolders}); both draw through this one list, so that no figure can be drawn by one
 * path and missed by the other.
 */
public final class FigureCatalogue {
  /** Every measurement of every run. */
  public static final String TRACE = "trace.csv";

  /** One row per run; stacked with the grid values in a study. */
  public static final String RUNS = "runs.csv";

  /** The bounds against G and T of a check. */
  public static final String BOUND_CURVES = "bound-curves.csv";

  /** A check's bounds beside the measurements. */
  public static final String BOUND_VALIDITY = "check-bound-validity.csv";

  /** A check's running time averages beside their bounds at every checkpoint. */
  public static final String TIME_AVERAGES = "time-averages.csv";

  /** A study's points, whose columns between the label and the status are the grid keys. */
  public static final String POINTS = "points.csv";

  /**
   * A figure kind.
   *
   * @param tables the files of the tables it needs, all present in the first folder
   * @param draw its figures from the folders' tables
   */
  private record Kind(
      List<String> tables, BiFunction<Folders, FigureSettings, List<Figure>> draw) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind(
              List.of(TRACE),
              (t, s) ->
                  List.of(
                      PaperFigures.training(
                          t.first(TRACE), s.metricsFor(t.first(TRACE)), s.band()))),
          new Kind(
              List.of(TRACE),
              (t, s) ->
                  PaperFigures.divergences(t.concatenated(TRACE), s.band()).stream().toList()),
          new Kind(
              List.of(BOUND_CURVES), (t, s) -> List.of(PaperFigures.bounds(t.first(BOUND_CURVES)))),
          new Kind(
              List.of(BOUND_VALIDITY),
              (t, s) -> PaperFigures.boundVsMeasured(t.first(BOUND_VALIDITY)).stream().toList()),
          new Kind(
              List.of(TIME_AVERAGES),
              (t, s) -> List.of(PaperFigures.timeAverages(t.first(TIME_AVERAGES), s.band()))),
          new Kind(List.of(POINTS, RUNS), FigureCatalogue::againstGridKeys));

  private FigureCatalogue() {}

  /** The figures of one folder's tables, keyed by file name. */
  public static List<Figure> of(Map<String, Table> tables, FigureSettings settings) {
    return of(List.of(tables), settings);
  }

  /**
   * The figures of several folders' tables: each kind from the first folder, the divergences of all
   * of them together (say, a group-IID and a group-non-IID study side by side).
   */
  public static List<Figure> of(List<Map<String, Table>> folders, FigureSettings settings) {
    Folders tables = new Folders(folders);
    List<Figure> figures = new ArrayList<>();
    for (Kind kind : KINDS) {
      if (kind.tables().stream().allMatch(folders.get(0)::containsKey)) {
        figures.addAll(kind.draw().apply(tables, settings));
      }
    }
    return figures;
  }

  /** A study's figure for each numeric grid key. */
  private static List<Figure> againstGridKeys(Folders tables, FigureSettings settings) {
    List<String> keys = gridKeys(tables.first(POINTS));
    List<Figure> figures = new ArrayList<>();
    for (String key : keys) {
      PaperFigures.againstGridKey(tables.first(RUNS), key, keys, settings.band())
          .ifPresent(figures::add);
    }
    return figures;
  }

  /** The grid keys of a study: the columns of its points table between the label and the status. */
  static List<String> gridKeys(Table points) {
    List<String> columns = points.columnNames();
    return List.copyOf(columns.subList(1, columns.indexOf("status")));
  }

  /** The tables of one or more folders, the first first. */
  private record Folders(List<Map<String, Table>> folders) {
    Table first(String file) {
      return folders.get(0).get(file);
    }

    /** The rows of every folder's table, on the columns they share. */
    Table concatenated(String file) {
      List<Table> tables = folders.stream().map(f -> f.get(file)).filter(t -> t != null).toList();
      List<String> shared = new ArrayList<>(tables.get(0).columnNames());
      tables.forEach(t -> shared.retainAll(t.columnNames()));
      Table all = tables.get(0).selectColumns(shared.toArray(String[]::new));
      for (Table t : tables.subList(1, tables.size())) {
        all.append(t.selectColumns(shared.toArray(String[]::new)));
      }
      return all;
    }
  }
}
