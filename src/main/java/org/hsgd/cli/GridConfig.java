package org.hsgd.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.hsgd.InvalidInputException;
import org.hsgd.Require;
import org.hsgd.experiment.ExperimentSpec;
import org.hsgd.experiment.GridPoint;
import org.hsgd.experiment.Study;

/**
 * Expands a config's {@code grid:} block into a {@link Study}. The block either lists values for
 * any keys of the config, whose product makes the points ({@code gamma: [0.01, 0.02]}, {@code
 * partition.alpha: [0.1, 1]} for a key inside a block), or gives the points one by one under {@code
 * points:}. Every point is the base config with its values in place, read and checked like a config
 * of its own before anything runs.
 */
final class GridConfig {
  /** The most points a grid may have: beyond, a typing slip is likelier than a study. */
  static final int MAX_POINTS = 10_000;

  /** Keys that describe the study as a whole, not a point of it. */
  private static final Set<String> STUDY_KEYS =
      Set.of("name", "grid", "seed", "seeds", "check", "figures");

  private static final Map<String, Set<String>> BLOCKS =
      Map.of(
          "problem", ExperimentConfig.PROBLEM_KEYS,
          "data", ExperimentConfig.DATA_KEYS,
          "partition", ExperimentConfig.PARTITION_KEYS,
          "model", ExperimentConfig.MODEL_KEYS);

  private GridConfig() {}

  /**
   * The study of a config with a grid.
   *
   * @param name the study's name
   * @param adjust applied to every point's spec (the command's --seeds, the check's sandwich)
   * @throws InvalidInputException naming the key at fault, and the point where it arose
   */
  static Study study(Settings settings, String name, UnaryOperator<ExperimentSpec> adjust) {
    List<Map<String, Object>> points = points(settings.raw("grid"));
    Settings base = settings.without("grid");
    int width = String.valueOf(points.size() - 1).length();
    List<GridPoint> grid = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      Map<String, Object> values = points.get(i);
      String label = "point-" + "0".repeat(width - String.valueOf(i).length()) + i;
      Map<String, String> coordinates = new LinkedHashMap<>();
      values.forEach((k, v) -> coordinates.put(k, String.valueOf(v)));
      try {
        ExperimentSpec spec = adjust.apply(ExperimentConfig.spec(apply(base, values), name));
        grid.add(new GridPoint(label, coordinates, spec));
      } catch (InvalidInputException e) {
        throw e.at("grid " + label + ": " + coordinates);
      }
    }
    return new Study(name, grid);
  }

  /** The points of a grid block: its explicit list, or the product of its keys' values. */
  private static List<Map<String, Object>> points(Object block) {
    if (!(block instanceof Map<?, ?> map) || map.isEmpty()) {
      throw new InvalidInputException(
          "grid",
          "must be a map of keys to lists of values, or hold a list of points under points:",
          String.valueOf(block));
    }
    Map<String, Object> keys = Settings.stringKeys(map);
    if (keys.containsKey("points")) {
      Require.that(
          keys.size() == 1,
          "grid.points",
          "must be the grid's only key (a list of points, or keys with lists of values)",
          () -> "also " + new TreeSet<>(keys.keySet()));
      return explicit(keys.get("points"));
    }
    List<Map<String, Object>> product = new ArrayList<>(List.of(new LinkedHashMap<>()));
    for (Map.Entry<String, Object> key : keys.entrySet()) {
      requireGriddable(key.getKey(), "grid");
      List<Object> values = Settings.asList(key.getValue());
      Require.that(
          key.getValue() instanceof List<?> && !values.isEmpty(),
          "grid." + key.getKey(),
          "must be a non-empty list of values",
          () -> String.valueOf(key.getValue()));
      Require.that(
          (double) product.size() * values.size() <= MAX_POINTS,
          "grid",
          "must have at most " + MAX_POINTS + " points",
          () -> "more, at key " + key.getKey());
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> point : product) {
        for (Object v : values) {
          Map<String, Object> extended = new LinkedHashMap<>(point);
          extended.put(key.getKey(), v);
          next.add(extended);
        }
      }
      product = next;
    }
    return product;
  }

  private static List<Map<String, Object>> explicit(Object list) {
    Require.that(
        list instanceof List<?> l && !l.isEmpty() && l.size() <= MAX_POINTS,
        "grid.points",
        "must be a list of 1 to " + MAX_POINTS + " points, each a map of keys to values",
        () -> String.valueOf(list));
    List<Map<String, Object>> points = new ArrayList<>();
    for (Object item : (List<?>) list) {
      Require.that(
          item instanceof Map<?, ?> m && !m.isEmpty(),
          "grid.points",
          "must each be a non-empty map of keys to values",
          () -> String.valueOf(item));
      Map<String, Object> point = Settings.stringKeys((Map<?, ?>) item);
      point.keySet().forEach(k -> requireGriddable(k, "grid.points"));
      points.add(point);
    }
    return points;
  }

  /** A key a grid may vary: a config key of a point, or block.key inside one of its blocks. */
  private static void requireGriddable(String key, String field) {
    int dot = key.indexOf('.');
    boolean known =
        dot < 0
            ? ExperimentConfig.KEYS.contains(key) && !STUDY_KEYS.contains(key)
            : BLOCKS.containsKey(key.substring(0, dot))
                && BLOCKS.get(key.substring(0, dot)).contains(key.substring(dot + 1));
    if (!known) {
      Set<String> allowed = new TreeSet<>(ExperimentConfig.KEYS);
      allowed.removeAll(STUDY_KEYS);
      BLOCKS.keySet().forEach(b -> allowed.add(b + ".<key>"));
      throw new InvalidInputException(
          field, "keys must be among " + allowed, "unknown or study-wide key '" + key + "'");
    }
  }

  /** The base settings with a point's values in place (block.key inside its block). */
  private static Settings apply(Settings base, Map<String, Object> values) {
    Map<String, Object> overrides = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      int dot = e.getKey().indexOf('.');
      if (dot < 0) {
        overrides.put(e.getKey(), e.getValue());
        continue;
      }
      String block = e.getKey().substring(0, dot);
      Object current = overrides.containsKey(block) ? overrides.get(block) : base.rawOrNull(block);
      Map<String, Object> merged =
          current instanceof Map<?, ?> m ? Settings.stringKeys(m) : new LinkedHashMap<>();
      merged.put(e.getKey().substring(dot + 1), e.getValue());
      overrides.put(block, merged);
    }
    return base.with(overrides);
  }
}
