package org.hsgd.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hsgd.InvalidInputException;
import org.hsgd.Require;
import org.hsgd.bounds.BoundKind;

/**
 * The {@code sweep:} block of a config: one parameter and its values, given as a list or a range.
 *
 * <pre>
 * sweep:
 *   parameter: periods[2]          # a scalar key, or key[k] for the k-th entry (1-based) of a list key
 *   values: [4, 8, 16]             # or
 *   range: {from: 4, to: 64, step: 4}   # or {from: 1e-3, to: 1e-1, points: 20, scale: log}
 *   bound: numeric                 # which bound the figure shows: closed (default) or numeric
 * </pre>
 *
 * @param parameter the swept key as written
 * @param values its values, in order
 * @param kind the bound the figure shows (the table has both)
 */
record Sweep(String parameter, List<Double> values, BoundKind kind) {
  private static final Pattern INDEXED =
      Pattern.compile("([a-z0-9-]+)\\[(\\d+)]", Pattern.CASE_INSENSITIVE);
  private static final Set<String> WHOLE_NUMBER_KEYS =
      Set.of("n", "groups", "periods", "local-period", "global-period", "T");
  private static final Set<String> BLOCK_KEYS = Set.of("parameter", "values", "range", "bound");
  private static final Set<String> RANGE_KEYS = Set.of("from", "to", "step", "points", "scale");
  private static final int MAX_POINTS = 1_000_000;

  static Sweep read(Settings block) {
    block.requireKnown(BLOCK_KEYS, "sweep");
    String parameter = block.text("parameter");
    String key = baseKey(parameter);
    Require.that(
        BoundSettings.KEYS.contains(key)
            && !key.equals("random-grouping")
            && !key.equals("allow-invalid-step"),
        "sweep.parameter",
        "must be a numeric bound key, or key[k] for an entry of a list key",
        () -> "'" + parameter + "'");
    Require.that(
        block.has("values") != block.has("range"),
        "sweep",
        "must give either values or range",
        () -> "both or neither");
    List<Double> values = new ArrayList<>();
    if (block.has("values")) {
      for (double v : block.numbers("values")) {
        values.add(v);
      }
    } else {
      values = range(new Settings(block.map("range")));
    }
    if (WHOLE_NUMBER_KEYS.contains(key)) {
      Set<Double> rounded = new LinkedHashSet<>();
      values.forEach(v -> rounded.add((double) Math.round(v)));
      values = new ArrayList<>(rounded);
    }
    Require.that(!values.isEmpty(), "sweep.values", "must not be empty", () -> "[]");
    return new Sweep(parameter, values, BoundSettings.kind(block));
  }

  private static List<Double> range(Settings r) {
    r.requireKnown(RANGE_KEYS, "sweep.range");
    double from = r.number("from");
    double to = r.number("to");
    Require.that(
        to >= from,
        "sweep.range.to",
        "must not be below from",
        () -> "from=" + from + ", to=" + to);
    List<Double> values = new ArrayList<>();
    if (r.has("step")) {
      double step = Require.positive("sweep.range.step", r.number("step"));
      double points = Math.floor((to - from) / step * (1 + 1e-12)) + 1; // a double: no overflow
      Require.that(
          points <= MAX_POINTS,
          "sweep.range",
          "must have at most " + MAX_POINTS + " points",
          () -> String.format(java.util.Locale.ROOT, "%.3g points", points));
      long count = (long) points;
      for (long i = 0; i < count; i++) {
        values.add(from + i * step);
      }
      return values;
    }
    long points = r.integer("points");
    Require.that(
        points >= 2 && points <= MAX_POINTS,
        "sweep.range.points",
        "must be from 2 to " + MAX_POINTS,
        () -> "points=" + points);
    boolean log = r.has("scale") && r.text("scale").equalsIgnoreCase("log");
    Require.that(
        !r.has("scale") || log || r.text("scale").equalsIgnoreCase("linear"),
        "sweep.range.scale",
        "must be linear or log",
        () -> "'" + (r.has("scale") ? r.text("scale") : "") + "'");
    if (log) {
      Require.positive("sweep.range.from", from);
    }
    for (long i = 0; i < points; i++) {
      double f = (double) i / (points - 1);
      values.add(log ? from * Math.pow(to / from, f) : from + f * (to - from));
    }
    return values;
  }

  /** The settings with the swept parameter set to value. */
  Settings apply(Settings base, double value) {
    Object number =
        value == Math.rint(value) && Math.abs(value) < 0x1p53
            ? (Object) (long) value
            : (Object) value;
    Matcher m = INDEXED.matcher(parameter);
    if (!m.matches()) {
      return base.with(parameter, number);
    }
    String key = m.group(1);
    int index = Integer.parseInt(m.group(2));
    List<Object> list = base.list(key);
    if (index < 1 || index > list.size()) {
      throw new InvalidInputException(
          "sweep.parameter",
          "must index an existing entry of " + key,
          parameter + " with " + list.size() + " entries");
    }
    list.set(index - 1, number);
    return base.with(key, list);
  }

  private static String baseKey(String parameter) {
    Matcher m = INDEXED.matcher(parameter);
    return m.matches() ? m.group(1) : parameter;
  }

  /** The sweep block of a config, read with the bound keys plus "sweep". */
  static Sweep of(Settings config) {
    Map<String, Object> block = config.map("sweep");
    return read(new Settings(block));
  }
}
