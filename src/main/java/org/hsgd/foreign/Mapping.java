package org.hsgd.foreign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hsgd.InvalidInputException;
import org.hsgd.Require;
import org.hsgd.experiment.Variant;

/**
 * Which of a file's columns and values are hsgd's quantities. In the long layout (CSV or JSON
 * Lines) a row is one checkpoint of one run; in the wide layout a row is one iteration and a column
 * one metric of one run, its name matching {@code wideColumns} ("{method}/seed{seed}/{metric}").
 * The defaults are hsgd's own names, those of its trace tables and of the logger in the README.
 *
 * @param wideColumns the wide layout's column names with {method}, {seed}, {metric} and optionally
 *     {grouping} in them, or empty for the long layout
 * @param iteration the iteration t (in the wide layout: the column)
 * @param loss f(u_t)
 * @param gradNormSq |grad f(u_t)|^2
 * @param testAccuracy test accuracy, or empty
 * @param testLoss test loss, or empty
 * @param divergences the level-k divergence terms of the hierarchy, bottom first (H-SGD's rows)
 * @param divergenceTotal the single-level divergence (local SGD's rows)
 * @param method the algorithm (long layout)
 * @param seed the seed (long layout)
 * @param grouping the grouping, whose values split a file into experiments, or empty for one
 * @param periods columns giving each row's periods, bottom first, checked against its method's; may
 *     be empty
 * @param methods each method's value and its place in the sandwich
 * @param ignored columns the file has and hsgd does not use
 */
public record Mapping(
    Optional<String> wideColumns,
    String iteration,
    String loss,
    String gradNormSq,
    Optional<String> testAccuracy,
    Optional<String> testLoss,
    List<String> divergences,
    String divergenceTotal,
    String method,
    String seed,
    Optional<String> grouping,
    List<String> periods,
    Map<String, Variant.Role> methods,
    Set<String> ignored) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

  public Mapping {
    divergences = List.copyOf(divergences);
    periods = List.copyOf(periods);
    methods = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    ignored = java.util.Collections.unmodifiableSet(new TreeSet<>(ignored));
    Require.that(
        !divergences.isEmpty(),
        "columns.divergence",
        "must name one column per level of the hierarchy",
        () -> "none");
    for (Variant.Role role : Variant.Role.values()) {
      long count = methods.values().stream().filter(role::equals).count();
      Require.that(
          count == 1,
          "methods",
          "must map exactly one method to each of local-bottom, hsgd and local-top (the sandwich)",
          () -> count + " to " + name(role));
    }
    wideColumns.ifPresent(Mapping::requirePattern);
  }

  /**
   * hsgd's own names, those of its trace tables, for the columns a file has: the test metrics and
   * the grouping only where the file has them.
   *
   * @param divergences the names of the level divergences (div_down and div_up for two levels)
   * @param columns the file's columns
   */
  public static Mapping defaults(List<String> divergences, List<String> columns) {
    Map<String, Variant.Role> methods = new LinkedHashMap<>();
    methods.put("local_P1", Variant.Role.LOCAL_BOTTOM);
    methods.put("hsgd", Variant.Role.HSGD);
    methods.put("local_PK", Variant.Role.LOCAL_TOP);
    return new Mapping(
        Optional.empty(),
        "iteration",
        "loss",
        "grad_norm_sq",
        Optional.of("test_accuracy").filter(columns::contains),
        Optional.of("test_loss").filter(columns::contains),
        divergences,
        "div_total",
        "algorithm",
        "seed",
        Optional.of("grouping").filter(columns::contains),
        List.of(),
        methods,
        Set.of());
  }

  /** A role's name in a mapping: local-bottom, hsgd, local-top. */
  public static String name(Variant.Role role) {
    return switch (role) {
      case LOCAL_BOTTOM -> "local-bottom";
      case HSGD -> "hsgd";
      case LOCAL_TOP -> "local-top";
    };
  }

  /** The role of a name, as {@link #name} writes it. */
  public static Variant.Role role(String field, String name) {
    for (Variant.Role r : Variant.Role.values()) {
      if (name(r).equals(name)) {
        return r;
      }
    }
    throw new InvalidInputException(
        field, "must be local-bottom, hsgd or local-top", "'" + name + "'");
  }

  /** The metric columns (long layout) or metric names (wide), each with its mapping key. */
  Map<String, String> metrics() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("columns.loss", loss);
    m.put("columns.grad-norm-sq", gradNormSq);
    testAccuracy.ifPresent(c -> m.put("columns.test-accuracy", c));
    testLoss.ifPresent(c -> m.put("columns.test-loss", c));
    for (int k = 0; k < divergences.size(); k++) {
      m.put("columns.divergence[" + (k + 1) + "]", divergences.get(k));
    }
    m.put("columns.divergence-total", divergenceTotal);
    return m;
  }

  /** The wide layout's column pattern as a regular expression with named groups. */
  Pattern widePattern() {
    String pattern = wideColumns.orElseThrow();
    StringBuilder regex = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(pattern);
    int at = 0;
    while (m.find()) {
      regex.append(Pattern.quote(pattern.substring(at, m.start())));
      regex.append("(?<").append(m.group(1)).append(">.+?)");
      at = m.end();
    }
    regex.append(Pattern.quote(pattern.substring(at)));
    return Pattern.compile(regex.toString());
  }

  private static void requirePattern(String pattern) {
    Matcher m = PLACEHOLDER.matcher(pattern);
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    Require.that(
        Set.of("method", "seed", "metric", "grouping").containsAll(names)
            && names.containsAll(List.of("method", "seed", "metric"))
            && names.size() == new TreeSet<>(names).size(),
        "wide-columns",
        "must hold {method}, {seed} and {metric} once each, and optionally {grouping}",
        () -> "'" + pattern + "'");
  }
}
